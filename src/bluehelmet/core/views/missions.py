"""Mission pages: list, overview with the offline map, edit, the switcher and home.

The overview gathers what Capstone §6.2 and §7.1-7.2 make a mission's shape: type, lifecycle
phase and deployment clock, leadership team, components, field presence, contingents and
partners. Every part goes through ``restrict`` so a user sees only what their role allows.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.core import filtersets as fs
from bluehelmet.core import forms
from bluehelmet.core import models as m
from bluehelmet.core.audit import log_reads
from bluehelmet.core.permissions import Action, grants_for, user_can
from bluehelmet.core.phases import Phase, next_phases
from bluehelmet.core.registry import POSITIONS, registry, render_panels
from bluehelmet.core.tables import Column, object_url, register_url_kwargs
from bluehelmet.core.views import generic
from bluehelmet.core.views.current import get_current_mission, set_current_mission
from bluehelmet.core.views.situation import lands_on_situation

register_url_kwargs(m.Mission, lambda mission: {"code": mission.code})

MISSION_COLUMNS = (
    Column("code", link=True),
    Column("name"),
    Column("host_country_name", label=_("Host country")),
    Column("mission_type"),
    Column("status"),
    Column("phase"),
    Column("mandate_authorised_on"),
)


class MissionListView(generic.ObjectListView):
    """Every mission the user sees; until one is chosen it says how (``nav_hint``)."""

    model = m.Mission
    filterset_class = fs.MissionFilterSet
    columns = MISSION_COLUMNS
    template_name = "core/mission_list.html"


class MissionEditView(generic.ObjectEditView):
    model = m.Mission
    form_class = forms.MissionForm
    lookup = "code"


class MissionDeleteView(generic.ObjectDeleteView):
    model = m.Mission
    lookup = "code"


def get_mission(request: HttpRequest, code: str) -> m.Mission:
    """The mission if the user may see it, else 404 (never revealing that it exists)."""
    return get_object_or_404(m.Mission.objects.restrict(request.user), code=code)


class HomeView(LoginRequiredMixin, View):
    """The current mission's overview, or its situation page for its JOC officers and leaders
    (``situation.SITUATION_ROLES``); when none is chosen, the headquarters overview for HQ
    roles (Capstone §7.1) and the mission list for others who see several."""

    def get(self, request: HttpRequest) -> HttpResponse:
        mission = get_current_mission(request)
        if mission is None:
            visible = list(m.Mission.objects.restrict(request.user)[:2])
            mission = visible[0] if len(visible) == 1 else None
        if mission is None:
            hq_role = grants_for(request.user, Action.VIEW).all_missions is not None
            if hq_role or request.user.is_superuser:
                return redirect("hq-overview")
            return redirect("mission-list")
        if lands_on_situation(request.user, mission):
            return redirect("mission-now", code=mission.code)
        return redirect("mission-detail", code=mission.code)


class SwitchMissionView(LoginRequiredMixin, View):
    """The switcher at the top of every page: choose the mission to work in."""

    def post(self, request: HttpRequest) -> HttpResponse:
        code = (request.POST.get("mission") or "").strip()
        if not code:
            set_current_mission(request, None)
            return redirect("mission-list")
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        return redirect("mission-detail", code=mission.code)


def leadership(user: Any, mission: m.Mission) -> list[dict[str, Any]]:
    """Mission Leadership Team posts (Capstone §7.1) with who holds them now, or vacant."""
    posts = m.Post.objects.restrict(user).filter(mission=mission, is_mlt=True)
    holders = defaultdict(list)
    visible: Any = m.Assignment.objects.restrict(user)
    current = visible.current().filter(mission=mission)
    for assignment in current.filter(post__is_mlt=True).select_related("person"):
        holders[assignment.post_id].append(assignment)
    return [{"post": post, "assignments": holders.get(post.pk, [])} for post in posts]


def org_tree(units: list[m.OrgUnit]) -> list[tuple[m.OrgUnit, int]]:
    """Units in tree order with their depth; a unit whose parent is hidden becomes a root."""
    ids = {u.pk for u in units}
    children: dict[int | None, list[m.OrgUnit]] = defaultdict(list)
    for unit in units:
        children[unit.parent_id if unit.parent_id in ids else None].append(unit)
    result: list[tuple[m.OrgUnit, int]] = []
    stack = [(u, 0) for u in reversed(children[None])]
    while stack:
        unit, depth = stack.pop()
        result.append((unit, depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(unit.pk, [])))
    return result


def contingents_by_country(contingents: list[m.Contingent]) -> list[dict[str, Any]]:
    groups: dict[int, dict[str, Any]] = {}
    for c in contingents:
        group = groups.setdefault(
            c.country_id, {"country": c.country, "contingents": [], "strength": 0}
        )
        group["contingents"].append(c)
        if c.status != m.ContingentStatus.REPATRIATED:
            group["strength"] += c.strength
    return sorted(groups.values(), key=lambda g: (-g["strength"], str(g["country"])))


def partners_by_kind(partners: list[m.Partner]) -> list[dict[str, Any]]:
    labels = dict(m.PartnerKind.choices)
    grouped: dict[str, list[m.Partner]] = defaultdict(list)
    for p in partners:
        grouped[p.kind].append(p)
    return [
        {"kind": kind, "label": labels[kind], "partners": grouped[kind]}
        for kind in m.PartnerKind.values
        if kind in grouped
    ]


def overview_panels(request: HttpRequest, mission: m.Mission) -> dict[str, Any]:
    """What the apps add to the overview (``core.registry``): buttons, and each position's
    panels rendered with their own context (a panel with nothing to show is left out)."""
    links = [
        {"label": link.label, "url": reverse(link.url_name, kwargs={"code": mission.code})}
        for link in registry.overview_links()
    ]
    panels: dict[str, Any] = {"overview_links": links}
    for position in POSITIONS:
        rendered = render_panels(request, mission, registry.overview_panels(position))
        panels[f"{position}_panels"] = rendered
    return panels


class MissionOverviewView(LoginRequiredMixin, View):
    """/missions/<code>/: the mission at a glance; opening it makes it the current mission."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        user = request.user
        units = list(
            m.OrgUnit.objects.restrict(user).filter(mission=mission).select_related("parent")
        )
        components = list(m.Component.objects.restrict(user).filter(mission=mission))
        contingents = list(
            m.Contingent.objects.restrict(user)
            .filter(mission=mission)
            .select_related("country", "org_unit")
        )
        partners = list(m.Partner.objects.restrict(user).filter(mission=mission))
        team = leadership(user, mission)
        shown = [*units, *components, *contingents, *partners]
        shown += [t["post"] for t in team] + [a for t in team for a in t["assignments"]]
        log_reads(user, shown)
        context = {
            "mission": mission,
            "title": mission.name,
            "leadership": team,
            "components": components,
            "org_tree": org_tree(units),
            "contingent_groups": contingents_by_country(contingents),
            "total_strength": sum(
                c.strength for c in contingents if c.status != m.ContingentStatus.REPATRIATED
            ),
            "partner_groups": partners_by_kind(partners),
            **overview_panels(request, mission),
            "next_phases": [Phase(p).label for p in next_phases(mission.phase)],
            "can_change": user_can(user, Action.CHANGE, mission.pk),
            "can_delete": user_can(user, Action.DELETE, mission.pk),
            "map_url": reverse("mission-map", kwargs={"code": mission.code}),
            "kinds": m.OrgUnitKind.choices,
        }
        return render(request, "core/mission_overview.html", context)


