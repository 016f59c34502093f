"""Helpers shared by the tests/test_support_*.py files (the support app, Capstone §8.1-8.3):
small factories for contingents, self-sufficiency periods and contracts, MOUs with
inspections, logistics requests, premises with MOSS checks and rotations with training."""

from __future__ import annotations

import datetime
from typing import Any

from bluehelmet.core.models import Contingent, ContributingCountry, OrgUnit
from bluehelmet.support import models as m

D = datetime.date
TODAY = D(2026, 10, 31)


def contingent(mission: Any, name: str = "Test Battalion", **extra: Any) -> Contingent:
    country, _ = ContributingCountry.objects.get_or_create(iso3=extra.pop("iso3", "GHA"))
    fields = {
        "unit_type": "infantry_battalion",
        "strength": 800,
        "status": "deployed",
        "arrival_date": D(2026, 9, 1),
        **extra,
    }
    return Contingent.objects.create(mission=mission, country=country, name=name, **fields)


def unit(mission: Any, name: str, lat: float, lon: float, kind: str = "team_site") -> OrgUnit:
    return OrgUnit.objects.create(
        mission=mission, kind=kind, name=name, latitude=lat, longitude=lon
    )


def period(c: Contingent, days: int = 60, **extra: Any) -> m.SelfSufficiency:
    return m.SelfSufficiency.objects.create(mission=c.mission, contingent=c, days=days, **extra)


def contract(p: m.SelfSufficiency, commodity: str, status: str = "in_place", **extra: Any) -> Any:
    if status == "in_place":
        extra.setdefault("delivers_from", p.ends_on)
    return m.SupportContract.objects.create(
        mission=p.mission, period=p, commodity=commodity, status=status, **extra
    )


def lease(c: Contingent, *lines: tuple[str, int], **extra: Any) -> m.EquipmentLease:
    made = m.EquipmentLease.objects.create(
        mission=c.mission,
        contingent=c,
        reference=extra.pop("reference", f"MOU-{c.pk}"),
        lease_type=extra.pop("lease_type", "wet"),
        **extra,
    )
    for item, quantity in lines:
        m.EquipmentLine.objects.create(mission=c.mission, lease=made, item=item, quantity=quantity)
    return made


def inspect(mou: m.EquipmentLease, day: Any, kind: str = "periodic", **found: int) -> Any:
    """An inspection finding ``found[item]`` serviceable (items named with _ for spaces)."""
    made = m.EquipmentInspection.objects.create(
        mission=mou.mission, lease=mou, kind=kind, inspected_on=day
    )
    lines = {line.item.replace(" ", "_"): line for line in mou.lines.all()}
    for item, n in found.items():
        m.InspectionFinding.objects.create(
            mission=mou.mission, inspection=made, line=lines[item], serviceable=n
        )
    return made


def request(mission: Any, requester: OrgUnit, **extra: Any) -> m.SupplyRequest:
    fields = {
        "kind": "supply",
        "item": "Diesel fuel",
        "quantity": 5000,
        "unit_of_issue": "litres",
        "requested_on": D(2026, 10, 1),
        "needed_by": D(2026, 10, 20),
        **extra,
    }
    return m.SupplyRequest.objects.create(mission=mission, requesting_unit=requester, **fields)


def premises(mission: Any, name: str = "Team Site Alpha", **extra: Any) -> m.Premises:
    site = unit(mission, name, 4.6, 21.1)
    return m.Premises.objects.create(mission=mission, org_unit=site, **extra)


def moss_check(p: m.Premises, day: Any, *missing: str) -> m.MossCheck:
    met = {name: name not in missing for name in m.MOSS_FIELDS}
    return m.MossCheck.objects.create(mission=p.mission, premises=p, checked_on=day, **met)


def rotation(c: Contingent, arrives: Any, strength: int = 100) -> m.Rotation:
    return m.Rotation.objects.create(
        mission=c.mission, contingent=c, arrives_on=arrives, strength=strength
    )


TRAINED_ON = D(2026, 8, 1)


def train(r: m.Rotation, course: str, n: int, day: Any = TRAINED_ON) -> m.TrainingRecord:
    return m.TrainingRecord.objects.create(
        mission=r.mission, rotation=r, course=course, personnel_trained=n, completed_on=day
    )


def fully_trained(r: m.Rotation) -> None:
    for course in m.Course.values:
        train(r, course, r.strength)
