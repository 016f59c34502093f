"""The support app's panel on the mission overview: the open support flags (Capstone
§8.1-8.3), so that a contract missing, an equipment shortfall, a premises below standard, a
vacant Designated Official or an untrained rotation is seen without opening the dashboard."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from bluehelmet.core.models import Mission
from bluehelmet.support.verdicts import judge_mission


def support_flags_panel(request: HttpRequest, mission: Mission) -> dict[str, Any] | None:
    """The flags nobody has dismissed, as the user may see them; nothing when there is none."""
    flags = judge_mission(mission, request.user, timezone.now().date()).open_flags
    if not flags:
        return None
    return {"mission": mission, "support_flags": flags}
