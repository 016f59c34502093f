"""Helpers shared by the tests/test_reports_*.py files (the periodic report to the Council,
Capstone §9.1, §10.1): a quarter of incidents, alerts and consent events in a mission, and an
indicator that deteriorates."""

from __future__ import annotations

import datetime
from typing import Any

from tests.operations_support import at, incident
from tests.progress_support import benchmark, indicator, observe

from bluehelmet.core.permissions import Sensitivity
from bluehelmet.principles import models as pm

D = datetime.date
Q3 = (D(2026, 7, 1), D(2026, 9, 30))
SC = Sensitivity.STRICTLY_CONFIDENTIAL


def quarter_of_records(mission: Any) -> None:
    """Q3 2026: 3 incidents in Ouaka (2 in July), 1 in Vakaga; Q2: 1 in Ouaka; one strictly
    confidential incident in Vakaga with 7 killed; two alerts (one answered in 4 hours), a
    restriction of movement and a sign of cooperation."""
    incident(mission, occurred_at=at(2026, 7, 3), admin1="Ouaka", killed=2)
    incident(mission, occurred_at=at(2026, 7, 20), admin1="Ouaka", killed=0)
    incident(mission, occurred_at=at(2026, 8, 9), admin1="Ouaka", killed=1)
    incident(mission, occurred_at=at(2026, 9, 1), admin1="Vakaga", killed=3)
    incident(mission, occurred_at=at(2026, 5, 1), admin1="Ouaka", killed=1)
    incident(mission, occurred_at=at(2026, 9, 12), admin1="Vakaga", killed=7, sensitivity=SC)
    received = at(2026, 8, 1, 8)
    pm.ProtectionAlert.objects.create(
        mission=mission,
        source="community",
        received_at=received,
        description="Armed men seen near the camp",
        response_kind="patrol",
        responded_at=received + datetime.timedelta(hours=4),
    )
    pm.ProtectionAlert.objects.create(
        mission=mission, source="community", received_at=at(2026, 9, 2), description="Shots"
    )
    party = pm.Party.objects.create(mission=mission, name="Front Populaire", kind="party")
    for kind, day in (("fom_restriction", 5), ("cooperation", 6)):
        pm.ConsentEvent.objects.create(
            mission=mission, party=party, admin1="Ouaka", kind=kind, occurred_on=D(2026, 8, day)
        )


def deteriorating_indicator(mission: Any, name: str = "Civilians killed", **extra: Any) -> Any:
    """An indicator a survey reads much worse on 30 September than on 30 June."""
    ind = indicator(benchmark(mission, extra.pop("code", "B1")), name, threshold=150, **extra)
    observe(ind, D(2026, 6, 30), 90, "survey", "Household survey", **_same(extra))
    observe(ind, D(2026, 9, 30), 130, "survey", "Household survey", **_same(extra))
    return ind


def _same(extra: dict[str, Any]) -> dict[str, Any]:
    return {"sensitivity": extra["sensitivity"]} if "sensitivity" in extra else {}


def section(content: dict[str, Any], heading: str) -> dict[str, Any]:
    return next(s for s in content["sections"] if s["heading"] == heading)


def text_of(section: dict[str, Any]) -> str:
    return " ".join(p["text"] for p in section["paragraphs"])
