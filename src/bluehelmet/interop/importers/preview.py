"""What an incident import would do, gathered while its rows are parsed in a dry run (issue 13,
"safe imports"): rows, date range, countries, categories, and the rows that fall outside the
mission's host country or far outside its area (the bounding box of the host country's stored
admin-area outlines, widened by ``AREA_MARGIN_DEGREES``).

Nothing here writes: the summary is shown before the user confirms the import (page) or
printed by ``bluehelmet import ... --dry-run``.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from bluehelmet.core.models import AdminArea, Mission

AREA_MARGIN_DEGREES = 1.0  # about 110 km: events near a border are not "far outside"
LINES_KEPT = 20  # lines named in each warning

BBox = tuple[float, float, float, float]  # west, south, east, north


def _points(coordinates: Any) -> Iterator[tuple[float, float]]:
    """Every (lon, lat) pair of a GeoJSON coordinates array, however deeply nested."""
    if (
        isinstance(coordinates, list | tuple)
        and len(coordinates) >= 2
        and all(isinstance(v, int | float) for v in coordinates[:2])
    ):
        yield float(coordinates[0]), float(coordinates[1])
        return
    if isinstance(coordinates, list | tuple):
        for part in coordinates:
            yield from _points(part)


def mission_area(mission: Mission, margin: float = AREA_MARGIN_DEGREES) -> BBox | None:
    """The bounding box of the host country's stored admin areas plus ``margin``, or None."""
    if not mission.host_country:
        return None
    west = south = float("inf")
    east = north = float("-inf")
    geometries = AdminArea.objects.filter(country=mission.host_country).values_list(
        "geometry", flat=True
    )
    for geometry in geometries.iterator():
        for lon, lat in _points((geometry or {}).get("coordinates")):
            west, east = min(west, lon), max(east, lon)
            south, north = min(south, lat), max(north, lat)
    if west == float("inf"):
        return None
    return west - margin, south - margin, east + margin, north + margin


@dataclass
class Outside:
    rows: int = 0
    lines: list[int] = field(default_factory=list)

    def add(self, line: int) -> None:
        self.rows += 1
        if len(self.lines) < LINES_KEPT:
            self.lines.append(line)


@dataclass
class PreviewSummary:
    """Collected from each row that parsed; ``as_dict`` is JSON-ready (stored on the job)."""

    mission: Mission
    host_iso3: Callable[[dict[str, Any]], str | None]
    area: BBox | None = None
    first: datetime.datetime | None = None
    last: datetime.datetime | None = None
    countries: Counter = field(default_factory=Counter)
    categories: Counter = field(default_factory=Counter)  # category id -> rows
    outside_country: Outside = field(default_factory=Outside)
    outside_area: Outside = field(default_factory=Outside)

    @classmethod
    def for_mission(
        cls, mission: Mission, host_iso3: Callable[[dict[str, Any]], str | None]
    ) -> PreviewSummary:
        return cls(mission, host_iso3, area=mission_area(mission) if mission.pk else None)

    def add(self, line: int, row: dict[str, Any], fields: dict[str, Any]) -> None:
        occurred = fields.get("occurred_at")
        if isinstance(occurred, datetime.datetime):
            self.first = occurred if self.first is None else min(self.first, occurred)
            self.last = occurred if self.last is None else max(self.last, occurred)
        self.categories[fields.get("category_id")] += 1
        iso3 = self.host_iso3(row)
        self.countries[iso3 or ""] += 1
        host = (self.mission.host_country or "").upper()
        if iso3 and host and iso3.upper() != host:
            self.outside_country.add(line)
        lat, lon = fields.get("latitude"), fields.get("longitude")
        if self.area is not None and lat is not None and lon is not None:
            west, south, east, north = self.area
            if not (west <= lon <= east and south <= lat <= north):
                self.outside_area.add(line)

    def as_dict(self) -> dict[str, Any]:
        from bluehelmet.operations.models import IncidentCategory

        names = dict(
            IncidentCategory.objects.filter(pk__in=list(self.categories)).values_list("pk", "name")
        )
        return {
            "mission": self.mission.code,
            "host_country": self.mission.host_country,
            "first": self.first.date().isoformat() if self.first else None,
            "last": self.last.date().isoformat() if self.last else None,
            "countries": [
                {"country": iso3 or "?", "rows": n} for iso3, n in self.countries.most_common()
            ],
            "categories": [
                {"category": str(names.get(pk, pk)), "rows": n}
                for pk, n in self.categories.most_common()
            ],
            "outside_country": {
                "rows": self.outside_country.rows,
                "lines": self.outside_country.lines,
            },
            "outside_area": {
                "rows": self.outside_area.rows,
                "lines": self.outside_area.lines,
                "checked": self.area is not None,
            },
        }


def warnings(preview: dict[str, Any]) -> list[str]:
    """The preview's warnings in words (page and CLI alike)."""
    said = []
    host = preview.get("host_country") or "?"
    country = preview.get("outside_country") or {}
    if country.get("rows"):
        said.append(
            f"{country['rows']} row(s) are in another country than the mission's host "
            f"country {host} (lines {_lines(country)})."
        )
    area = preview.get("outside_area") or {}
    if area.get("rows"):
        said.append(
            f"{area['rows']} row(s) lie more than {AREA_MARGIN_DEGREES:g}° outside the "
            f"mission's area (the outlines of {host}'s admin areas) (lines {_lines(area)})."
        )
    return said


def _lines(warning: dict[str, Any]) -> str:
    lines = ", ".join(str(n) for n in warning.get("lines", []))
    more = warning.get("rows", 0) - len(warning.get("lines", []))
    return f"{lines} and {more} more" if more > 0 else lines
