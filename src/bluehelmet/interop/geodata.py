"""Country context for the offline maps, cut from Natural Earth (public domain).

``build_country(source, "CAF")`` reads the Natural Earth 1:10m layers of the shared data
(``../shared/data/geo/``: populated places, rivers, lakes, admin-1 polygons, land borders),
keeps what lies in the country's box padded by ``PAD`` degrees (its admin-1 outlines, the
neighbouring countries (1:110m outlines), the borders, rivers, lakes and places on
both sides), simplifies the lines (Douglas-Peucker), rounds positions to 3 decimals (about
100 m) and returns one plain GeoJSON FeatureCollection. Every feature says what it is in
``properties.layer``: ``admin1``, ``neighbour``, ``border``, ``river``, ``lake`` or ``place``.

Pure Python (no GEOS): lines are cut at the padded box by keeping the runs of positions inside
it (plus one position on each side); polygons are kept whole when their box meets it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

FILES = {
    "admin1": "naturalearth_10m_admin_1_states_provinces_mission_hosts.geojson",
    "places": "naturalearth_10m_populated_places_simple_mission_hosts.geojson",
    "rivers": "naturalearth_10m_rivers_lake_centerlines_mission_hosts.geojson",
    "lakes": "naturalearth_10m_lakes_mission_hosts.geojson",
    "borders": "naturalearth_10m_admin_0_boundary_lines_land_mission_hosts.geojson",
    "countries": "naturalearth_admin0_110m.json",
}
# Natural Earth's adm0_a3 -> ISO 3166-1 alpha-3 where they differ (SOURCES.md).
NE_TO_ISO3 = {"SDS": "SSD", "SAH": "ESH", "KOS": "XKX", "PSX": "PSE", "SOL": "SOM", "CYN": "CYP"}
# The hosts of UN operations in the shared cut (SOURCES.md), as ISO3: one file each.
_HOSTS = (
    "AFG AGO BDI BIH CAF CIV COD CRI CYP DOM DZA EGY ERI ESH ETH GEO GTM HND HRV HTI IND IRN "
    "IRQ ISR JOR KEN KHM KWT LBN LBR MAR MKD MLI MNE MOZ MRT NAM NIC PAK PSE RWA SDN SLE SLV "
    "SOM SRB SSD SYR TCD TJK TLS UGA XKX YEM ZMB ZWE"
)
MISSION_HOSTS = tuple(_HOSTS.split())
PAD = 1.5  # degrees around the country: the neighbours' side of the border
TOLERANCE = 0.01  # degrees (about 1 km): enough for a country-wide view
DIGITS = 3
NEIGHBOUR_MAX_RANK = 5  # places across the border: only the larger ones
SOURCE_NOTE = (
    "Natural Earth 1:10m (public domain, naturalearthdata.com): admin-1, populated places, "
    "rivers and lake centre-lines, lakes, land borders; 1:110m countries; "
    "cut by bluehelmet geodata build"
)

Box = tuple[float, float, float, float]
Position = list[float]


class GeodataError(Exception):
    """The source files are missing or do not hold the country."""


def iso3(ne_code: str) -> str:
    return NE_TO_ISO3.get(ne_code, ne_code)


def french_name(code: str) -> str | None:
    """The country's French name from pycountry's ISO 3166 catalogue (maps in French; Natural
    Earth's 1:110m countries carry no French name), or None when it has none."""
    import gettext

    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    return catalogue.gettext(getattr(country, "common_name", None) or country.name)


def load_layers(source: Path) -> dict[str, list[dict[str, Any]]]:
    layers: dict[str, list[dict[str, Any]]] = {}
    for key, name in FILES.items():
        path = source / name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise GeodataError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
        except ValueError as exc:
            raise GeodataError(f"{path} is not JSON ({exc}).") from exc
        layers[key] = [f for f in data.get("features") or [] if f.get("geometry")]
    return layers


def countries(layers: dict[str, list[dict[str, Any]]]) -> list[str]:
    """The ISO3 codes whose admin-1 polygons the source holds."""
    return sorted({iso3(f["properties"].get("adm0_a3") or "") for f in layers["admin1"]} - {""})


# -- geometry --------------------------------------------------------------------------------


def positions(geometry: dict[str, Any]) -> Iterator[Position]:
    def walk(value: Any) -> Iterator[Position]:
        if value and isinstance(value[0], (int, float)):
            yield value
        else:
            for item in value:
                yield from walk(item)

    yield from walk(geometry.get("coordinates") or [])


def bbox(items: Iterable[Position]) -> Box | None:
    xs, ys = [], []
    for p in items:
        xs.append(p[0])
        ys.append(p[1])
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def meets(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def inside(p: Position, box: Box) -> bool:
    return box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]


def simplify(line: list[Position], tolerance: float) -> list[Position]:
    """Douglas-Peucker, iterative; the ends are kept."""
    if len(line) < 3:
        return line
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = line[first][0], line[first][1]
        bx, by = line[last][0], line[last][1]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        worst, index = -1.0, first
        for i in range(first + 1, last):
            px, py = line[i][0], line[i][1]
            if norm == 0:
                dist = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                dist = abs(dy * px - dx * py + bx * ay - by * ax) / norm
            if dist > worst:
                worst, index = dist, i
        if worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(line, keep, strict=True) if k]