def orgunit_feature(unit: m.OrgUnit) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": f"orgunit-{unit.pk}",
        "geometry": {"type": "Point", "coordinates": [unit.longitude, unit.latitude]},
        "properties": {
            "feature_type": "org_unit",
            "id": unit.pk,
            "name": unit.name,
            "kind": unit.kind,
            "kind_label": str(unit.get_kind_display()),
            "parent": unit.parent.name if unit.parent_id and unit.parent else None,
            "admin1": unit.admin1,
            "established_on": unit.established_on.isoformat() if unit.established_on else None,
            "closed_on": unit.closed_on.isoformat() if unit.closed_on else None,
            "url": object_url(unit),
        },
    }


def area_feature(area: m.AdminArea) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": f"adminarea-{area.pk}",
        "geometry": area.geometry,
        "properties": {
            "feature_type": "admin_area",
            "id": area.pk,
            "name": area.name,
            "level": area.level,
            "pcode": area.pcode,
        },
    }


def _country_code(country: str) -> bool:
    return len(country) == 3 and country.isascii() and country.isalpha() and country.isupper()


def generated_context(country: str) -> Path | None:
    """A context file written at run time (the demo's fictional countries) in DATA_DIR/geo."""
    path = Path(settings.DATA_DIR) / "geo" / f"{country}.json"
    return path if _country_code(country) and path.is_file() else None


def context_url(country: str) -> str | None:
    """Where the map finds the context of ``country`` (places, rivers, lakes, admin-1 labels,
    borders and neighbours): the shipped static file (``bluehelmet geodata build``, Natural
    Earth), else one generated into DATA_DIR (the demo), else None."""
    if not _country_code(country):
        return None
    name = f"geo/{country}.json"
    if finders.find(name):
        return staticfiles_storage.url(name)
    if generated_context(country):
        return reverse("map-context", kwargs={"country": country})
    return None


class MapContextView(LoginRequiredMixin, View):
    """A context file generated at run time (reference data: no mission, no scoping)."""

    def get(self, request: HttpRequest, country: str) -> FileResponse:
        path = generated_context(country)
        if path is None:
            raise Http404("No map context for this country.")
        return FileResponse(path.open("rb"), content_type="application/json")


class MissionMapView(LoginRequiredMixin, View):
    """GeoJSON for the offline map: the host country's admin areas and the mission's units."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        units = list(
            m.OrgUnit.objects.restrict(request.user)
            .filter(mission=mission)
            .select_related("parent")
        )
        log_reads(request.user, units)
        areas = m.AdminArea.objects.restrict(request.user).filter(country=mission.host_country)
        data = {
            "type": "FeatureCollection",
            "mission": mission.code,
            "context_url": context_url(mission.host_country),
            "features": [area_feature(a) for a in areas] + [orgunit_feature(u) for u in units],
        }
        return JsonResponse(data, content_type="application/geo+json")
