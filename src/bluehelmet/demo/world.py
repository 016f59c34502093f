"""The demo's fictional countries, their admin-1 regions and towns (DESIGN "Demo scenario").

Belnara (XBN) hosts the multi-dimensional mission; Tamarsa (XTM) and Ostemba (XOS) share the
cease-fire line the observer group watches. Codes come from the ISO 3166-1 user-assigned range,
so they can never collide with a real state. Outlines are generated (``geography``) from a seed.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from bluehelmet.demo import geography as geo
from bluehelmet.demo.geography import Point

Town = tuple[str, tuple[float, float], tuple[float, float]]  # name, angle range, radius range
MID, RIM = (0.3, 0.7), (0.3, 0.8)


def _towns(*names: str) -> list[Town]:
    return [(name, MID, (0.35, 0.6) if i == 0 else (0.2, 0.85)) for i, name in enumerate(names)]


@dataclass
class Region:
    name: str
    pcode: str
    ring: list[Point]


@dataclass
class Country:
    iso3: str
    name: str
    outline: list[Point]
    regions: list[Region] = field(default_factory=list)
    towns: dict[str, tuple[Point, str]] = field(default_factory=dict)  # town -> (point, region)


@dataclass
class World:
    countries: dict[str, Country] = field(default_factory=dict)

    def town(self, name: str) -> tuple[Point, str, str]:
        """(lon, lat), admin-1 region and country of a town."""
        for country in self.countries.values():
            if name in country.towns:
                point, region = country.towns[name]
                return point, region, country.iso3
        raise KeyError(name)


# Belnara: a capital district ringed by six provinces, counter-clockwise from the north-east.
BELNARA_PROVINCES: list[tuple[str, list[Town]]] = [
    ("Haut-Sanvi", _towns("Sanvi-Ville", "Dorokou", "Bangassi")),
    ("Kourala", _towns("Kourala", "Fadimé", "Tissalé")),
    ("Ouadjé", _towns("Ouadjé", "Abéssa", "Tirkou")),
    ("Mekondé", _towns("Mekondé", "Bolobi", "Ngaré")),
    ("Tabassi", _towns("Tabassi", "Ouri", "Kassongé")),
    ("Bas-Sanvi", _towns("Lomassa", "Kémbo", "Nzari")),
]

# Tamarsa (west) and Ostemba (east) split one outline along the cease-fire line (north-south).
# Towns near the line sit at the edge of their region's angle range.
NEAR_LOW, NEAR_HIGH = (0.14, 0.22), (0.78, 0.86)
TAMARSA_PROVINCES: list[tuple[str, list[Town]]] = [
    ("Wadi Serou", [("Serou", MID, (0.4, 0.7)), ("Tindal", NEAR_LOW, (0.45, 0.75))]),
    ("Ghedara", [("Ghedara", MID, (0.4, 0.6)), ("Kafra", MID, (0.6, 0.8))]),
    (
        "Ennedra",
        [
            ("Ennedra", MID, (0.4, 0.7)),
            ("Amsaka", NEAR_HIGH, (0.3, 0.55)),
            ("Dar Toumi", NEAR_HIGH, (0.6, 0.8)),
        ],
    ),
]
OSTEMBA_PROVINCES: list[tuple[str, list[Town]]] = [
    ("Sôlé", [("Sôlé", MID, (0.4, 0.7)), ("Kanembi", NEAR_LOW, (0.4, 0.7))]),
    ("Marabi", [("Marabi", MID, (0.35, 0.6)), ("Tessouma", NEAR_HIGH, (0.45, 0.75))]),
]


def _place_towns(
    rng: random.Random,
    star: geo.Star,
    country: Country,
    region: str,
    span: tuple[int, int],
    towns: list[Town],
    *,
    spacing: float = 0.3,
) -> None:
    """Put each town inside its region, at least ``spacing`` degrees from the others."""
    start, end = span
    if end <= start:
        end += star.n
    for name, angles, radii in towns:
        for _attempt in range(40):
            theta = star.angle(start + (end - start) * rng.uniform(*angles))
            r_in, r_out = star.inner_at(theta), star.radius_at(theta)
            point = star.point(theta, r_in + rng.uniform(*radii) * (r_out - r_in))
            if all(math.dist(point, p) >= spacing for p, _r in country.towns.values()):
                break
        country.towns[name] = (point, region)


def build_belnara(rng: random.Random) -> Country:
    star = geo.make_star(rng, (21.6, 5.4), (4.2, 2.6), n=120, rotation=0.15, inner_radius=0.45)
    cuts = [base + rng.choice((-4, 0, 4)) for base in (4, 24, 44, 64, 84, 104)]
    geo.add_cuts(rng, star, cuts)
    country = Country("XBN", "Belnara", star.outline())
    district = "Mbarenga Capital District"
    country.regions.append(Region(district, "XBN07", star.inner_ring()))
    country.towns["Mbarenga"] = (geo.point_near_centre(rng, star, scale=0.3), district)
    for i, (name, towns) in enumerate(BELNARA_PROVINCES):
        span = (cuts[i], cuts[(i + 1) % len(cuts)])
        country.regions.append(Region(name, f"XBN{i + 1:02d}", geo.region_ring(star, *span)))
        _place_towns(rng, star, country, name, span, towns)
    return country


def build_cease_fire_pair(rng: random.Random) -> tuple[Country, Country]:
    star = geo.make_star(rng, (20.8, 12.3), (3.3, 1.8), n=96, rotation=-0.1)
    east = rng.choice((92, 0, 4))
    tamarsa_cuts = [24, 40 + rng.choice((-4, 0, 4)), 56 + rng.choice((-4, 0, 4)), 72]
    geo.add_cuts(rng, star, sorted({*tamarsa_cuts, east}), wobble=0.07)
    tamarsa = Country("XTM", "Tamarsa", geo.region_ring(star, 24, 72))
    for i, (name, towns) in enumerate(TAMARSA_PROVINCES):
        span = (tamarsa_cuts[i], tamarsa_cuts[i + 1])
        tamarsa.regions.append(Region(name, f"XTM{i + 1:02d}", geo.region_ring(star, *span)))
        _place_towns(rng, star, tamarsa, name, span, towns)
    ostemba = Country("XOS", "Ostemba", geo.region_ring(star, 72, 24))
    for i, ((name, towns), span) in enumerate(
        zip(OSTEMBA_PROVINCES, [(72, east), (east, 24)], strict=True)
    ):
        ostemba.regions.append(Region(name, f"XOS{i + 1:02d}", geo.region_ring(star, *span)))
        _place_towns(rng, star, ostemba, name, span, towns)
    return tamarsa, ostemba


def build_world(seed: str) -> World:
    """The whole fictional region, identical for the same seed."""
    world = World()
    belnara = build_belnara(random.Random(f"{seed}/belnara"))
    tamarsa, ostemba = build_cease_fire_pair(random.Random(f"{seed}/tamarsa-ostemba"))
    for country in (belnara, tamarsa, ostemba):
        world.countries[country.iso3] = country
    return world
