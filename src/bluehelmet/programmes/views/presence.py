"""The presence of State officials and services by admin area over time (Capstone §2.4: the
restoration and extension of State authority), as a map and a series.

``/missions/<code>/programmes/state-presence/``: a choropleth of the admin areas coloured by how
many services (or whether one chosen service) work there at the latest observation on or before
an "as of" day, and the number of areas where each service works on each observation day, with
the same figures as tables. Everything is read through ``restrict(user)``."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from bluehelmet.core import charts
from bluehelmet.core.audit import log_reads
from bluehelmet.core.models import AdminArea, Mission
from bluehelmet.core.registry import HqSeries
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.programmes import pictures, state
from bluehelmet.programmes.models import StatePresence, StateService
from bluehelmet.programmes.verdicts import scoped
from bluehelmet.programmes.views.more import StatePresenceListView as PresenceList


def map_url(mission: Mission) -> str:
    return reverse("mission-state-presence", kwargs={"code": mission.code})


def parse_day(text: str) -> datetime.date | None:
    """An ISO day (YYYY-MM-DD), or None when the text is not one."""
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        return None


def _fold(name: str) -> str:
    return (name or "").strip().casefold()


def area_rows(
    areas: list[AdminArea], latest: dict[str, dict[str, StatePresence]], services: list[str]
) -> list[dict[str, Any]]:
    """The map's figures as a table: every outlined area and every observed one (by name,
    ignoring case), with its latest observation of each chosen service."""
    by_name: dict[str, tuple[str, dict[str, StatePresence]]] = {}
    for a in areas:
        by_name[_fold(a.name)] = (a.name, {})
    outlined = set(by_name)
    for name, observed in latest.items():
        by_name.setdefault(_fold(name), (name, {}))[1].update(observed)
    rows = []
    for key, (name, observed) in sorted(by_name.items()):
        cells = [observed.get(s) for s in services]
        rows.append(
            {
                "admin1": name,
                "cells": cells,
                "count": sum(1 for c in cells if c is not None and c.present),
                "observed": sum(1 for c in cells if c is not None),
                "outlined": key in outlined,
            }
        )
    return rows


def series_chart(series: list[tuple[str, list[tuple[datetime.date, int]]]]) -> dict[str, Any]:
    """``core.charts.lines`` of the areas where each service works, by observation day, with a
    dot (and its words) at each point."""
    labels = dict(StateService.choices)
    drawn = [HqSeries(str(labels[s]), [(d.isoformat(), n) for d, n in pts]) for s, pts in series]
    shape = charts.lines(drawn)
    for line, (service, points) in zip(shape["series"], series, strict=True):
        line["service"] = service
        line["dots"] = [
            {"x": xy.split(",")[0], "y": xy.split(",")[1], "day": day, "areas": n}
            for xy, (day, n) in zip(line["points"].split(), points, strict=True)
        ]
    return {
        **shape,
        "width": charts.WIDTH,
        "left": charts.PAD_LEFT,
        "right": charts.WIDTH - charts.PAD_RIGHT,
    }


class StatePresenceMapView(LoginRequiredMixin, View):
    """``/missions/<code>/programmes/state-presence/?service=&as_of=YYYY-MM-DD``."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        user: Any = request.user
        service = request.GET.get("service", "")
        if service not in StateService.values:
            service = ""
        services = [service] if service else list(StateService.values)
        raw = request.GET.get("as_of", "").strip()
        as_of = parse_day(raw) if raw else None
        latest = state.presence_as_of(mission, user, as_of)
        log_reads(user, [o for observed in latest.values() for o in observed.values()])
        areas = list(AdminArea.objects.filter(country=mission.host_country, level=1))
        series = state.presence_series(mission, user)
        labels = dict(StateService.choices)
        context = {
            "mission": mission,
            "service": service,
            "service_label": labels.get(service, ""),
            "services": StateService.choices,
            "chosen": [(s, labels[s]) for s in services],
            "as_of": as_of,
            "as_of_text": raw,
            "bad_day": bool(raw) and as_of is None,
            "days": state.observation_days(mission, user),
            "map": pictures.presence_map(areas, latest, services),
            "legend": pictures.presence_legend(len(services)),
            "rows": area_rows(areas, latest, services),
            "chart": series_chart(series) if series else None,
            "list_url": reverse("statepresence-list") + f"?mission={mission.code}",
            "overview_url": reverse("mission-programmes", kwargs={"code": mission.code}),
        }
        status = 400 if context["bad_day"] else 200
        return render(request, "programmes/state_presence_map.html", context, status=status)


class StatePresenceListView(PresenceList):
    """The State presence list, with links to the map and series of each mission the user
    may see observations of."""

    template_name = "programmes/statepresence_list.html"

    def extra_context(self) -> dict[str, Any]:
        user: Any = self.request.user
        observed = scoped(StatePresence.objects, user).values_list("mission_id", flat=True)
        missions = Mission.objects.restrict(user).filter(pk__in=observed).order_by("code")
        return {
            **super().extra_context(),
            "presence_maps": [(m.code, map_url(m)) for m in missions],
        }
