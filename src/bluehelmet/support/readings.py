"""What the support rules read, taken from the records the reader may see (Capstone §8.1-8.3).

Every function scopes with ``restrict(user)``; ``user=None`` is the system (the demo, a report
job), which reads everything.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from bluehelmet.core.models import Assignment, Contingent, Post
from bluehelmet.support import models as m
from bluehelmet.support.rules import (
    ContractReading,
    DesignatedOfficial,
    MossReading,
    RotationReading,
    ServiceabilityReading,
)


def scoped(queryset: Any, user: Any) -> Any:
    return queryset if user is None else queryset.restrict(user)


def contract_readings(mission: Any, user: Any) -> list[ContractReading]:
    """One reading per contingent self-sufficiency period and commodity (rations, water, fuel),
    with the contract recorded for it, if any (§8.1)."""
    periods = scoped(m.SelfSufficiency.objects, user).filter(mission=mission)
    periods = list(periods.select_related("contingent"))
    contracts = scoped(m.SupportContract.objects, user).filter(period__in=periods)
    found = {(c.period_id, c.commodity): c for c in contracts}
    readings = []
    for period in periods:
        for commodity in m.Commodity:
            contract = found.get((period.pk, commodity.value))
            readings.append(
                ContractReading(
                    period.pk,
                    str(period.contingent),
                    commodity.value,
                    str(commodity.label),
                    period.ends_on,
                    contract.status if contract else None,
                    str(contract.get_status_display()) if contract else _("no contract recorded"),
                    contract.delivers_from if contract else None,
                )
            )
    return readings


def inspection_ratio(
    inspection: Any, lines: list[Any], findings: dict[int, int]
) -> tuple[int, int]:
    """(serviceable, agreed) over the MOU's major equipment (every line if it lists none): a
    line the inspection did not find counts as none serviceable, surplus counts for nothing."""
    major = [line for line in lines if line.kind == m.LineKind.MAJOR] or lines
    agreed = sum(line.quantity for line in major)
    serviceable = sum(min(findings.get(line.pk, 0), line.quantity) for line in major)
    return serviceable, agreed


def serviceability_history(mission: Any, user: Any) -> dict[int, list[ServiceabilityReading]]:
    """Every inspection of every MOU, oldest first, as a serviceability reading, by MOU id."""
    leases = scoped(m.EquipmentLease.objects, user).filter(mission=mission)
    leases = list(leases.select_related("contingent"))
    lines: dict[int, list[Any]] = defaultdict(list)
    for line in scoped(m.EquipmentLine.objects, user).filter(lease__in=leases):
        lines[line.lease_id].append(line)
    inspections = scoped(m.EquipmentInspection.objects, user).filter(lease__in=leases)
    findings: dict[int, dict[int, int]] = defaultdict(dict)
    rows = scoped(m.InspectionFinding.objects, user).filter(inspection__in=inspections)
    for f in rows.values("inspection_id", "line_id", "serviceable"):
        findings[f["inspection_id"]][f["line_id"]] = f["serviceable"]
    names = {lease.pk: str(lease.contingent) for lease in leases}
    history: dict[int, list[ServiceabilityReading]] = {lease.pk: [] for lease in leases}
    for i in inspections.order_by("inspected_on", "pk"):
        ok, agreed = inspection_ratio(i, lines[i.lease_id], findings[i.pk])
        history[i.lease_id].append(
            ServiceabilityReading(i.lease_id, names[i.lease_id], i.pk, i.inspected_on, ok, agreed)
        )
    return history


def moss_readings(mission: Any, user: Any) -> list[MossReading]:
    """Each premises with its latest check against the standards (§8.3)."""
    premises = scoped(m.Premises.objects, user).filter(mission=mission).select_related("org_unit")
    latest: dict[int, Any] = {}
    checks = scoped(m.MossCheck.objects, user).filter(premises__mission=mission)
    for check in checks.order_by("checked_on", "pk"):
        latest[check.premises_id] = check
    readings = []
    for p in premises:
        check = latest.get(p.pk)
        readings.append(
            MossReading(
                p.pk,
                str(p),
                check.checked_on if check else None,
                check.compliance if check else None,
                check.missing if check else (),
            )
        )
    return readings


def designated_official(mission: Any, user: Any, today: datetime.date) -> DesignatedOfficial:
    """The post marked Designated Official and who holds it today, as the reader may see them
    (the Head of Mission's post as a rule, Capstone §8.3)."""
    post = scoped(Post.objects, user).filter(mission=mission, is_designated_official=True).first()
    if post is None:
        return DesignatedOfficial(mission.pk, None, None)
    held = scoped(Assignment.objects, user).filter(post=post).current(today)
    found = held.select_related("person").order_by("acting", "-start_date").first()
    if found is None:
        return DesignatedOfficial(mission.pk, str(post), None)
    return DesignatedOfficial(mission.pk, str(post), str(found.person), found.acting)


def rotation_readings(mission: Any, user: Any) -> list[RotationReading]:
    """Every rotation with the personnel trained in each mandatory course, capped at its
    strength (§8.2, §3.2)."""
    rotations = scoped(m.Rotation.objects, user).filter(mission=mission)
    rotations = list(rotations.select_related("contingent"))
    trained: dict[tuple[int, str], int] = defaultdict(int)
    records = scoped(m.TrainingRecord.objects, user).filter(rotation__in=rotations)
    for r in records.values("rotation_id", "course", "personnel_trained"):
        trained[(r["rotation_id"], r["course"])] += r["personnel_trained"]
    return [
        RotationReading(
            r.pk,
            str(r.contingent),
            r.arrives_on,
            r.strength,
            {str(c.label): min(trained[(r.pk, c.value)], r.strength) for c in m.MANDATORY_COURSES},
        )
        for r in rotations
    ]


def current_rotations(
    readings: list[RotationReading], rotations: dict[int, Any], today: datetime.date
) -> dict[int, RotationReading]:
    """Per contingent id, the rotation in the field today (the latest arrived), or the next one
    when none has arrived yet."""
    chosen: dict[int, RotationReading] = {}
    for r in sorted(readings, key=lambda x: x.arrives_on):
        contingent_id = rotations[r.rotation_id]
        if r.arrives_on <= today or contingent_id not in chosen:
            chosen[contingent_id] = r
    return chosen


def visible_contingents(mission: Any, user: Any) -> Any:
    return scoped(Contingent.objects, user).filter(mission=mission)


def open_requests_q(today: datetime.date) -> tuple[Q, Q]:
    """(open, overdue) filters on logistics requests."""
    is_open = Q(status__in=m.OPEN_STATUSES)
    return is_open, is_open & Q(needed_by__lt=today)
