"""JOC incidents on a movement's route (Capstone §7.2: the JOC's picture serves the whole
mission; §8.3: the security of those who move). A movement from one location to another is
drawn as a straight line; incidents within a distance of it in recent days are shown beside
the request so that the convoy commander and the security adviser see them first."""

from __future__ import annotations

import datetime
import math
from typing import Any

from django.utils import timezone

from bluehelmet.core.parameters import parameter
from bluehelmet.operations.models import Incident
from bluehelmet.support.rules import ROUTE_DAYS_KEY, ROUTE_KM_KEY

KM_PER_DEGREE = 111.32  # along a meridian; good to a few per cent at the scales of a route


def km_from_segment(
    point: tuple[float, float], a: tuple[float, float], b: tuple[float, float]
) -> float:
    """Distance in km from ``point`` to the segment ``a``-``b`` ((lat, lon) pairs), on a flat
    projection around the segment: routes are tens to hundreds of km, not continents."""
    scale = math.cos(math.radians((a[0] + b[0]) / 2))

    def xy(p: tuple[float, float]) -> tuple[float, float]:
        return p[1] * scale * KM_PER_DEGREE, p[0] * KM_PER_DEGREE

    (px, py), (ax, ay), (bx, by) = xy(point), xy(a), xy(b)
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def endpoints(request: Any) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The route's two ends, when both are locations of the mission (an area has no point)."""
    a, b = request.origin, request.destination
    if a is None or b is None:
        return None
    return (a.latitude, a.longitude), (b.latitude, b.longitude)


def incidents_on_route(
    request: Any, *, user: Any, today: datetime.date | None = None
) -> list[tuple[Incident, float]]:
    """The incidents the user may see within the mission's distance of the route, in its
    number of days up to ``today``, nearest first, each with its distance in km."""
    ends = endpoints(request)
    if ends is None:
        return []
    km = parameter(request.mission_id, ROUTE_KM_KEY)
    days = parameter(request.mission_id, ROUTE_DAYS_KEY)
    day = today or timezone.now().date()
    midnight = datetime.datetime.combine(day, datetime.time(), datetime.UTC)
    since = midnight - datetime.timedelta(days=days)
    until = midnight + datetime.timedelta(days=1)
    margin = km / KM_PER_DEGREE / max(math.cos(math.radians(ends[0][0])), 0.1)
    lats, lons = (ends[0][0], ends[1][0]), (ends[0][1], ends[1][1])
    candidates = Incident.objects.restrict(user) if user is not None else Incident.objects.all()
    candidates = candidates.filter(
        mission_id=request.mission_id,
        occurred_at__gte=since,
        occurred_at__lt=until,
        latitude__range=(min(lats) - margin, max(lats) + margin),
        longitude__range=(min(lons) - margin, max(lons) + margin),
    )
    near = []
    for incident in candidates.select_related("category")[:2000]:
        d = km_from_segment((incident.latitude, incident.longitude), *ends)
        if d <= km:
            near.append((incident, round(d, 1)))
    return sorted(near, key=lambda pair: pair[1])
