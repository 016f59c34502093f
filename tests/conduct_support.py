"""Helpers shared by tests/test_conduct_*.py: contingents and misconduct cases with words that
must never reach a role other than the conduct team and the Head of Mission (Capstone §3.2)."""

from __future__ import annotations

import datetime
from typing import Any

from bluehelmet.conduct import models as m
from bluehelmet.core.models import Contingent, ContingentStatus, ContributingCountry

D = datetime.date
# Words that appear only in case text: any page or answer holding one of them has leaked.
SECRET_SUMMARY = "Zanzibarquux alleged exchange at the market"
SECRET_VICTIM = "Victim Ophelia Grimsdottir, aged 16"
SECRET_WORDS = ("Zanzibarquux", "Grimsdottir")


def contingent(mission: Any, name: str = "BANBAT 1", iso3: str = "BGD", **extra: Any) -> Any:
    country, _ = ContributingCountry.objects.get_or_create(iso3=iso3)
    fields = {
        "unit_type": "infantry_battalion",
        "strength": 850,
        "status": ContingentStatus.DEPLOYED,
        **extra,
    }
    return Contingent.objects.create(mission=mission, country=country, name=name, **fields)


def case(mission: Any, **extra: Any) -> m.MisconductAllegation:
    fields = {
        "category": m.MisconductCategory.SEA,
        "personnel_category": "military",
        "received_on": D(2026, 1, 5),
        "summary": SECRET_SUMMARY,
        "victim_details": SECRET_VICTIM,
        **extra,
    }
    return m.MisconductAllegation.objects.create(mission=mission, **fields)


def leaks(text: str) -> list[str]:
    return [w for w in SECRET_WORDS if w in text]