def rounded(line: Iterable[Position], digits: int = DIGITS) -> list[Position]:
    out: list[Position] = []
    for p in line:
        q = [round(p[0], digits), round(p[1], digits)]
        if not out or out[-1] != q:
            out.append(q)
    return out


def clip_ring(ring: list[Position], box: Box) -> list[Position]:
    """Sutherland-Hodgman against the box (convex): a concave ring may gain edges along the
    box's sides, which a map drawing the cut-out without a stroke does not show."""
    out = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring
    for axis, limit, keep_low in (
        (0, box[0], False),
        (0, box[2], True),
        (1, box[1], False),
        (1, box[3], True),
    ):
        if not out:
            break
        points, out = out, []

        def ok(p: Position) -> bool:
            return p[axis] <= limit if keep_low else p[axis] >= limit  # noqa: B023

        def cross(a: Position, b: Position) -> Position:
            t = (limit - a[axis]) / (b[axis] - a[axis])  # noqa: B023
            return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]

        for i, current in enumerate(points):
            previous = points[i - 1]
            if ok(current):
                if not ok(previous):
                    out.append(cross(previous, current))
                out.append(current)
            elif ok(previous):
                out.append(cross(previous, current))
    return out + out[:1]


def compact_ring(
    ring: list[Position], tolerance: float, digits: int = DIGITS
) -> list[Position] | None:
    ring = rounded(simplify(ring, tolerance), digits)
    if len(ring) < 4:
        return None
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    return ring


def compact_polygons(
    geometry: dict[str, Any], tolerance: float, clip: Box | None = None, digits: int = DIGITS
) -> dict[str, Any] | None:
    """A simplified Polygon/MultiPolygon (cut to ``clip`` if given); rings too small to keep
    vanish (a polygon whose outer ring vanishes goes with it)."""
    parts = geometry.get("coordinates") or []
    if geometry.get("type") == "Polygon":
        parts = [parts]
    elif geometry.get("type") != "MultiPolygon":
        return None
    polygons = []
    for part in parts:
        if clip:
            part = [clip_ring(r, clip) for r in part]
        rings = [compact_ring(r, tolerance, digits) for r in part]
        if rings and rings[0]:
            polygons.append([r for r in rings if r])
    if not polygons:
        return None
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def lines_of(geometry: dict[str, Any]) -> list[list[Position]]:
    if geometry.get("type") == "LineString":
        return [geometry["coordinates"]]
    if geometry.get("type") == "MultiLineString":
        return list(geometry["coordinates"])
    return []


def clip_line(line: list[Position], box: Box) -> list[list[Position]]:
    """The runs of ``line`` inside ``box``, each with the position before and after it."""
    runs: list[list[Position]] = []
    current: list[Position] = []
    for i, p in enumerate(line):
        if inside(p, box):
            if not current and i > 0:
                current.append(line[i - 1])
            current.append(p)
        elif current:
            current.append(p)
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def compact_lines(
    geometry: dict[str, Any], box: Box, tolerance: float, digits: int = DIGITS
) -> dict[str, Any] | None:
    out = []
    for line in lines_of(geometry):
        for run in clip_line(line, box):
            run = rounded(simplify(run, tolerance), digits)
            if len(run) >= 2:
                out.append(run)
    if not out:
        return None
    if len(out) == 1:
        return {"type": "LineString", "coordinates": out[0]}
    return {"type": "MultiLineString", "coordinates": out}


# -- the cut ---------------------------------------------------------------------------------


def feature(geometry: dict[str, Any], **properties: Any) -> dict[str, Any]:
    props = {k: v for k, v in properties.items() if v not in (None, "")}
    return {"type": "Feature", "geometry": geometry, "properties": props}


def _code(props: dict[str, Any]) -> str:
    code = str(props.get("iso_3166_2") or "")
    return code if code and "-99" not in code else str(props.get("adm1_code") or "")


