"""How far a point lies from a hazard area, in metres, without a GIS library (Capstone §2.4:
an explosive incident inside or near a hazard area is counted in it). Distances use a local
equirectangular projection: exact enough over the few kilometres a link is judged on."""

from __future__ import annotations

import itertools
import math
from typing import Any

from bluehelmet.core.areas import point_in_geometry, polygons

EARTH_RADIUS_M = 6_371_000.0


def _metres(lon: float, lat: float, lon0: float, lat0: float) -> tuple[float, float]:
    """(x, y) of (lon, lat) in metres from (lon0, lat0)."""
    x = math.radians(lon - lon0) * math.cos(math.radians(lat0)) * EARTH_RADIUS_M
    return x, math.radians(lat - lat0) * EARTH_RADIUS_M


def _to_segment(px: float, py: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - a[0]) * dx + (py - a[1]) * dy) / length))
    return math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy))


def distance_m(lon: float, lat: float, geometry: Any) -> float | None:
    """Metres from the point to the geometry (0 inside a polygon), or None if it has no shape."""
    if isinstance(geometry, dict) and geometry.get("type") == "Point":
        glon, glat = (float(v) for v in geometry["coordinates"][:2])
        return math.hypot(*_metres(glon, glat, lon, lat))
    shapes = polygons(geometry)
    if not shapes:
        return None
    if point_in_geometry(lon, lat, geometry):
        return 0.0
    best = math.inf
    for polygon in shapes:
        for ring in polygon:
            points = [_metres(float(p[0]), float(p[1]), lon, lat) for p in ring]
            for a, b in itertools.pairwise(points):
                best = min(best, _to_segment(0.0, 0.0, a, b))
    return best


def centre(geometry: Any) -> tuple[float, float] | None:
    """(lat, lon) to place the area on a map: the point, or the mean of the outer ring."""
    if isinstance(geometry, dict) and geometry.get("type") == "Point":
        lon, lat = geometry["coordinates"][:2]
        return float(lat), float(lon)
    shapes = polygons(geometry)
    if not shapes or not shapes[0]:
        return None
    ring = shapes[0][0]
    return (
        sum(float(p[1]) for p in ring) / len(ring),
        sum(float(p[0]) for p in ring) / len(ring),
    )
