"""MINUSBEL's misconduct cases in the demo (issue 18; Capstone §3.2, §7.1).

Twelve allegations at every stage of the timeline, most against the Bangladeshi battalion so
that the figures others see show one contingent's count and suppress the small ones. One case
is overdue: the Pakistani battalion's sexual exploitation and abuse case, referred to Pakistan's
national investigation in June, has no outcome past the 90 days the mission allows. Every case
is strictly confidential and seen only by MINUSBEL's conduct and discipline team and its Head
of Mission; what is alleged and the victims are described in general, fictional words.

Records are written directly (validated like a form's input) rather than through the step
actions, whose dates may not lie in the future: the story is authored on its own calendar and
moved to the build day afterwards (``timeline``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.conduct import models as m
from bluehelmet.core.models import Contingent, Mission

D = datetime.date
CODE = "MINUSBEL"
BANBAT = "Bangladesh Battalion (BANBAT-2)"
PAKBATT = "Pakistan Battalion (PAKBATT)"
SENFPU = "Senegal Formed Police Unit"
SEA, SERIOUS, MINOR = m.MisconductCategory.SEA, m.MisconductCategory.SERIOUS, "minor"

# (category, personnel, contingent, received, summary, stage reached, steps: dates by name)
CASES: list[tuple[str, str, str | None, datetime.date, str, dict[str, Any]]] = [
    (
        SEA,
        "military",
        BANBAT,
        D(2026, 2, 3),
        "Transactional sex near the Nzari camp.",
        {
            "assessed": D(2026, 2, 6),
            "referred": ("national", D(2026, 2, 12)),
            "investigation": D(2026, 2, 20),
            "outcome": ("substantiated", D(2026, 5, 2)),
            "action": (D(2026, 5, 20), "Repatriated on disciplinary grounds; pay withheld."),
            "assisted": D(2026, 2, 5),
        },
    ),
    (
        SEA,
        "military",
        BANBAT,
        D(2026, 8, 14),
        "Sexual relationship with a minor alleged.",
        {
            "assessed": D(2026, 8, 18),
            "referred": ("national", D(2026, 8, 25)),
            "investigation": D(2026, 9, 2),
            "assisted": D(2026, 8, 15),
        },
    ),
    (SEA, "military", BANBAT, D(2026, 10, 28), "Solicitation reported by a community network.", {}),
    (
        SERIOUS,
        "military",
        BANBAT,
        D(2026, 3, 9),
        "Sale of fuel rations at the market.",
        {
            "assessed": D(2026, 3, 12),
            "referred": ("national", D(2026, 3, 20)),
            "investigation": D(2026, 3, 25),
            "outcome": ("not_substantiated", D(2026, 6, 1)),
        },
    ),
    (
        SERIOUS,
        "military",
        BANBAT,
        D(2026, 9, 30),
        "Assault on a driver at a checkpoint.",
        {
            "assessed": D(2026, 10, 3),
            "referred": ("national", D(2026, 10, 9)),
            "investigation": D(2026, 10, 12),
            "outcome": ("substantiated", D(2026, 10, 24)),
        },
    ),
    (
        MINOR,
        "military",
        BANBAT,
        D(2026, 7, 1),
        "Curfew broken by off-duty soldiers.",
        {"assessed": D(2026, 7, 3), "finding": "not_pursued"},
    ),
    (
        SEA,
        "military",
        PAKBATT,
        D(2026, 6, 2),
        "Exploitation of a domestic worker alleged.",
        {
            "assessed": D(2026, 6, 9),
            "referred": ("national", D(2026, 6, 20)),
            "investigation": D(2026, 7, 1),
            "assisted": D(2026, 6, 4),
        },
    ),
    (
        SERIOUS,
        "military",
        PAKBATT,
        D(2026, 10, 26),
        "Weapon discharged in a bar.",
        {"assessed": D(2026, 10, 27), "referred": ("national", D(2026, 10, 30))},
    ),
    (
        SEA,
        "police",
        SENFPU,
        D(2026, 4, 11),
        "Abuse alleged during a night patrol.",
        {
            "assessed": D(2026, 4, 14),
            "referred": ("oios", D(2026, 4, 20)),
            "investigation": D(2026, 4, 22),
            "outcome": ("substantiated", D(2026, 7, 10)),
            "action": (D(2026, 8, 1), "Repatriated; barred from future service."),
            "assisted": D(2026, 4, 12),
        },
    ),
    (
        SERIOUS,
        "international_civilian",
        None,
        D(2026, 5, 18),
        "Procurement fraud alleged.",
        {
            "assessed": D(2026, 5, 25),
            "referred": ("oios", D(2026, 6, 3)),
            "investigation": D(2026, 6, 10),
            "outcome": ("substantiated", D(2026, 9, 15)),
            "action": (D(2026, 10, 1), "Summarily dismissed."),
        },
    ),
    (
        MINOR,
        "national_civilian",
        None,
        D(2026, 10, 20),
        "Harassment of a colleague alleged.",
        {"assessed": D(2026, 10, 27)},
    ),
    (
        MINOR,
        "national_civilian",
        None,
        D(2026, 9, 8),
        "Misuse of a UN vehicle.",
        {
            "assessed": D(2026, 9, 10),
            "referred": ("mission", D(2026, 9, 15)),
            "investigation": D(2026, 9, 16),
            "outcome": ("closed_no_finding", D(2026, 10, 5)),
        },
    ),
]


def _create(model: Any, **fields: Any) -> Any:
    obj = model(**fields)
    obj.full_clean()
    obj.save()
    return obj


def _steps(case: m.MisconductAllegation, steps: dict[str, Any]) -> None:
    """The steps reached, in order; the stage follows the last (as the actions set it)."""
    stage = m.Stage.RECEIVED
    if "assessed" in steps:
        case.assessed_on, case.finding = steps["assessed"], steps.get("finding", "pursue")
        stage = m.Stage.ASSESSED if case.finding == "pursue" else m.Stage.CLOSED
    if "assisted" in steps:
        case.victim_assisted_on = steps["assisted"]
        case.victim_assistance = "Medical and psychosocial care through the UNFPA partner."
    if "referred" in steps:
        body, day = steps["referred"]
        referral = _create(
            m.Referral, mission=case.mission, allegation=case, referred_to=body, referred_on=day
        )
        stage = m.Stage.REFERRED
    if "investigation" in steps:
        inv = _create(
            m.Investigation,
            mission=case.mission,
            allegation=case,
            referral=referral,
            started_on=steps["investigation"],
        )
        stage = m.Stage.INVESTIGATING
        if "outcome" in steps:
            inv.outcome, inv.outcome_on = steps["outcome"]
            inv.save()
            stage = m.Stage.DECIDED if inv.outcome == "substantiated" else m.Stage.CLOSED
    if "action" in steps:
        case.action_taken_on, case.action_taken = steps["action"]
        stage = m.Stage.CLOSED
    case.stage = stage
    case.save()


def build_demo_conduct(
    missions: dict[str, Mission], acting_user: Any, progress: Callable[[str], None]
) -> None:
    mission = missions.get(CODE)
    if mission is None:
        return
    contingents = {c.name: c for c in Contingent.objects.filter(mission=mission)}
    for category, personnel, unit, received, summary, steps in CASES:
        case = _create(
            m.MisconductAllegation,
            mission=mission,
            category=category,
            personnel_category=personnel,
            contingent=contingents.get(unit) if unit else None,
            received_on=received,
            summary=summary,
            victim_details="Described in the confidential intake form." if category == SEA else "",
        )
        _steps(case, steps)
    progress(
        _("Mission %(code)s conduct: %(n)d misconduct cases, one overdue.")
        % {"code": CODE, "n": len(CASES)}
    )


def delete_conduct(mission: Mission) -> None:
    """Cases protect the contingents they name: remove them before the mission."""
    m.MisconductAllegation._base_manager.filter(mission=mission).delete()
