"""Navigation for every page: the mission switcher and the left menu by doctrine area.

The menu is assembled from what each app registered (``core.registry``): core knows none of the
doctrine areas. Items flagged ``scoped`` link to their list filtered to the current mission;
mission pages appear once a mission is chosen. Each section folds (``<details>``): the one holding
the current page is open. Until a mission is chosen, the menu says how to pick one.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.permissions import grants_for
from bluehelmet.core.registry import NavItem, registry

PICK_MISSION_HINT = _("Pick a mission with the switcher at the top to see its pages.")


def _holds(user: Any, action: str | None) -> bool:
    if action is None or (user.is_superuser and user.is_active):
        return True
    return not grants_for(user, action).empty


def _item(request: HttpRequest, item: NavItem, mission: Any) -> dict | None:
    try:
        if item.mission_page:
            if mission is None:
                return None
            url = reverse(item.url_name, kwargs={"code": mission.code})
            active = request.path == url
        else:
            url = reverse(item.url_name)
            exact = item.url_name == "mission-list"  # its prefix is shared by every mission page
            active = request.path == url if exact else request.path.startswith(url)
            if item.scoped and mission is not None:
                url = f"{url}?mission={mission.code}"
    except NoReverseMatch:
        return None
    return {"label": item.label, "url": url, "active": active}


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from bluehelmet.core.views.current import get_current_mission, visible_missions

    mission = get_current_mission(request)
    sections = []
    for section in registry.navigation():
        shown = [_item(request, i, mission) for i in section.items if _holds(user, i.needs)]
        items = [i for i in shown if i]
        if items:
            sections.append(
                {
                    "key": section.key,
                    "title": section.title,
                    "items": items,
                    "open": any(i["active"] for i in items),
                }
            )
    return {
        "nav_sections": sections,
        "nav_missions": visible_missions(request).values("code", "name"),
        "current_mission": mission,
        # Mission pages stay hidden until a mission is chosen: say how to choose one (the
        # template shows it only to a user who sees some mission; the queryset stays lazy).
        "nav_hint": PICK_MISSION_HINT if mission is None else None,
    }
