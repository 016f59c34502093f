"""Indicators computed from live data (issue 16; Capstone §10.2, §7.2): protection-alert
response times, freedom-of-movement restrictions and the troop gap, each read only up to the
indicator's sensitivity and, for a person, only from what they may see."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from tests.principles_support import at, party
from tests.progress_support import D, benchmark, indicator

from bluehelmet.benchmarks import computed
from bluehelmet.benchmarks import models as m
from bluehelmet.mandates.models import AuthorisedStrength, DeployedStrength
from bluehelmet.principles import models as pm

pytestmark = pytest.mark.django_db


def query(mission: Any, computation: str, sensitivity: int = 1, **extra: Any) -> dict[str, Any]:
    code = f"B{m.Benchmark.objects.count() + 1}"
    ind = indicator(
        benchmark(mission, code),
        computation=computation,
        sensitivity=sensitivity,
        **extra,
    )
    return computed.make_query(ind, D(2026, 9, 30))


def test_protection_response_is_the_median_of_answered_alerts(mission: Any) -> None:
    for hours in (2, 4, 30):
        pm.ProtectionAlert.objects.create(
            mission=mission,
            source=pm.AlertSource.COMMUNITY,
            received_at=at(2026, 9, 1),
            responded_at=at(2026, 9, 1) + datetime.timedelta(hours=hours),
            description="Armed men near the site",
        )
    pm.ProtectionAlert.objects.create(
        mission=mission,
        source=pm.AlertSource.COMMUNITY,
        received_at=at(2026, 9, 2),
        description="Not answered yet",
    )
    assert computed.run(query(mission, "poc_response"), None) == 4
    # Alerts are confidential: an unclassified indicator may not read them.
    assert computed.run(query(mission, "poc_response", sensitivity=0), None) is None


def test_restrictions_of_movement_are_counted_by_area(mission: Any) -> None:
    armed = party(mission, "Armed group")
    for kind, area in (
        ("fom_restriction", "Tabassi"),
        ("denial_of_access", "Tabassi"),
        ("cooperation", "Tabassi"),
        ("fom_restriction", "Kourala"),
    ):
        pm.ConsentEvent.objects.create(
            mission=mission, party=armed, admin1=area, kind=kind, occurred_on=D(2026, 8, 1)
        )
    assert computed.run(query(mission, "consent_restrictions", admin1="Tabassi"), None) == 2
    assert computed.run(query(mission, "consent_restrictions"), None) == 3


def test_the_troop_gap_is_read_from_the_last_month_reported(mission: Any) -> None:
    AuthorisedStrength.objects.create(mission=mission, troops=1000, effective_from=D(2025, 1, 1))
    DeployedStrength.objects.create(mission=mission, troops=750, month=D(2026, 8, 1))
    DeployedStrength.objects.create(mission=mission, troops=900, month=D(2026, 11, 1))
    assert computed.run(query(mission, "staffing_gap", sensitivity=0), None) == 25
