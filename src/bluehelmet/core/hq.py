"""The headquarters overview: one row per operation the user may see (Capstone §7.1).

Headquarters gives every operation strategic direction and oversight, and answers to Member
States and contributors (§4.3) for all of them at once. The page, its CSV and ``/api/overview/``
are built here from the columns and charts the apps register (``registry.add_hq_column`` and
``add_hq_chart``): ``core`` knows no area. Each cell reads through ``restrict(user, ...)`` as
the mission's own pages do, so a role sees the aggregate only of what it may see, and a mission
it may not see is no row at all.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bluehelmet.core.models import AdminArea, Mission, OrgUnit
from bluehelmet.core.registry import HqCell, HqChart, HqColumn, HqSeries, registry

TREND_MONTHS = 12  # the monthly comparisons cover the last year
INTENSITY_DAYS = 90  # the map's incident intensity: the last quarter


@dataclass
class OverviewRow:
    mission: Mission
    cells: list[HqCell | None]


@dataclass
class Overview:
    columns: list[HqColumn]
    rows: list[OverviewRow]
    charts: list[tuple[HqChart, list[HqSeries]]]


@dataclass(frozen=True)
class OverviewFilters:
    """What the table is narrowed to: text over code, name and host country; type; phase."""

    q: str = ""
    mission_type: str = ""
    phase: str = ""
    sort: str = ""  # a column key, "-key" for descending

    @classmethod
    def from_query(cls, query: Any) -> OverviewFilters:
        return cls(
            q=(query.get("q") or "").strip()[:100],
            mission_type=(query.get("mission_type") or "").strip(),
            phase=(query.get("phase") or "").strip(),
            sort=(query.get("sort") or "").strip()[:60],
        )


def visible_missions(user: Any, filters: OverviewFilters | None = None) -> list[Mission]:
    """The missions ``user`` may see, narrowed by ``filters``, by code."""
    missions = Mission.objects.restrict(user).order_by("code")
    filters = filters or OverviewFilters()
    if filters.q:
        q = filters.q
        missions = missions.filter(
            Q(code__icontains=q)
            | Q(name__icontains=q)
            | Q(host_country_name__icontains=q)
            | Q(host_country__iexact=q)
        )
    if filters.mission_type:
        missions = missions.filter(mission_type=filters.mission_type)
    if filters.phase:
        missions = missions.filter(phase=filters.phase)
    return list(missions)


def build_overview(
    user: Any, missions: list[Mission], *, charts: bool = True, sort: str = ""
) -> Overview:
    columns = registry.overview_columns()
    rows = [OverviewRow(m, [column.cell(user, m) for column in columns]) for m in missions]
    rows = sort_rows(rows, columns, sort)
    drawn = []
    if charts and missions:
        for chart in registry.overview_charts():
            series = [s for s in chart.series(user, missions) if s.points]
            if series:
                drawn.append((chart, series))
    return Overview(columns, rows, drawn)


def sort_rows(rows: list[OverviewRow], columns: list[HqColumn], sort: str) -> list[OverviewRow]:
    """Rows by one column's sort key (numbers before text; an empty cell always last); an
    unknown key leaves the order by mission code."""
    keys = [c.key for c in columns]
    key = sort.removeprefix("-")
    if key not in keys:
        return rows
    index = keys.index(key)

    def order(row: OverviewRow) -> tuple[int, float, str]:
        cell = row.cells[index]
        value = None if cell is None else (cell.sort if cell.sort is not None else cell.text)
        if isinstance(value, int | float):
            return (0, float(value), "")
        return (1, 0.0, str(value).casefold()) if value not in (None, "") else (2, 0.0, "")

    present = [r for r in rows if order(r)[0] < 2]
    present.sort(key=order, reverse=sort.startswith("-"))
    return present + [r for r in rows if order(r)[0] == 2]


def as_json(overview: Overview) -> dict[str, Any]:
    """``/api/overview/``: the same figures as the page (a cell the user may not see: null)."""

    def cell(c: HqCell | None) -> dict[str, Any] | None:
        if c is None:
            return None
        return {"text": c.text, "value": c.value, "tone": c.tone or None, "url": c.url}

    return {
        "columns": [{"key": c.key, "label": str(c.label)} for c in overview.columns],
        "missions": [
            {
                "code": row.mission.code,
                "cells": {
                    col.key: cell(c) for col, c in zip(overview.columns, row.cells, strict=True)
                },
            }
            for row in overview.rows
        ],
        "charts": [
            {
                "key": chart.key,
                "title": str(chart.title),
                "kind": chart.kind,
                "unit": str(chart.unit),
                "series": [{"mission": s.mission, "points": s.points} for s in series],
            }
            for chart, series in overview.charts
        ],
    }


def csv_rows(overview: Overview) -> Iterator[list[Any]]:
    """The table as CSV rows: the column labels, then one row per mission (cell text)."""
    yield [str(c.label) for c in overview.columns]
    for row in overview.rows:
        yield [c.text if c is not None else "" for c in row.cells]


# -- the kernel's own columns -----------------------------------------------------------------


def mission_cell(user: Any, mission: Mission) -> HqCell:
    url = reverse("mission-detail", kwargs={"code": mission.code})
    return HqCell(f"{mission.code} · {mission.name}", mission.code, mission.code, url)


def type_cell(user: Any, mission: Mission) -> HqCell:
    return HqCell(str(mission.get_mission_type_display()), mission.mission_type)


def phase_cell(user: Any, mission: Mission) -> HqCell:
    url = reverse("mission-detail", kwargs={"code": mission.code})
    return HqCell(str(mission.get_phase_display()), mission.phase, url=url)


def host_cell(user: Any, mission: Mission) -> HqCell:
    return HqCell(mission.host_country_name or mission.host_country, mission.host_country)


def register_core_columns() -> None:
    registry.add_hq_column(
        HqColumn("mission", gettext_lazy("Mission"), mission_cell, weight=0),
        HqColumn("type", gettext_lazy("Type"), type_cell, weight=5),
        HqColumn("host", gettext_lazy("Host country"), host_cell, weight=7),
        HqColumn("phase", gettext_lazy("Phase"), phase_cell, weight=10),
    )


# -- the world map ----------------------------------------------------------------------------


def map_data(user: Any, missions: list[Mission]) -> dict[str, Any]:
    """GeoJSON for the world map: the host countries (by ISO3, drawn over the shipped world
    outlines), each mission's deployments (its units with a position, as ``user`` may see them)
    and a marker per mission sized by its incidents over the last ``INTENSITY_DAYS`` (counted
    by the registered ``intensity`` column when an app provides one)."""
    from bluehelmet.core.audit import log_reads

    units = list(
        OrgUnit.objects.restrict(user)
        .filter(mission__in=missions, latitude__isnull=False, longitude__isnull=False)
        .select_related("mission")
        .order_by("mission__code", "name")
    )
    log_reads(user, units)
    by_mission: dict[int, list[OrgUnit]] = {}
    for unit in units:
        by_mission.setdefault(unit.mission_id, []).append(unit)
    intensity = registry.hq_columns.get("incidents-90d")
    features: list[dict[str, Any]] = []
    for mission in missions:
        placed = by_mission.get(mission.pk, [])
        features += [_unit_feature(u) for u in placed]
        if placed:
            cell = intensity.cell(user, mission) if intensity else None
            features.append(_mission_feature(mission, placed, cell))
    hosts = sorted({m.host_country for m in missions if m.host_country})
    features += host_outlines(user, hosts)
    return {
        "type": "FeatureCollection",
        "hosts": hosts,
        "days": INTENSITY_DAYS,
        "features": features,
    }


def host_outlines(user: Any, hosts: list[str]) -> list[dict[str, Any]]:
    """Outlines for hosts the shipped world map cannot have: codes of the ISO 3166 range left
    for private use (``X..``, the demo's fictional countries), from their stored admin area."""
    private = [h for h in hosts if h.startswith("X")]
    if not private:
        return []
    areas = AdminArea.objects.restrict(user).filter(country__in=private, level=0)
    return [
        {
            "type": "Feature",
            "geometry": a.geometry,
            "properties": {"role": "host", "code": a.country, "name": a.name},
        }
        for a in areas
    ]


def _unit_feature(unit: OrgUnit) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [unit.longitude, unit.latitude]},
        "properties": {"role": "unit", "mission": unit.mission.code, "name": unit.name},
    }


def _mission_feature(mission: Mission, units: list[OrgUnit], cell: HqCell | None) -> dict[str, Any]:
    lat = sum(u.latitude or 0 for u in units) / len(units)
    lon = sum(u.longitude or 0 for u in units) / len(units)
    count = cell.value if cell is not None and isinstance(cell.value, int) else None
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lon, 4), round(lat, 4)]},
        "properties": {
            "role": "mission",
            "code": mission.code,
            "name": mission.name,
            "incidents": count,
            "url": reverse("mission-detail", kwargs={"code": mission.code}),
        },
    }


def last_months(
    count: int = TREND_MONTHS, today: datetime.date | None = None
) -> list[datetime.date]:
    """The first days of the last ``count`` months, oldest first, the current one included."""
    day = (today or timezone.now().date()).replace(day=1)
    months = []
    for _i in range(count):
        months.append(day)
        day = (day - datetime.timedelta(days=1)).replace(day=1)
    return months[::-1]


def empty_note() -> str:
    return _("No operation you may see matches.")
