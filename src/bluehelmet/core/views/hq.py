"""``/hq/``: the headquarters overview, where HQ roles land (Capstone §7.1, §4.3).

One row per operation the user may see with the columns the apps register, comparisons as
charts, a world map; ``?format=csv`` gives the table as CSV. Everything is read through
``restrict`` by the registered cell functions (``core.hq``).
"""

from __future__ import annotations

import csv

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.core import charts, hq
from bluehelmet.core.models import Mission
from bluehelmet.core.phases import Phase
from bluehelmet.core.tables import SafeCsvWriter


class HqOverviewView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        filters = hq.OverviewFilters.from_query(request.GET)
        missions = hq.visible_missions(request.user, filters)
        as_csv = request.GET.get("format") == "csv"
        overview = hq.build_overview(request.user, missions, charts=not as_csv, sort=filters.sort)
        if as_csv:
            return self.csv(overview)
        context = {
            "title": _("Headquarters overview"),
            "overview": overview,
            "headers": headers(overview, filters.sort),
            "charts": [charts.layout(chart, series) for chart, series in overview.charts],
            "filters": filters,
            "type_choices": Mission._meta.get_field("mission_type").choices,
            "phase_choices": Phase.choices,
            "now": timezone.now(),
            "empty_note": hq.empty_note(),
        }
        return render(request, "core/hq_overview.html", context)

    def csv(self, overview: hq.Overview) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.now().date().isoformat()
        response["Content-Disposition"] = f'attachment; filename="hq-overview-{stamp}.csv"'
        SafeCsvWriter(response, quoting=csv.QUOTE_MINIMAL).writerows(hq.csv_rows(overview))
        return response


def headers(overview: hq.Overview, sort: str) -> list[dict[str, object]]:
    """Each column's label, the sort a click on it asks for, and its ``aria-sort`` state."""
    out = []
    for column in overview.columns:
        state = "none"
        if sort == column.key:
            state = "ascending"
        elif sort == f"-{column.key}":
            state = "descending"
        following = f"-{column.key}" if state == "ascending" else column.key
        out.append({"column": column, "next": following, "state": state})
    return out


class HqMapView(LoginRequiredMixin, View):
    """GeoJSON of the world map: host countries, deployments, incident intensity."""

    def get(self, request: HttpRequest) -> JsonResponse:
        filters = hq.OverviewFilters.from_query(request.GET)
        missions = hq.visible_missions(request.user, filters)
        return JsonResponse(
            hq.map_data(request.user, missions), content_type="application/geo+json"
        )
