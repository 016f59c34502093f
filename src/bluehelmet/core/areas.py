"""Which stored admin area holds a point: pure-Python ray casting over the GeoJSON outlines of
``AdminArea`` (no GIS dependency; the outlines are small: Natural Earth admin-1, a
geoBoundaries file, the demo's generated country).

The incident form fills a blank admin area (level 1) from the coordinates, and the incident
importers do the same for a row that has coordinates but no admin area (issue 13).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Ring = Sequence[Sequence[float]]
Box = tuple[float, float, float, float]  # min lon, min lat, max lon, max lat


def point_in_ring(lon: float, lat: float, ring: Ring) -> bool:
    """Ray casting (even-odd rule) of a closed ring of [lon, lat] positions."""
    inside = False
    count = len(ring)
    if count < 3:
        return False
    x_prev, y_prev = float(ring[-1][0]), float(ring[-1][1])
    for position in ring:
        x, y = float(position[0]), float(position[1])
        if (y > lat) != (y_prev > lat):
            crossing = (x_prev - x) * (lat - y) / (y_prev - y) + x
            if lon < crossing:
                inside = not inside
        x_prev, y_prev = x, y
    return inside


def polygons(geometry: Any) -> list[Any]:
    """The polygons (lists of rings) of a GeoJSON Polygon or MultiPolygon, else none."""
    if not isinstance(geometry, dict):
        return []
    coordinates = geometry.get("coordinates") or []
    if geometry.get("type") == "Polygon":
        return [coordinates]
    if geometry.get("type") == "MultiPolygon":
        return list(coordinates)
    return []


def point_in_polygon(lon: float, lat: float, polygon: Sequence[Ring]) -> bool:
    """Inside the outer ring and in none of the holes."""
    if not polygon or not point_in_ring(lon, lat, polygon[0]):
        return False
    return not any(point_in_ring(lon, lat, hole) for hole in polygon[1:])


def point_in_geometry(lon: float, lat: float, geometry: Any) -> bool:
    return any(point_in_polygon(lon, lat, polygon) for polygon in polygons(geometry))


def bounding_box(geometry: Any) -> Box | None:
    xs: list[float] = []
    ys: list[float] = []
    for polygon in polygons(geometry):
        for position in polygon[0] if polygon else []:
            xs.append(float(position[0]))
            ys.append(float(position[1]))
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


class AreaFinder:
    """The areas of one country at one level, loaded once (on first use) with their boxes.

    ``name_at`` remembers the points it answered (import files repeat places)."""

    def __init__(self, country: str, level: int = 1) -> None:
        self.country = country
        self.level = level
        self._areas: list[tuple[str, Box, Any]] | None = None
        self._answers: dict[tuple[float, float], str] = {}

    def areas(self) -> list[tuple[str, Box, Any]]:
        if self._areas is None:
            from bluehelmet.core.models import AdminArea

            rows = AdminArea.objects.filter(country=self.country, level=self.level).order_by("name")
            loaded = []
            for name, geometry in rows.values_list("name", "geometry"):
                box = bounding_box(geometry)
                if box is not None:
                    loaded.append((name, box, geometry))
            self._areas = loaded
        return self._areas

    def name_at(self, latitude: float | None, longitude: float | None) -> str:
        """The name of the area holding the point, or "" (no point, or outside every area)."""
        if latitude is None or longitude is None or not self.country:
            return ""
        key = (float(latitude), float(longitude))
        if key not in self._answers:
            self._answers[key] = self._find(key[1], key[0])
        return self._answers[key]

    def _find(self, lon: float, lat: float) -> str:
        for name, (x0, y0, x1, y1), geometry in self.areas():
            if x0 <= lon <= x1 and y0 <= lat <= y1 and point_in_geometry(lon, lat, geometry):
                return str(name)
        return ""


def admin1_at(mission: Any, latitude: float | None, longitude: float | None) -> str:
    """The level-1 area of ``mission``'s host country holding the point, or "".

    The finder is kept on the mission object, so an import (one mission object for the whole
    file) loads the outlines once."""
    finder = getattr(mission, "_admin1_finder", None)
    if finder is None or finder.country != mission.host_country:
        finder = AreaFinder(mission.host_country, 1)
        mission._admin1_finder = finder
    return finder.name_at(latitude, longitude)
