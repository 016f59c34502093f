"""The mandates app's panels on the mission overview and the "situation now" page: overdue
consultations (Capstone §4.3)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from bluehelmet.core.audit import log_reads
from bluehelmet.core.models import Mission
from bluehelmet.mandates.consultations import overdue
from bluehelmet.mandates.models import Consultation


def overdue_consultations(user: Any, mission: Mission) -> list[Consultation]:
    """Consultations with contributors past their due date, as ``user`` may see them."""
    visible = set(
        Consultation.objects.restrict(user).filter(mission=mission).values_list("pk", flat=True)
    )
    return [c for c in overdue(mission) if c.pk in visible]


def overdue_consultations_panel(request: HttpRequest, mission: Mission) -> dict[str, Any] | None:
    late = overdue_consultations(request.user, mission)
    if not late:
        return None
    log_reads(request.user, late)
    return {"mission": mission, "overdue_consultations": late}


def overdue_consultations_situation(
    request: HttpRequest, mission: Mission
) -> dict[str, Any] | None:
    """The same list on the situation page, which says "none" rather than hiding the box."""
    late = overdue_consultations(request.user, mission)
    log_reads(request.user, late)
    return {"mission": mission, "overdue_consultations": late}
