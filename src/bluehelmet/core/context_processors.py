"""Navigation for every page: the mission switcher and the left menu by doctrine area.

Apps built later add their area to ``NAVIGATION`` (DESIGN "Layout": one app per doctrine area).
Items flagged ``scoped`` link to their list filtered to the current mission.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.permissions import Action, grants_for

# (area title, [(label, url name, scoped, needs)]); ``needs`` is an action the user must hold.
NAVIGATION: list[tuple[Any, list[tuple[Any, str, bool, str | None]]]] = [
    (
        _("Mission"),
        [
            (_("Overview"), "mission-detail", True, None),
            (_("Lifecycle"), "mission-lifecycle", True, None),
            (_("All missions"), "mission-list", False, None),
        ],
    ),
    (
        _("Organisation (§6.2, §7.1)"),
        [
            (_("Components"), "component-list", True, None),
            (_("Organisational units"), "orgunit-list", True, None),
            (_("Posts"), "post-list", True, None),
            (_("People"), "person-list", True, None),
            (_("Assignments"), "assignment-list", True, None),
        ],
    ),
    (
        _("Contributors and partners (§7.1-7.2)"),
        [
            (_("Contingents"), "contingent-list", True, None),
            (_("Contributing countries"), "contributingcountry-list", False, None),
            (_("Partners"), "partner-list", True, None),
        ],
    ),
    (
        _("Mandates (§1.4, §4.2-4.3)"),
        [
            (_("Mandate and history"), "mission-mandate", True, None),
            (_("Strength and gap"), "mission-strength", True, None),
            (_("Consultations"), "consultation-list", True, None),
            (_("Mandate versions"), "mandate-list", True, None),
            (_("Mandated tasks"), "mandatedtask-list", True, None),
            (_("Resolutions"), "resolution-list", False, None),
        ],
    ),
    (
        _("Operations (JOC) (§7.2)"),
        [
            (_("Common operating picture"), "mission-cop", True, None),
            (_("Incidents"), "incident-list", True, None),
            (_("Situation reports"), "situationreport-list", True, None),
            (_("Flash reports"), "flashreport-list", True, None),
            (_("Crises"), "crisis-list", True, None),
            (_("Information sources"), "incidentsource-list", True, None),
            (_("Import incidents"), "mission-incident-import", True, Action.ADD),
        ],
    ),
    (
        _("Principles (§3.1)"),
        [
            (_("Principles dashboard"), "mission-principles", True, None),
            (_("Use-of-force review queue"), "reviewflag-queue", True, None),
            (_("Use-of-force reports"), "useofforcereport-list", True, None),
            (_("Protection threats"), "protectionthreat-list", True, None),
            (_("Protection alerts"), "protectionalert-list", True, None),
            (_("Parties"), "party-list", True, None),
            (_("Consent events"), "consentevent-list", True, None),
            (_("Violations"), "violation-list", True, None),
            (_("Responses to violations"), "violationresponse-list", True, None),
        ],
    ),
    (
        _("Analysis (JMAC) (§7.2)"),
        [
            (_("Hotspots and trends"), "mission-analysis", True, None),
            (_("Early-warning forecasts"), "mission-forecasts", True, None),
            (_("Threat assessments"), "threatassessment-list", True, None),
            (_("Actors"), "actor-list", True, None),
        ],
    ),
    (
        _("Reference"),
        [
            (_("Doctrine (Capstone)"), "doctrine-index", False, None),
            (_("Admin areas"), "adminarea-list", False, None),
        ],
    ),
    (
        _("Oversight"),
        [
            (_("Audit log"), "auditentry-list", False, Action.AUDIT),
        ],
    ),
]

MISSION_PAGES = {
    "mission-detail",
    "mission-lifecycle",
    "mission-mandate",
    "mission-strength",
    "mission-cop",
    "mission-incident-import",
    "mission-principles",
    "mission-analysis",
    "mission-forecasts",
}


def _holds(user: Any, action: str | None) -> bool:
    if action is None or (user.is_superuser and user.is_active):
        return True
    return not grants_for(user, action).empty


def _item(request: HttpRequest, label: Any, name: str, scoped: bool, mission: Any) -> dict | None:
    try:
        if name in MISSION_PAGES:
            if mission is None:
                return None
            url = reverse(name, kwargs={"code": mission.code})
            active = request.path == url
        else:
            url = reverse(name)
            exact = name == "mission-list"  # its prefix is shared by every mission page
            active = request.path == url if exact else request.path.startswith(url)
            if scoped and mission is not None:
                url = f"{url}?mission={mission.code}"
    except NoReverseMatch:
        return None
    return {"label": label, "url": url, "active": active}


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from bluehelmet.core.views.current import get_current_mission, visible_missions

    mission = get_current_mission(request)
    sections = []
    for title, entries in NAVIGATION:
        items = [
            _item(request, label, name, scoped, mission)
            for label, name, scoped, needs in entries
            if _holds(user, needs)
        ]
        items = [i for i in items if i]
        if items:
            sections.append({"title": title, "items": items})
    return {
        "nav_sections": sections,
        "nav_missions": visible_missions(request).values("code", "name"),
        "current_mission": mission,
    }
