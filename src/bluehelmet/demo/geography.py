"""Generated offline geography for the demo's fictional countries (DESIGN "Demo scenario").

A country is a jittered star-shaped outline around a centre; admin-1 regions are cut out of it by
jittered paths running from an inner ring (a capital district) or from the centre to the outline.
Neighbouring regions share the same cut vertices, so the regions tile the country exactly and
nothing depends on a map download. The mission map (Capstone §6.2: field presence) draws these.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass, field

Point = tuple[float, float]  # (lon, lat), rounded to 4 decimals (about 10 m)

TWO_PI = 2 * math.pi


def _round(lon: float, lat: float) -> Point:
    return (round(lon, 4), round(lat, 4))


@dataclass
class Star:
    """A star-shaped outline: radius ``outer[i]`` at angle ``2*pi*i/n`` around the centre."""

    centre: Point
    outer: list[float]
    inner: list[float]  # radius of the inner ring at the same angles; zeros when there is none
    step: int = 4  # the inner ring keeps one vertex every ``step`` outer vertices
    cuts: dict[int, list[Point]] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.outer)

    def angle(self, index: float) -> float:
        return TWO_PI * index / self.n

    def _interp(self, radii: list[float], theta: float) -> float:
        pos = (theta % TWO_PI) / TWO_PI * self.n
        low = int(pos) % self.n
        frac = pos - int(pos)
        return radii[low] * (1 - frac) + radii[(low + 1) % self.n] * frac

    def radius_at(self, theta: float) -> float:
        return self._interp(self.outer, theta)

    def inner_at(self, theta: float) -> float:
        return self._interp(self.inner, theta)

    def point(self, theta: float, radius: float) -> Point:
        cx, cy = self.centre
        return _round(cx + radius * math.cos(theta), cy + radius * math.sin(theta))

    def outer_point(self, index: int) -> Point:
        index %= self.n
        return self.point(self.angle(index), self.outer[index])

    def inner_point(self, index: int) -> Point:
        index %= self.n
        if self.inner[index] == 0:
            return _round(*self.centre)
        return self.point(self.angle(index), self.inner[index])

    def outline(self) -> list[Point]:
        ring = [self.outer_point(i) for i in range(self.n)]
        return [*ring, ring[0]]

    def inner_ring(self) -> list[Point]:
        ring = [self.inner_point(i) for i in range(0, self.n, self.step)]
        return [*ring, ring[0]]


def _ellipse_radius(theta: float, rx: float, ry: float, rotation: float) -> float:
    t = theta - rotation
    return (rx * ry) / math.hypot(ry * math.cos(t), rx * math.sin(t))


def make_star(
    rng: random.Random,
    centre: Point,
    radii: tuple[float, float],
    *,
    n: int = 120,
    rotation: float = 0.0,
    inner_radius: float = 0.0,
) -> Star:
    """An irregular outline: an ellipse bent by a few low harmonics plus per-vertex jitter."""
    harmonics = [
        (k, rng.uniform(0.1, 0.3) / k, rng.uniform(0, TWO_PI)) for k in (2, 3, 4, 5, 7, 9, 13)
    ]
    outer, inner = [], []
    for i in range(n):
        theta = TWO_PI * i / n
        bend = sum(a * math.sin(k * theta + phase) for k, a, phase in harmonics)
        base = _ellipse_radius(theta, radii[0], radii[1], rotation)
        outer.append(base * (1 + bend + rng.uniform(-0.025, 0.025)))
        inner.append(inner_radius * (1 + rng.uniform(-0.12, 0.12)) if inner_radius else 0.0)
    return Star(centre, outer, inner)


def add_cuts(rng: random.Random, star: Star, indices: list[int], *, wobble: float = 0.12) -> None:
    """Jittered region boundaries from the inner ring (or centre) out to the outline.

    ``indices`` must be multiples of ``star.step``; ``wobble`` (radians) must stay below half the
    angular gap between neighbouring cuts so that boundaries never cross.
    """
    for index in indices:
        if index % star.step:
            raise ValueError(f"cut index {index} is not a multiple of {star.step}")
        theta = star.angle(index)
        path = [star.inner_point(index)]
        steps = 10
        bends = [(k, rng.uniform(-1, 1) / k) for k in (1, 2, 3)]
        for j in range(1, steps):
            t = j / steps
            swing = sum(a * math.sin(k * math.pi * t) for k, a in bends) / 1.84
            th = theta + wobble * max(-1.0, min(1.0, swing + rng.uniform(-0.12, 0.12)))
            r_in, r_out = star.inner_at(th), star.radius_at(th)
            path.append(star.point(th, r_in + 0.9 * t * (r_out - r_in)))
        path.append(star.outer_point(index))
        star.cuts[index] = path


def region_ring(star: Star, start: int, end: int) -> list[Point]:
    """The counter-clockwise ring between the cuts at ``start`` and ``end`` (outer indices)."""
    if end <= start:
        end += star.n
    ring = list(star.cuts[start % star.n])
    ring += [star.outer_point(i) for i in range(start + 1, end)]
    ring += list(reversed(star.cuts[end % star.n]))
    inner_back = [
        star.inner_point(i)
        for i in range(end - star.step, start, -star.step)
        if star.inner[i % star.n] > 0
    ]
    ring += inner_back
    if ring[-1] != ring[0]:
        ring.append(ring[0])
    return ring


def point_near_centre(rng: random.Random, star: Star, *, scale: float = 0.4) -> Point:
    """A point inside the inner ring (the capital district)."""
    theta = rng.uniform(0, TWO_PI)
    return star.point(theta, star.inner_at(theta) * rng.uniform(0.05, scale))


def polygon(ring: list[Point]) -> dict[str, object]:
    """GeoJSON Polygon (RFC 7946: exterior ring counter-clockwise, [lon, lat])."""
    return {"type": "Polygon", "coordinates": [[[lon, lat] for lon, lat in ring]]}


def ring_area(ring: list[Point]) -> float:
    """Signed shoelace area in square degrees; positive when counter-clockwise."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring)) / 2


def contains(ring: list[Point] | list[list[float]], lon: float, lat: float) -> bool:
    """Ray-casting point-in-polygon test."""
    inside = False
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside
