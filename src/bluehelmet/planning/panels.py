"""The planning app's panel on the mission overview: the plan's open coverage flags (Capstone
§5.2), so that an uncovered task or an overdue plan review is seen without opening the plan."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from bluehelmet.core.models import Mission
from bluehelmet.planning.coverage import judge_plan, open_flags, overrides_for
from bluehelmet.planning.queries import current_revision


def plan_flags_panel(request: HttpRequest, mission: Mission) -> dict[str, Any] | None:
    """The flags no planner has dismissed on the revision in force, as the user may see it;
    nothing when the user sees no plan or it has no open flag."""
    revision = current_revision(mission, request.user)
    if revision is None:
        return None
    verdicts = judge_plan(revision, timezone.now().date(), overrides_for(mission.pk, request.user))
    flags = open_flags(verdicts)
    if not flags:
        return None
    return {"mission": mission, "revision": revision, "plan_flags": flags}
