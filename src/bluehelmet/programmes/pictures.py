"""The programmes' maps (Capstone §2.4), drawn on the server as SVG from the stored outlines
(no tile server; the mission may be offline): the overview's small map of the host country's
admin areas, the hazard areas, the DDR sites and the polling centres coloured by risk; and the
State presence map, each admin area coloured by how many State services work there. Human
rights cases are never drawn: a point could name a village and so a victim (§7.2)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from bluehelmet.core.areas import polygons
from bluehelmet.programmes.geo import centre as centre_of

WIDTH = 560
RISK_FILL = {"low": "#2e7d32", "medium": "#ef6c00", "high": "#b3261e"}
HAZARD_FILL, SITE_FILL = "#6d4c41", "#00679a"
# Sequential blues for 0..all of the chosen services present (light: none, dark: all); an area
# without an observation is hatched ("no data"), never coloured as if nothing were there.
PRESENCE_FILLS = ("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
NO_DATA_FILL = "url(#presence-no-data)"


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
        spot = centre_of(h.geometry)
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


def _fold(name: str) -> str:
    return (name or "").strip().casefold()


def presence_fill(count: int, total: int) -> str:
    """The fill of an area where ``count`` of ``total`` chosen services work."""
    last = len(PRESENCE_FILLS) - 1
    return PRESENCE_FILLS[round(last * count / total) if total else 0]


def presence_legend(total: int) -> list[dict[str, Any]]:
    """One entry per possible count, 0 to ``total`` (at most 5 services)."""
    return [{"count": n, "fill": presence_fill(n, total)} for n in range(total + 1)]


def presence_map(
    areas: list[Any], latest: dict[str, dict[str, Any]], services: list[str]
) -> dict[str, Any] | None:
    """The State presence map: every stored admin area outline, coloured by how many of
    ``services`` its latest observations (``state.presence_as_of``) say are present; None when
    no outline is stored. Observations are matched to outlines by name, ignoring case."""
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
    by_name: dict[str, dict[str, Any]] = {}
    for name, observed in latest.items():
        by_name.setdefault(_fold(name), {}).update(observed)
    total = len(services)
    drawn = []
    for a in areas:
        seen = {s: o for s, o in by_name.get(_fold(a.name), {}).items() if s in services}
        count = sum(1 for o in seen.values() if o.present)
        spot = centre_of(a.geometry)
        x, y = at(spot[1], spot[0]).split(",") if spot else ("", "")
        dark = bool(seen) and PRESENCE_FILLS.index(presence_fill(count, total)) >= 4
        drawn.append(
            {
                "name": a.name,
                "d": _path(a.geometry, at),
                "no_data": not seen,
                "count": count,
                "observed": len(seen),
                "total": total,
                "day": max((o.observed_on for o in seen.values()), default=None),
                "fill": presence_fill(count, total) if seen else NO_DATA_FILL,
                "x": x,
                "y": y,
                "text_fill": "#ffffff" if dark else "#1a1a1a",
            }
        )
    return {"width": WIDTH, "height": height, "areas": drawn, "total": total}