def build_country(
    layers: dict[str, list[dict[str, Any]]], country: str, *, pad: float = PAD
) -> dict[str, Any]:
    """The context FeatureCollection of ``country`` (ISO3)."""
    own = [f for f in layers["admin1"] if iso3(f["properties"].get("adm0_a3") or "") == country]
    if not own:
        raise GeodataError(f"The Natural Earth admin-1 layer has no areas of {country}.")
    core = bbox(p for f in own for p in positions(f["geometry"]))
    assert core is not None
    box: Box = (core[0] - pad, core[1] - pad, core[2] + pad, core[3] + pad)
    features: list[dict[str, Any]] = []
    names: dict[str, str] = {country: str(own[0]["properties"].get("admin") or country)}
    names_fr: dict[str, str] = {country: french_name(country) or names[country]}

    for f in own:
        p = f["properties"]
        geometry = compact_polygons(f["geometry"], TOLERANCE)
        label = [p.get("label_lon"), p.get("label_lat")]
        if geometry:
            features.append(
                feature(
                    geometry,
                    layer="admin1",
                    name=p.get("name") or p.get("name_en"),
                    name_fr=_other(p.get("name_fr"), p.get("name") or p.get("name_en")),
                    code=_code(p),
                    label=rounded([label])[0] if None not in label else None,
                )
            )

    # The neighbours as land around the country: 1:110m outlines (small), cut to the box and
    # drawn without a stroke under the 1:10m borders.
    for f in layers["countries"]:
        p = f["properties"]
        code = iso3(p.get("adm0_a3") or "")
        fbox = bbox(positions(f["geometry"]))
        if code == country or not fbox or not meets(fbox, box):
            continue
        geometry = compact_polygons(f["geometry"], TOLERANCE * 2, box, digits=2)
        if geometry:
            names[code] = str(p.get("admin") or p.get("name") or code)
            names_fr[code] = french_name(code) or names[code]
            features.append(feature(geometry, layer="neighbour", country=code, name=names[code]))

    for f in layers["lakes"]:
        fbox = bbox(positions(f["geometry"]))
        geometry = None
        if fbox and meets(fbox, box):
            geometry = compact_polygons(f["geometry"], TOLERANCE * 2, box, digits=2)
        if geometry:
            features.append(feature(geometry, layer="lake", name=f["properties"].get("name")))

    for key, layer in (("rivers", "river"), ("borders", "border")):
        for f in layers[key]:
            p = f["properties"]
            sides = {iso3(p.get("adm0_a3_l") or ""), iso3(p.get("adm0_a3_r") or "")}
            own_border = layer == "border" and country in sides
            tolerance = TOLERANCE if own_border else TOLERANCE * 3
            geometry = compact_lines(f["geometry"], box, tolerance, DIGITS if own_border else 2)
            if not geometry:
                continue
            if layer == "river":
                features.append(
                    feature(geometry, layer="river", name=p.get("name"), rank=p.get("scalerank"))
                )
            else:
                features.append(
                    feature(geometry, layer="border", countries=sorted(sides), own=own_border)
                )

    for f in layers["places"]:
        p = f["properties"]
        code = iso3(p.get("adm0_a3") or "")
        point = f["geometry"].get("coordinates") or []
        if len(point) < 2 or not inside(point, box):
            continue
        rank = int(p.get("scalerank") or 10)
        if code != country and rank > NEIGHBOUR_MAX_RANK:
            continue
        capital = str(p.get("featurecla") or "")
        features.append(
            feature(
                {"type": "Point", "coordinates": rounded([point])[0]},
                layer="place",
                name=p.get("name"),
                country=code,
                rank=rank,
                capital=("national" if capital.startswith("Admin-0 capital") else None),
            )
        )

    return {
        "type": "FeatureCollection",
        "country": country,
        "names": names,
        "names_fr": names_fr,
        "bbox": [round(v, DIGITS) for v in box],
        "source": SOURCE_NOTE,
        "licence": "public domain",
        "features": features,
    }


def dump(collection: dict[str, Any]) -> str:
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"))


def _other(french: Any, name: Any) -> str | None:
    """The French name when there is one that differs (an equal one would only add bytes)."""
    return str(french) if french and french != name else None


WORLD_TOLERANCE = 0.1  # degrees: a world view needs no more


def build_world(layers: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Every country's 1:110m outline, simplified, for the headquarters overview's world map
    (``world.json``): ``code`` (ISO3) and ``name`` per feature."""
    features = []
    for f in layers["countries"]:
        p = f["properties"]
        geometry = compact_polygons(f["geometry"], WORLD_TOLERANCE, digits=2)
        if geometry:
            code = iso3(p.get("adm0_a3") or "")
            name = str(p.get("admin") or p.get("name") or code)
            name_fr = _other(french_name(code), name)
            features.append(
                feature(geometry, layer="country", code=code, name=name, name_fr=name_fr)
            )
    return {
        "type": "FeatureCollection",
        "country": "world",
        "source": "Natural Earth 1:110m admin-0 countries (public domain, naturalearthdata.com)",
        "licence": "public domain",
        "features": features,
    }


def write_country(collection: dict[str, Any], output: Path) -> Path:
    output.mkdir(parents=True, exist_ok=True)
    path = output / f"{collection['country']}.json"
    path.write_text(dump(collection), encoding="utf-8")
    return path
