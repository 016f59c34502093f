"""Helpers shared by the tests/test_outreach_*.py files: small factories for impact indicators,
rumours, meetings and partners (Capstone §9.1-9.2, §7.2)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from bluehelmet.core.models import OrgUnit, Partner
from bluehelmet.outreach import models as m

D = datetime.date


def at(*parts: int) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=datetime.UTC)  # type: ignore[arg-type,misc]


def impact_indicator(mission: Any, **extra: Any) -> Any:
    fields = {
        "name": "Rice price at the Kassongé market",
        "kind": m.ImpactKind.ECONOMIC,
        "measure": m.ImpactMeasure.LOCAL_PRICES,
        "unit": "XAF/kg",
        "threshold": Decimal(600),
        "org_unit": OrgUnit.objects.filter(mission=mission).first(),
        **extra,
    }
    return m.ImpactIndicator.objects.create(mission=mission, **fields)


def read(indicator: Any, day: datetime.date, value: int | str) -> Any:
    return m.ImpactObservation.objects.create(
        indicator=indicator, observed_on=day, value=Decimal(value), source="Market survey"
    )


def rumour(mission: Any, **extra: Any) -> Any:
    fields = {
        "said": "The blue helmets are bringing fighters back to Kassongé.",
        "heard_at": at(2025, 3, 1, 9),
        "admin1": "Bangui",
        "spread": m.Spread.AREA,
        "risk": m.Risk.HIGH,
        "risk_to": m.RiskTo.BOTH,
        **extra,
    }
    return m.Rumour.objects.create(mission=mission, **fields)


def meeting(mission: Any, **extra: Any) -> Any:
    fields = {
        "forum": m.Forum.UNCT,
        "title": "Country team meeting",
        "held_on": D(2026, 9, 1),
        **extra,
    }
    return m.CoordinationMeeting.objects.create(mission=mission, **fields)


def action_item(meet: Any, due_on: datetime.date, **extra: Any) -> Any:
    fields = {"text": "Share the returns plan", "owner": "UNHCR", "due_on": due_on, **extra}
    return m.ActionItem.objects.create(meeting=meet, **fields)


def partner(mission: Any, name: str = "OCHA", kind: str = "humanitarian") -> Any:
    return Partner.objects.create(mission=mission, name=name, kind=kind)
