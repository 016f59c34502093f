"""The country context of the demo's fictional countries (issue 13: maps with places).

Natural Earth has no Belnara: the demo writes, from its own generated geography, the same kind
of file ``bluehelmet geodata build`` cuts for real countries (``interop.geodata``): the regions'
outlines and label points, the towns as places, one generated river through Belnara (the Sanvi,
from Haut-Sanvi to Bas-Sanvi), the outline as a border and the other fictional countries near
it as neighbours. The files go to ``DATA_DIR/geo/<ISO3>.json`` (runtime data, not the shipped
static files); the mission map serves them from there (``core.views.missions.context_url``).
"""

from __future__ import annotations

import json
import math
import os
import random
from pathlib import Path
from typing import Any

from django.conf import settings

from bluehelmet.demo.geography import Point
from bluehelmet.demo.world import Country, World

PAD = 1.5
RIVERS = {"XBN": ("Sanvi", "Haut-Sanvi", "Bas-Sanvi")}  # name, from region, to region


def context_dir() -> Path:
    return Path(settings.DATA_DIR) / "geo"


def _box(points: list[Point], pad: float = 0.0) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)


def _meets(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _centre(ring: list[Point]) -> list[float]:
    points = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring
    return [
        round(sum(p[0] for p in points) / len(points), 3),
        round(sum(p[1] for p in points) / len(points), 3),
    ]


def _closed(ring: list[Point]) -> list[list[float]]:
    out = [[p[0], p[1]] for p in ring]
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def _feature(geometry: dict[str, Any], **properties: Any) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _river(country: Country, rng: random.Random) -> list[list[float]] | None:
    """A meandering line from the middle of one region to the middle of another, through the
    country's centre, running on past both ends to the outline."""
    spec = RIVERS.get(country.iso3)
    if not spec:
        return None
    regions = {r.name: r for r in country.regions}
    if spec[1] not in regions or spec[2] not in regions:
        return None
    start, end = _centre(regions[spec[1]].ring), _centre(regions[spec[2]].ring)
    middle = _centre(country.outline)
    line = []
    for a, b in ((start, middle), (middle, end)):
        for i in range(12):
            t = i / 12
            wobble = 0.12 * math.sin(t * math.pi * 3 + rng.uniform(-0.5, 0.5))
            line.append(
                [
                    round(a[0] + (b[0] - a[0]) * t + wobble, 3),
                    round(a[1] + (b[1] - a[1]) * t - wobble, 3),
                ]
            )
    line.append(end)
    return line


def _roads(country: Country, rng: random.Random) -> list[dict[str, Any]]:
    """Roads joining every town of the country, the shortest network that does (a minimum
    spanning tree, built outward from the first town), each with a slight bend; the ones from
    the first town are the national roads. No public-domain road data is bundled for real
    countries, so only the demo's fictional ones have roads."""
    towns = [point for point, _region in country.towns.values()]
    if len(towns) < 2:
        return []
    joined, edges = [0], []
    while len(joined) < len(towns):
        a, b = min(
            ((i, j) for i in joined for j in range(len(towns)) if j not in joined),
            key=lambda pair: math.dist(towns[pair[0]], towns[pair[1]]),
        )
        joined.append(b)
        edges.append((a, b))
    roads = []
    for number, (a, b) in enumerate(edges, start=1):
        (x1, y1), (x2, y2) = towns[a][:2], towns[b][:2]
        bend = rng.uniform(-0.08, 0.08)
        middle = [round((x1 + x2) / 2 + bend, 3), round((y1 + y2) / 2 - bend, 3)]
        line = [[x1, y1], middle, [x2, y2]]
        rank = 1 if a == 0 else 2
        name = f"{'N' if rank == 1 else 'R'}{number}"
        roads.append(
            _feature(
                {"type": "LineString", "coordinates": line}, layer="road", name=name, rank=rank
            )
        )
    return roads


def country_context(world: World, iso3: str, seed: str) -> dict[str, Any]:
    country = world.countries[iso3]
    box = _box(country.outline, PAD)
    features: list[dict[str, Any]] = []
    for region in country.regions:
        features.append(
            _feature(
                {"type": "Polygon", "coordinates": [_closed(region.ring)]},
                layer="admin1",
                name=region.name,
                code=region.pcode,
                label=_centre(region.ring),
            )
        )
    features.append(
        _feature(
            {"type": "LineString", "coordinates": _closed(country.outline)},
            layer="border",
            countries=[iso3],
            own=True,
        )
    )
    names = {iso3: country.name}
    for other in world.countries.values():
        if other.iso3 == iso3 or not _meets(_box(other.outline), box):
            continue
        names[other.iso3] = other.name
        ring = {"type": "Polygon", "coordinates": [_closed(other.outline)]}
        features.append(_feature(ring, layer="neighbour", country=other.iso3, name=other.name))
        features.append(
            _feature(
                {"type": "LineString", "coordinates": _closed(other.outline)},
                layer="border",
                countries=[other.iso3],
                own=False,
            )
        )
        for name, (point, _region) in other.towns.items():
            features.append(_point(name, point, other.iso3, rank=4))
    river = _river(country, random.Random(f"{seed}/river/{iso3}"))
    if river:
        name = RIVERS[iso3][0]
        geometry = {"type": "LineString", "coordinates": river}
        features.append(_feature(geometry, layer="river", name=name, rank=3))
    features.extend(_roads(country, random.Random(f"{seed}/roads/{iso3}")))
    capital = next(iter(country.towns), None) if iso3 == "XBN" else None
    for name, (point, _region) in country.towns.items():
        features.append(_point(name, point, iso3, rank=1 if name == capital else 3))
        if name == capital:
            features[-1]["properties"]["capital"] = "national"
    return {
        "type": "FeatureCollection",
        "country": iso3,
        "names": names,
        "bbox": [round(v, 3) for v in box],
        "source": "bluehelmet demo: generated fictional geography",
        "licence": "generated",
        "features": features,
    }


def _point(name: str, point: Point, iso3: str, *, rank: int) -> dict[str, Any]:
    geometry = {"type": "Point", "coordinates": [point[0], point[1]]}
    return _feature(geometry, layer="place", name=name, country=iso3, rank=rank)


def write_contexts(world: World, seed: str) -> list[Path]:
    """Write every fictional country's context file (atomically: readers never see half)."""
    target = context_dir()
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for iso3 in world.countries:
        data = json.dumps(country_context(world, iso3, seed), separators=(",", ":"))
        path = target / f"{iso3}.json"
        temporary = target / f".{iso3}.{os.getpid()}.tmp"
        temporary.write_text(data, encoding="utf-8")
        temporary.replace(path)
        written.append(path)
    return written


def remove_contexts(codes: list[str]) -> None:
    for iso3 in codes:
        (context_dir() / f"{iso3}.json").unlink(missing_ok=True)
