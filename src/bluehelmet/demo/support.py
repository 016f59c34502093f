"""MINUSBEL's mission support in the demo (issue 18; Capstone §8.1-8.3).

The Zambian battalion, still deploying, is counted from its planned arrival: its 60 days of
self-sufficiency end in November and only the rations contract is in place, so water and fuel
are flagged. Five contingents have MOUs verified on arrival and every six months; the Rwandan
battalion's latest inspection finds its armoured vehicles and generators short, below the 90%
the mission expects. The joint logistics centre has fulfilled most requests; a fuel request from
Team Site Dorokou is approved but overdue. Every open premises has been checked against the
minimum operating security standards; Team Site Bangassi lacks its shelter and perimeter
lighting. The Pakistani battalion's October rotation arrived with a third of its members short
of the prevention of sexual exploitation and abuse course.

Every record is validated like a form's input and saved as the demo HQ user; names and texts
are fictional and bluehelmet's own.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.db import models

from bluehelmet.core.models import Contingent, Mission, OrgUnit
from bluehelmet.support import actions
from bluehelmet.support import models as m

D = datetime.date
CODE = "MINUSBEL"
ZAMBATT = "Zambia Battalion (ZAMBATT)"
RWABATT = "Rwanda Battalion (RWABATT)"
PAKBATT = "Pakistan Battalion (PAKBATT)"


def _create(model: type[models.Model], **fields: Any) -> Any:
    """Validate like a form would, then save (the change log records the creation)."""
    obj = model(**fields)
    obj.full_clean()
    obj.save()
    return obj


# contingent: (days, counted from (None: arrival), {commodity: status})
IN_PLACE = {"rations": "in_place", "water": "in_place", "fuel": "in_place"}
PERIODS: dict[str, tuple[int, datetime.date | None, dict[str, str]]] = {
    "Bangladesh Battalion (BANBAT-2)": (60, None, IN_PLACE),
    PAKBATT: (90, None, IN_PLACE),
    RWABATT: (60, None, IN_PLACE),
    "Egypt Engineering Company (EGYENG)": (45, None, IN_PLACE),
    "Indonesia Level II Hospital (INDOMED)": (30, None, IN_PLACE),
    ZAMBATT: (60, D(2026, 9, 25), {"rations": "in_place", "water": "awarded", "fuel": "tendering"}),
}
CONTRACTORS = {
    "rations": "Sahel Provisions Ltd",
    "water": "Belnara Water Services",
    "fuel": "Trans-Sanvi Petroleum",
}


def _periods(mission: Mission, contingents: dict[str, Contingent]) -> int:
    n = 0
    for name, (days, start, contracts) in PERIODS.items():
        period = _create(
            m.SelfSufficiency,
            mission=mission,
            contingent=contingents[name],
            days=days,
            starts_on=start,
            agreement=f"LOA/{CODE}/{contingents[name].country.iso3}/{n + 1:02d}",
        )
        for commodity, status in contracts.items():
            _create(
                m.SupportContract,
                mission=mission,
                period=period,
                commodity=commodity,
                contractor=CONTRACTORS[commodity],
                reference=f"PD/{CODE}/{commodity[:3].upper()}/{period.pk:03d}",
                status=status,
                delivers_from=period.ends_on if status == "in_place" else None,
            )
        n += 1
    return n


BATTALION_LINES = (
    ("Armoured personnel carrier", 30),
    ("Utility truck", 24),
    ("Water purification unit", 4),
    ("Generator 60 kVA", 10),
    ("Ambulance", 3),
)
# contingent: (lines, serviceable share at each inspection after arrival, last one per line)
FLEETS: dict[str, tuple[tuple[tuple[str, int], ...], tuple[float, ...]]] = {
    "Bangladesh Battalion (BANBAT-2)": (BATTALION_LINES, (1.0, 0.97, 0.95, 0.94)),
    PAKBATT: (BATTALION_LINES, (1.0, 0.96, 0.95, 0.93)),
    RWABATT: (BATTALION_LINES, (1.0, 0.94, 0.88, 0.80)),
    "Egypt Engineering Company (EGYENG)": (
        (("Bulldozer", 4), ("Excavator", 3), ("Dump truck", 8), ("Generator 60 kVA", 4)),
        (1.0, 0.95, 1.0, 0.95),
    ),
    "Indonesia Level II Hospital (INDOMED)": (
        (("Ambulance", 4), ("Generator 60 kVA", 3), ("Field X-ray unit", 1)),
        (1.0, 1.0, 1.0, 1.0),
    ),
}
INSPECTED = (D(2025, 5, 5), D(2025, 11, 3), D(2026, 5, 4), D(2026, 10, 12))


def _equipment(mission: Mission, contingents: dict[str, Contingent]) -> int:
    n = 0
    for name, (lines, shares) in FLEETS.items():
        c = contingents[name]
        lease = _create(
            m.EquipmentLease,
            mission=mission,
            contingent=c,
            reference=f"MOU/{CODE}/{c.country.iso3}/{n + 1:02d}",
            lease_type="dry" if "Hospital" in name else "wet",
            signed_on=c.arrival_date - datetime.timedelta(days=45) if c.arrival_date else None,
        )
        made = [
            _create(m.EquipmentLine, mission=mission, lease=lease, item=item, quantity=quantity)
            for item, quantity in lines
        ]
        _create(
            m.EquipmentLine,
            mission=mission,
            lease=lease,
            kind="self_sustainment",
            item="Catering",
            category="catering",
            quantity=1,
        )
        visits = ((c.arrival_date, "arrival"), *((d, "periodic") for d in INSPECTED[1:]))
        for (day, kind), share in zip(visits, shares, strict=True):
            n += _inspection(mission, lease, day, kind, made, share)
    return n


def _inspection(
    mission: Mission, lease: Any, day: Any, kind: str, lines: list[Any], share: float
) -> int:
    visit = _create(
        m.EquipmentInspection,
        mission=mission,
        lease=lease,
        kind=kind,
        inspected_on=day,
        inspector="COE verification team, Mission Support",
    )
    for line in lines:
        _create(
            m.InspectionFinding,
            mission=mission,
            inspection=visit,
            line=line,
            serviceable=round(line.quantity * share),
        )
    return 1


# (kind, from unit, item, quantity, unit of issue, priority, requested, needed by, steps, to)
# steps: (approved, fulfilled) days after the request; None: not taken yet.
REQUESTS = (
    ("supply", "Team Site Dorokou", "Diesel fuel", 12000, "litres", "priority",
     D(2026, 10, 6), D(2026, 10, 20), (2, None), None),
    ("supply", "Team Site Bangassi", "Sandbags", 4000, "bags", "urgent",
     D(2026, 10, 20), D(2026, 11, 3), (None, None), None),
    ("supply", "Sector North Headquarters", "Combat rations", 20000, "packs", "routine",
     D(2026, 8, 3), D(2026, 9, 1), (3, 21), None),
    ("supply", "Team Site Abéssa", "Water purification tablets", 50000, "tablets", "routine",
     D(2026, 9, 1), D(2026, 9, 30), (1, 12), None),
    ("supply", "Sector West Headquarters", "Tyres for utility trucks", 60, "each", "priority",
     D(2026, 9, 14), D(2026, 10, 5), (4, 18), None),
    ("movement", "Logistics Hub Nzari", "Fuel convoy, 6 tankers", 6, "vehicles", "priority",
     D(2026, 10, 25), D(2026, 11, 4), (1, None), "Team Site Dorokou"),
    ("movement", "Sector South-East Headquarters", "Rotation of a company", 120, "personnel",
     "routine", D(2026, 9, 20), D(2026, 10, 10), (2, 15), "Team Site Kassongé"),
)  # fmt: skip


def _requests(mission: Mission, units: dict[str, OrgUnit], acting_user: Any) -> int:
    for kind, frm, item, qty, issue, priority, asked, needed, steps, to in REQUESTS:
        req = _create(
            m.SupplyRequest,
            mission=mission,
            kind=kind,
            requesting_unit=units[frm],
            item=item,
            quantity=qty,
            unit_of_issue=issue,
            priority=priority,
            requested_on=asked,
            needed_by=needed,
            origin=units[frm] if kind == "movement" else None,
            destination=units[to] if to else None,
        )
        approved, fulfilled = steps
        if approved is not None:
            on = asked + datetime.timedelta(days=approved)
            actions.do_approve_supply_request(req, on=on, acting_user=acting_user)
        if fulfilled is not None:
            on = asked + datetime.timedelta(days=fulfilled)
            actions.do_fulfil_supply_request(req, on=on, acting_user=acting_user)
    return len(REQUESTS)


# Checked on these days; Bangassi's last check misses two standards.
CHECKS = (D(2026, 4, 15), D(2026, 9, 28))
SHORT = {"Team Site Bangassi": ("shelter", "lighting")}


def _premises(mission: Mission, units: dict[str, OrgUnit]) -> int:
    n = 0
    for unit in units.values():
        if unit.closed_on or unit.kind not in ("mission_hq", "sector_hq", "team_site"):
            continue
        place = _create(
            m.Premises,
            mission=mission,
            org_unit=unit,
            security_focal_point="Field security officer",
        )
        for day in CHECKS:
            missing = SHORT.get(unit.name, ()) if day == CHECKS[-1] else ()
            met = {name: name not in missing for name in m.MOSS_FIELDS}
            _create(m.MossCheck, mission=mission, premises=place, checked_on=day, **met)
        n += 1
    return n


def _security(mission: Mission, units: dict[str, OrgUnit]) -> None:
    bangassi = m.Premises.objects.get(mission=mission, org_unit=units["Team Site Bangassi"])
    _create(
        m.SecurityAssessment,
        mission=mission,
        premises=bangassi,
        assessed_on=D(2026, 9, 30),
        risk_level="high",
        summary="Indirect fire on the camp twice in September; the shelter is flooded.",
        measures="Rebuild the shelter; restore the perimeter lights; limit night movement.",
        review_by=D(2026, 12, 31),
    )
    _create(
        m.SecurityAssessment,
        mission=mission,
        area="Tabassi",
        assessed_on=D(2026, 8, 15),
        risk_level="substantial",
        summary="Armed group checkpoints on the main supply route south of Tabassi.",
        measures="Escorted convoys only; movement by day.",
        review_by=D(2026, 11, 15),
    )
    meeting = _create(
        m.SecurityMeeting,
        mission=mission,
        held_on=D(2026, 10, 2),
        chaired_by="Designated Official (Head of Mission)",
        attendees="Chief Security Adviser; heads of agencies; Force and Police representatives",
        summary="Review of the Bangassi assessment and the Tabassi road.",
    )
    for text, owner, due, done in (
        (
            "Repair the Bangassi shelter before the rains end.",
            "Engineering",
            D(2026, 11, 15),
            False,
        ),
        ("Escort every convoy on the Tabassi road.", "Force", D(2026, 10, 9), True),
    ):
        _create(
            m.SecurityDecision,
            mission=mission,
            meeting=meeting,
            decision=text,
            owner=owner,
            due_on=due,
            done=done,
        )


# contingent: (rotation arrival, personnel, trained per course (None: all))
ROTATIONS = {
    "Bangladesh Battalion (BANBAT-2)": (D(2026, 6, 15), 850, None),
    PAKBATT: (D(2026, 10, 5), 850, {"sea_prevention": 560}),
    RWABATT: (D(2026, 6, 20), 800, None),
    "Egypt Engineering Company (EGYENG)": (D(2026, 7, 28), 250, None),
    "Indonesia Level II Hospital (INDOMED)": (D(2026, 8, 30), 65, None),
}


def _training(mission: Mission, contingents: dict[str, Contingent]) -> int:
    for name, (arrives, strength, short) in ROTATIONS.items():
        rotation = _create(
            m.Rotation,
            mission=mission,
            contingent=contingents[name],
            arrives_on=arrives,
            strength=strength,
        )
        for course in m.Course.values:
            _create(
                m.TrainingRecord,
                mission=mission,
                rotation=rotation,
                course=course,
                personnel_trained=(short or {}).get(course, strength),
                completed_on=arrives - datetime.timedelta(days=20),
                provider="National peacekeeping training centre",
            )
    return len(ROTATIONS)


def build_demo_support(
    missions: dict[str, Mission], acting_user: Any, progress: Callable[[str], None]
) -> None:
    mission = missions.get(CODE)
    if mission is None:
        return
    contingents = {c.name: c for c in Contingent.objects.filter(mission=mission)}
    units = {u.name: u for u in OrgUnit.objects.filter(mission=mission)}
    periods = _periods(mission, contingents)
    inspections = _equipment(mission, contingents)
    requests = _requests(mission, units, acting_user)
    premises = _premises(mission, units)
    _security(mission, units)
    rotations = _training(mission, contingents)
    progress(
        f"Mission {CODE} support: {periods} self-sufficiency periods, {inspections} equipment "
        f"inspections, {requests} logistics requests, {premises} premises, {rotations} rotations."
    )


def delete_support(mission: Mission) -> None:
    """Logistics requests protect the units they name: remove them before the unit tree."""
    m.SupplyRequest.objects.filter(mission=mission).delete()
