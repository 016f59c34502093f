"""The pictures of the benchmark pages, drawn on the server as SVG (Capstone §10.2 asks for
an honest picture of progress): an indicator's readings by source against its baseline, target
and threshold, and the readiness map of admin areas.

No script draws them, so they work offline and under the strict CSP; record text reaches the
template as data and is escaped there like any text.
"""

from __future__ import annotations

import math
from typing import Any

from bluehelmet.benchmarks.models import Indicator, Observation, ReadinessLevel

WIDTH, HEIGHT, PAD = 560, 200, 36
# Mission sources drawn in greys, independent ones in colours: the eye compares the two.
INDEPENDENT_COLOURS = ("#00679a", "#2e7d32", "#8e24aa", "#b3261e", "#ef6c00")
MISSION_COLOURS = ("#555555", "#8a8a8a")
READINESS_FILL = {
    ReadinessLevel.READY: "#2e7d32",
    ReadinessLevel.PARTLY_READY: "#f0a500",
    ReadinessLevel.NOT_READY: "#b3261e",
}
FILL_BY_NAME: dict[str, str] = {str(k): v for k, v in READINESS_FILL.items()}
UNASSESSED_FILL = "#e4e4e4"


def _scale(low: float, high: float, size: int, flip: bool = False) -> Any:
    span = (high - low) or 1.0

    def at(value: float) -> float:
        share = (value - low) / span
        return round(PAD + (1 - share if flip else share) * (size - 2 * PAD), 1)

    return at


def indicator_chart(ind: Indicator, observations: list[Observation]) -> dict[str, Any] | None:
    """Lines per source over time, with reference lines; None without readings."""
    if not observations:
        return None
    days = [o.observed_on.toordinal() for o in observations]
    refs = [v for v in (ind.baseline, ind.target, ind.threshold) if v is not None]
    values = [float(o.value) for o in observations] + [float(v) for v in refs]
    x = _scale(min(days) - 1, max(days) + 1, WIDTH)
    y = _scale(min(0.0, min(values)), max(values) * 1.1 or 1.0, HEIGHT, flip=True)
    series, colours = [], {"mission": iter(MISSION_COLOURS), "other": iter(INDEPENDENT_COLOURS)}
    for source in dict.fromkeys(o.source_name for o in observations):
        own = [o for o in observations if o.source_name == source]
        pool = colours["other" if own[0].independent else "mission"]
        colour = next(pool, "#333333")
        points = [(x(o.observed_on.toordinal()), y(float(o.value)), o) for o in own]
        series.append(
            {
                "source": source,
                "independent": own[0].independent,
                "colour": colour,
                "dash": "" if own[0].independent else "6 3",
                "points": " ".join(f"{px},{py}" for px, py, _o in points),
                "dots": [
                    {"x": px, "y": py, "label": f"{o.observed_on}: {o.value}"}
                    for px, py, o in points
                ],
            }
        )
    lines = [
        {"label": label, "y": y(float(value)), "value": value}
        for label, value in (
            ("baseline", ind.baseline),
            ("target", ind.target),
            ("threshold", ind.threshold),
        )
        if value is not None
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "series": series,
        "lines": lines,
        "first": observations[0].observed_on,
        "last": observations[-1].observed_on,
        "x0": PAD,
        "x1": WIDTH - PAD,
        "y0": PAD,
        "y1": HEIGHT - PAD,
    }


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry.get("type") == "Polygon":
        return list(geometry["coordinates"])
    if geometry.get("type") == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def readiness_map(
    areas: list[Any], levels: dict[str, str], handover: dict[str, dict[str, int]] | None = None
) -> dict[str, Any] | None:
    """Admin areas as SVG paths filled by their latest readiness (``levels``: name -> level);
    a province with hand-over items is outlined and says how far the hand-over is."""
    handover = handover or {}
    shapes = [(a.name, _rings(a.geometry)) for a in areas]
    coords = [pt for _n, rings in shapes for ring in rings for pt in ring]
    if not coords:
        return None
    lons, lats = [p[0] for p in coords], [p[1] for p in coords]
    # Equirectangular, squeezed by the cosine of the middle latitude so shapes keep their look.
    squeeze = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x, span_y = (max(lons) - min(lons)) * squeeze or 1, (max(lats) - min(lats)) or 1
    width = 560
    height = max(200, round(width * span_y / span_x))
    scale = min((width - 20) / span_x, (height - 20) / span_y)

    def point(p: list[float]) -> str:
        x = round(10 + (p[0] - min(lons)) * squeeze * scale, 1)
        return f"{x},{round(10 + (max(lats) - p[1]) * scale, 1)}"

    paths = []
    for name, rings in shapes:
        d = " ".join("M" + " L".join(point(p) for p in ring) + " Z" for ring in rings)
        level = levels.get(name)
        paths.append(
            {
                "name": name,
                "d": d,
                "level": level or "",
                "fill": FILL_BY_NAME.get(level or "", UNASSESSED_FILL),
                "handover": handover.get(name),
            }
        )
    return {"width": width, "height": height, "paths": paths}


def legend() -> list[dict[str, str]]:
    rows = [{"label": str(lv.label), "fill": READINESS_FILL[lv]} for lv in ReadinessLevel]
    return rows
