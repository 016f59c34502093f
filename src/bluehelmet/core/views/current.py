"""The mission a user is working in, kept in the session (the mission switcher).

Only a mission the user may see can be current: a stale or forbidden choice is dropped.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from bluehelmet.core.models import Mission

SESSION_KEY = "bluehelmet_mission_id"
_CACHE_ATTR = "_bluehelmet_current_mission"


def visible_missions(request: HttpRequest) -> Any:
    return Mission.objects.restrict(request.user)


def get_current_mission(request: HttpRequest) -> Mission | None:
    """The session's mission if the user still sees it, else None (cached per request)."""
    if hasattr(request, _CACHE_ATTR):
        return getattr(request, _CACHE_ATTR)
    mission = None
    mission_id = request.session.get(SESSION_KEY)
    if mission_id is not None and request.user.is_authenticated:
        mission = visible_missions(request).filter(pk=mission_id).first()
        if mission is None:
            request.session.pop(SESSION_KEY, None)
    setattr(request, _CACHE_ATTR, mission)
    return mission


def set_current_mission(request: HttpRequest, mission: Mission | None) -> None:
    if mission is None:
        request.session.pop(SESSION_KEY, None)
    elif request.session.get(SESSION_KEY) != mission.pk:
        request.session[SESSION_KEY] = mission.pk
    setattr(request, _CACHE_ATTR, mission)
