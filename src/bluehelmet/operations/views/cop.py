"""The common operating picture (Capstone §7.2: the JOC keeps the mission's current situational
awareness from all sources): a map, a timeline and a list of the mission's incidents.

The page asks only for what the viewport needs. Below ``POINT_ZOOM`` the map shows H3 hexagons
counted by the database (``operations.aggregate``), their outlines computed here; from there
on it shows single incidents, at most ``POINT_LIMIT`` per request. The timeline is counts per
week or month; its brush sets the time window. Every query starts from the user's restricted
queryset and goes through ``IncidentFilterSet``, as the API does.
"""

from __future__ import annotations

import datetime
from typing import Any

import h3
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Max, Min, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.core.audit import log_reads
from bluehelmet.core.models import AdminArea, Mission
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.operations.aggregate import Grouping, aggregate, in_calendar
from bluehelmet.operations.filtersets import IncidentFilterSet
from bluehelmet.operations.forms import CopFilterForm
from bluehelmet.operations.geo import H3_MAX_RESOLUTION
from bluehelmet.operations.models import Incident

POINT_ZOOM = 10  # from this Leaflet zoom on, single incidents instead of hexagons
POINT_LIMIT = 2000  # incidents per map request, at most
MAX_CELLS = 5000  # hexagons per map request, at most
LIST_PAGE = 25
MONTHLY_AFTER_DAYS = 3 * 366  # a longer history is counted by month, else by week
GEOJSON = "application/geo+json"


class FilterError(Exception):
    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("invalid filters")
        self.errors = errors


def _messages(errors: Any) -> dict[str, list[str]]:
    return {name: [str(e) for e in errs] for name, errs in errors.items()}


def filter_form(request: HttpRequest, mission: Mission) -> CopFilterForm:
    return CopFilterForm(request.GET or None, user=request.user, mission=mission)


def filtered(
    request: HttpRequest, mission: Mission, *, time: bool = True, bbox: bool = False
) -> QuerySet[Incident]:
    """The user's incidents of ``mission`` under the page's filters, or ``FilterError``."""
    form = filter_form(request, mission)
    if form.is_bound and not form.is_valid():
        raise FilterError(_messages(form.errors))
    params = form.filter_params(mission, time=time) if form.is_bound else {"mission": mission.code}
    if bbox and request.GET.get("bbox"):
        params["bbox"] = request.GET["bbox"]
    queryset = Incident.objects.restrict(request.user).filter(mission=mission)
    filterset = IncidentFilterSet(params, queryset=queryset, request=request)
    if not filterset.is_valid():
        raise FilterError(_messages(filterset.errors))
    return filterset.qs


def bad_request(errors: dict[str, list[str]]) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=400)


def _number(request: HttpRequest, name: str, default: int, low: int, high: int) -> int:
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(float(raw))
    except ValueError:
        raise FilterError({name: [_("A whole number is expected.")]}) from None
    if not low <= value <= high:
        raise FilterError({name: [_("Between %(a)d and %(b)d.") % {"a": low, "b": high}]})
    return value


def resolution_for_zoom(zoom: int) -> int:
    """H3 resolution whose hexagons are some 20-40 pixels wide at this Leaflet zoom."""
    return max(0, min(H3_MAX_RESOLUTION, round(0.71 * zoom - 1.3)))


def hexagon(row: dict[str, Any]) -> dict[str, Any]:
    ring = [[round(lng, 5), round(lat, 5)] for lat, lng in h3.cell_to_boundary(row["h3"])]
    ring.append(ring[0])
    return {
        "type": "Feature",
        "id": row["h3"],
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "properties": {
            "h3": row["h3"],
            "count": row["count"],
            "killed": row["killed"],
            "civilians_killed": row["civilians_killed"],
        },
    }


