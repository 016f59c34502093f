"""The annex map of a report: the country's admin areas drawn as SVG (Capstone §4.3 report).

Drawn from the outlines stored in bluehelmet (the demo's generated ones, or those imported with
``bluehelmet import admin-areas``), so the report needs no tile server and prints offline.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils.html import escape

from bluehelmet.core.models import AdminArea

WIDTH, HEIGHT, PAD = 600.0, 420.0, 12.0


def _rings(geometry: dict[str, Any]) -> Iterator[list[list[float]]]:
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    for polygon in polygons:
        yield from polygon[:1]  # the outer ring is enough at this scale


def _count(value: int | None) -> str:
    return f" ({value})" if value else ""


def _fill(value: int | None, top: int) -> str:
    """A light-to-dark blue by the area's share of the highest count (none: the plain fill)."""
    if not value or not top:
        return "#e6f4fb"
    share = value / top
    shades = ("#b3dff3", "#66bfe6", "#009edb", "#006f9a")
    return shades[min(int(share * len(shades)), len(shades) - 1)]


def country_map_svg(
    country: str, sites: list[str] | None = None, values: dict[str, int] | None = None
) -> str:
    """An SVG of ``country``'s admin areas with their names, or "" when none is stored;
    ``values`` (a count per area name) shades the areas and adds the count to the label."""
    areas = list(AdminArea.objects.filter(country=country, level=1).order_by("name"))
    rings = [(a.name, list(_rings(a.geometry))) for a in areas]
    points = [p for _n, rs in rings for r in rs for p in r]
    if not points:
        return ""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = min((WIDTH - 2 * PAD) / span, (HEIGHT - 2 * PAD) / span)

    def xy(p: list[float]) -> str:
        return f"{PAD + (p[0] - min(xs)) * scale:.1f},{PAD + (max(ys) - p[1]) * scale:.1f}"

    values = values or {}
    top = max(values.values(), default=0)
    parts = []
    for name, area_rings in rings:
        fill = _fill(values.get(name), top)
        for ring in area_rings:
            path = " ".join(xy(p) for p in ring)
            parts.append(f'<polygon points="{path}" fill="{fill}" stroke="#005b82" />')
        if area_rings:
            ring = area_rings[0]
            cx = sum(p[0] for p in ring) / len(ring)
            cy = sum(p[1] for p in ring) / len(ring)
            x, y = xy([cx, cy]).split(",")
            parts.append(
                f'<text x="{x}" y="{y}" font-size="11" text-anchor="middle" '
                f'fill="#1a1a1a" stroke="#fff" stroke-width="3" paint-order="stroke">'
                f"{escape(name)}{_count(values.get(name))}</text>"
            )
    title = escape(", ".join(sites or []) or ", ".join(f"{k}: {v}" for k, v in values.items()))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" '
        f'role="img" aria-label="Map: {title}"><title>{title}</title>' + "".join(parts) + "</svg>"
    )
