"""Helpers shared by the tests/test_principles_*.py files."""

from __future__ import annotations

import datetime
from typing import Any

from bluehelmet.core.models import AuditEntry, OrgUnit
from bluehelmet.principles import models as m

UTC = datetime.UTC
D = datetime.date


def at(year: int, month: int, day: int, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=UTC)


def roe(mission: Any, *, anm: bool = False) -> m.RoeProfile:
    """A military ROE with three levels: unit, sector and Force Commander (robust mandate)."""
    profile = m.RoeProfile.objects.create(
        mission=mission, kind=m.RoeKind.ROE, name="Mission ROE", all_necessary_means_setting=anm
    )
    levels = [
        (1, "Warning shots", m.Authority.UNIT_COMMANDER, False),
        (2, "Aimed fire", m.Authority.SECTOR_COMMANDER, False),
        (3, "Attack helicopters", m.Authority.FORCE_COMMANDER, True),
    ]
    for order, name, authority, robust in levels:
        m.ForceLevel.objects.create(
            profile=profile,
            order=order,
            name=name,
            authority=authority,
            requires_all_necessary_means=robust,
        )
    return profile


def level(profile: m.RoeProfile, order: int) -> m.ForceLevel:
    return profile.levels.get(order=order)


def clean_report(profile: m.RoeProfile, **fields: Any) -> m.UseOfForceReport:
    """A report that trips no rule, unless ``fields`` change it."""
    mission = profile.mission
    values: dict[str, Any] = {
        "mission": mission,
        "org_unit": OrgUnit.objects.filter(mission=mission).first(),
        "occurred_at": at(2025, 5, 1),
        "threat_faced": "Armed group fired on a patrol",
        "threat_imminent": False,
        "persuasion_tried": True,
        "persuasion": "Loudhailer warnings, negotiation with the group's commander",
        "level": level(profile, 1),
        "basis": m.ForceBasis.SELF_DEFENCE,
        "proportionality": "Warning shots only, into the air, after the group advanced",
        "civilian_harm_assessed": True,
        "civilian_harm": "None",
        "consent_impact_assessed": True,
        "consent_impact": "Local leaders informed; no change expected",
    }
    values.update(fields)
    report = m.UseOfForceReport(**values)
    report.full_clean()
    report.save()
    return report


def party(mission: Any, name: str, kind: str = m.PartyKind.PARTY) -> m.Party:
    return m.Party.objects.create(mission=mission, name=name, kind=kind)


def audit_count() -> int:
    return AuditEntry.objects.count()