def point(incident: Incident) -> dict[str, Any]:
    category = incident.category
    return {
        "type": "Feature",
        "id": incident.pk,
        "geometry": {"type": "Point", "coordinates": [incident.longitude, incident.latitude]},
        "properties": {
            "id": incident.pk,
            "title": incident.title,
            "occurred_at": incident.occurred_at.isoformat().replace("+00:00", "Z"),
            "category": category.code,
            "category_name": category.name,
            "group": category.group,
            "location_name": incident.location_name,
            "killed": incident.killed,
            "verification_status": incident.verification_status,
            "url": reverse("incident-detail", kwargs={"pk": incident.pk}),
        },
    }


class MissionView(LoginRequiredMixin, View):
    """Resolves ``<code>`` to a mission the user may see (else 404); bad filters answer 400."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        try:
            return self.answer(request, mission)
        except FilterError as exc:
            return self.invalid(request, mission, exc.errors)

    def answer(self, request: HttpRequest, mission: Mission) -> HttpResponse:
        raise NotImplementedError

    def invalid(self, request: HttpRequest, mission: Mission, errors: Any) -> HttpResponse:
        return bad_request(errors)


class CopHexagonsView(MissionView):
    """GeoJSON hexagons with incident counts: ``?bbox=&zoom=`` (or ``h3_res=``) and filters."""

    def answer(self, request: HttpRequest, mission: Mission) -> HttpResponse:
        zoom = _number(request, "zoom", 6, 0, 22)
        resolution = _number(request, "h3_res", resolution_for_zoom(zoom), 0, H3_MAX_RESOLUTION)
        queryset = filtered(request, mission, bbox=True)
        rows = aggregate(queryset, Grouping(("h3",), h3_res=resolution))
        rows.sort(key=lambda r: (-r["count"], r["h3"]))
        body = {
            "type": "FeatureCollection",
            "resolution": resolution,
            "total": sum(r["count"] for r in rows),
            "truncated": len(rows) > MAX_CELLS,
            "features": [hexagon(r) for r in rows[:MAX_CELLS]],
        }
        return JsonResponse(body, content_type=GEOJSON)


class CopPointsView(MissionView):
    """GeoJSON incidents, newest first: ``?bbox=&limit=`` (at most ``POINT_LIMIT``), filters."""

    def answer(self, request: HttpRequest, mission: Mission) -> HttpResponse:
        limit = _number(request, "limit", POINT_LIMIT, 1, POINT_LIMIT)
        queryset = filtered(request, mission, bbox=True).filter(latitude__isnull=False)
        fields = (
            "mission_id",
            "sensitivity",
            "title",
            "occurred_at",
            "latitude",
            "longitude",
            "location_name",
            "killed",
            "verification_status",
            "category__code",
            "category__name",
            "category__group",
        )
        rows = list(
            queryset.select_related("category")
            .only(*fields)
            .order_by("-occurred_at", "-id")[: limit + 1]
        )
        shown = rows[:limit]
        log_reads(request.user, shown)
        body = {
            "type": "FeatureCollection",
            "limit": limit,
            "truncated": len(rows) > limit,
            "features": [point(i) for i in shown],
        }
        return JsonResponse(body, content_type=GEOJSON)


def _buckets(first: datetime.date, last: datetime.date, period: str) -> list[datetime.date]:
    days, current = [], first
    while current <= last:
        days.append(current)
        if period == "week":
            current += datetime.timedelta(days=7)
        else:
            current = datetime.date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return days


class CopTimelineView(MissionView):
    """Counts per week or month (``?period=``, default by span) under every filter except the
    time window, which the brush sets; empty periods are filled in with zeros."""

    def answer(self, request: HttpRequest, mission: Mission) -> HttpResponse:
        queryset = in_calendar(filtered(request, mission, time=False))
        period = request.GET.get("period") or ""
        if period not in ("", "week", "month"):
            raise FilterError({"period": [_("Choose week or month.")]})
        if not period:
            span = queryset.aggregate(first=Min("occurred_at"), last=Max("occurred_at"))
            days = (span["last"] - span["first"]).days if span["first"] else 0
            period = "month" if days > MONTHLY_AFTER_DAYS else "week"
        rows = aggregate(queryset, Grouping(("period",), period=period))
        counts = {r["period"]: r for r in rows if r["period"]}
        buckets = []
        if counts:
            keys = sorted(counts)
            first = datetime.date.fromisoformat(keys[0])
            last = datetime.date.fromisoformat(keys[-1])
            for day in _buckets(first, last, period):
                row = counts.get(day.isoformat(), {})
                buckets.append(
                    {
                        "start": day.isoformat(),
                        "count": row.get("count", 0),
                        "killed": row.get("killed", 0),
                    }
                )
        body = {"period": period, "buckets": buckets, "total": sum(b["count"] for b in buckets)}
        return JsonResponse(body)


def list_context(request: HttpRequest, mission: Mission) -> dict[str, Any]:
    """The list beside the map: filtered incidents (in the map view when asked), one page."""
    context: dict[str, Any] = {"mission": mission, "errors": None, "page_obj": None}
    in_view = request.GET.get("scope", "view") == "view" and bool(request.GET.get("bbox"))
    try:
        queryset = filtered(request, mission, bbox=in_view)
    except FilterError as exc:
        context["errors"] = exc.errors
        return context
    queryset = queryset.select_related("category").order_by("-occurred_at", "-id")
    page = Paginator(queryset, LIST_PAGE).get_page(request.GET.get("page"))
    log_reads(request.user, page.object_list)
    context.update(page_obj=page, in_view=in_view)
    return context


class CopListView(MissionView):
    """HTML fragment: the list beside the map (fetched by the page script)."""

    def answer(self, request: HttpRequest, mission: Mission) -> HttpResponse:
        context = list_context(request, mission)
        status = 400 if context["errors"] else 200
        return render(request, "operations/includes/cop_list.html", context, status=status)


def initial_extent(request: HttpRequest, mission: Mission) -> list[float] | None:
    """Where to open the map when the host country has no stored outlines."""
    if AdminArea.objects.filter(country=mission.host_country).exists():
        return None
    span = (
        Incident.objects.restrict(request.user)
        .filter(mission=mission)
        .aggregate(w=Min("longitude"), s=Min("latitude"), e=Max("longitude"), n=Max("latitude"))
    )
    if span["w"] is None:
        return None
    return [span["w"], span["s"], span["e"], span["n"]]


class CopPageView(MissionView):
    """``/missions/<code>/cop/``: map, timeline, filters and list; works without JavaScript
    as a filtered list (the form submits to this page)."""

    def answer(self, request: HttpRequest, mission: Mission) -> HttpResponse:
        set_current_mission(request, mission)
        return self.page(request, mission)

    def invalid(self, request: HttpRequest, mission: Mission, errors: Any) -> HttpResponse:
        return self.page(request, mission, status=400)

    def page(self, request: HttpRequest, mission: Mission, status: int = 200) -> HttpResponse:
        form = filter_form(request, mission)
        if form.is_bound:
            form.is_valid()
        listing = list_context(request, mission)
        if listing["errors"]:
            status = 400
        code = {"code": mission.code}
        context = {
            "mission": mission,
            "title": _("Common operating picture · %(code)s") % code,
            "form": form,
            **listing,
            "urls": {
                "map": reverse("mission-map", kwargs=code),
                "hexagons": reverse("mission-cop-hexagons", kwargs=code),
                "points": reverse("mission-cop-points", kwargs=code),
                "timeline": reverse("mission-cop-timeline", kwargs=code),
                "list": reverse("mission-cop-list", kwargs=code),
            },
            "extent": initial_extent(request, mission),
            "point_zoom": POINT_ZOOM,
            "point_limit": POINT_LIMIT,
        }
        return render(request, "operations/cop.html", context, status=status)
