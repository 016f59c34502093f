"""MINUSBEL's drawdown plan in the demo (issue 16; Capstone §6.1: withdrawal).

The Council has not yet decided a drawdown, but the mission plans one beside the hand-over that
has begun in the south-east: the Egypt formed police unit leaves once the national police hold
Bas-Sanvi, Team Site Kémbo closes, then the Rwanda battalion goes home. No step is carried out
yet, so the contingents and sites stay as the rest of the demo counts them. Dated on the
authored calendar and moved with the story.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.core.models import Contingent, Mission, OrgUnit
from bluehelmet.lifecycle.models import DrawdownKind, DrawdownStep

D = datetime.date
CODE = "MINUSBEL"
# (kind, contingent or site name, planned for, note)
STEPS = (
    (
        DrawdownKind.REPATRIATION,
        "Egypt Formed Police Unit",
        D(2026, 12, 15),
        "Once the national police command in Bas-Sanvi has run the province for a quarter.",
    ),
    (
        DrawdownKind.SITE_CLOSURE,
        "Team Site Kémbo",
        D(2027, 1, 31),
        "Premises handed to the local administration; see the asset register.",
    ),
    (
        DrawdownKind.REPATRIATION,
        "Rwanda Battalion (RWABATT)",
        D(2027, 3, 31),
        "Only if the Council decides the drawdown at the March renewal.",
    ),
)


def build_drawdown(
    missions: dict[str, Mission], acting_user: Any, progress: Callable[[str], None]
) -> None:
    mission = missions.get(CODE)
    if mission is None:
        return
    for kind, name, planned, note in STEPS:
        step = DrawdownStep(mission=mission, kind=kind, planned_on=planned, notes=note)
        if kind == DrawdownKind.REPATRIATION:
            step.contingent = Contingent.objects.get(mission=mission, name=name)
            step.personnel = step.contingent.strength or 0
        else:
            step.org_unit = OrgUnit.objects.get(mission=mission, name=name)
        step.full_clean()
        step.save()
    progress(_("Mission %(code)s: drawdown plan of %(n)d steps.") % {"code": CODE, "n": len(STEPS)})
