"""The programmes' small map (Capstone §2.4): the host country's admin areas, the hazard areas,
the DDR sites and the polling centres coloured by risk, as an SVG drawn on the server from the
stored outlines (no tile server; the mission may be offline). Human rights cases are never
drawn: a point could name a village and so a victim (§7.2)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from bluehelmet.core.areas import polygons
from bluehelmet.programmes.geo import centre

WIDTH = 560
RISK_FILL = {"low": "#2e7d32", "medium": "#ef6c00", "high": "#b3261e"}
HAZARD_FILL, SITE_FILL = "#6d4c41", "#00679a"


def _projector(coords: list[tuple[float, float]]) -> tuple[Callable[[float, float], str], int]:
    """(lon, lat) -> "x,y" on an equirectangular view squeezed by the middle latitude."""
    lons, lats = [c[0] for c in coords], [c[1] for c in coords]
    squeeze = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x, span_y = (max(lons) - min(lons)) * squeeze or 1, (max(lats) - min(lats)) or 1
    height = max(200, round(WIDTH * span_y / span_x))
    scale = min((WIDTH - 20) / span_x, (height - 20) / span_y)

    def at(lon: float, lat: float) -> str:
        x = round(10 + (lon - min(lons)) * squeeze * scale, 1)
        return f"{x},{round(10 + (max(lats) - lat) * scale, 1)}"

    return at, height


def _path(geometry: Any, at: Callable[[float, float], str]) -> str:
    rings = [ring for polygon in polygons(geometry) for ring in polygon]
    return " ".join(
        "M" + " L".join(at(float(p[0]), float(p[1])) for p in ring) + " Z" for ring in rings
    )


def programmes_map(
    areas: list[Any], hazards: list[Any], sites: list[Any], risks: list[Any]
) -> dict[str, Any] | None:
    """The map's paths and points, or None when no admin area outline is stored."""
    coords = [
        (float(p[0]), float(p[1]))
        for a in areas
        for polygon in polygons(a.geometry)
        for ring in polygon
        for p in ring
    ]
    if not coords:
        return None
    at, height = _projector(coords)
    points = []
    for h in hazards:  # a hazard polygon is too small to see at this scale: its centre
        spot = centre(h.geometry)
        if spot is not None:
            xy = at(spot[1], spot[0])
            points.append({"xy": xy, "fill": HAZARD_FILL, "kind": "hazard", "label": str(h)})
    for s in sites:
        if s.latitude is not None and s.longitude is not None:
            points.append(
                {
                    "xy": at(s.longitude, s.latitude),
                    "fill": SITE_FILL,
                    "kind": "site",
                    "label": str(s),
                }
            )
    for r in risks:
        c = r.centre
        points.append(
            {
                "xy": at(c.longitude, c.latitude),
                "fill": RISK_FILL[r.level],
                "kind": f"centre-{r.level}",
                "label": str(c),
            }
        )
    return {
        "width": WIDTH,
        "height": height,
        "areas": [{"name": a.name, "d": _path(a.geometry, at)} for a in areas],
        "points": [{**p, "x": p["xy"].split(",")[0], "y": p["xy"].split(",")[1]} for p in points],
        "hazard_fill": HAZARD_FILL,
        "site_fill": SITE_FILL,
        "risk_fill": RISK_FILL,
    }
