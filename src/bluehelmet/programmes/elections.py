"""The security risk of a polling centre, read from the JOC's incidents around it (Capstone
§2.4 electoral assistance; §7.2 the JOC's picture): how many incidents the reader may see lie
within the mission's radius of the centre in the mission's number of days, and how many
killed. The JMAC forecast is not read yet (see docs/programmes.md)."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.parameters import parameter
from bluehelmet.core.registry import ParameterSpec
from bluehelmet.operations.models import Incident
from bluehelmet.programmes.geo import EARTH_RADIUS_M
from bluehelmet.programmes.models import PollingCentre

RADIUS_KEY, DAYS_KEY = "polling-risk-radius-km", "polling-risk-days"
RADIUS = ParameterSpec(
    RADIUS_KEY,
    _l("Radius around a polling centre in which incidents count towards its risk"),
    15,
    _l("km"),
    1,
    100,
    "Capstone §2.4",
    _l("The mission's choice; the doctrine sets no distance."),
    weight=92,
)
DAYS = ParameterSpec(
    DAYS_KEY,
    _l("Days of incidents a polling centre's risk is read from"),
    90,
    _l("days"),
    7,
    365,
    "Capstone §2.4",
    _l("The mission's choice; the doctrine sets no period."),
    weight=93,
)
# Incidents (or deaths) from which a centre's risk is high; one incident makes it medium.
HIGH_INCIDENTS, HIGH_KILLED = 3, 1


@dataclass
class CentreRisk:
    centre: PollingCentre
    level: str
    incidents: int
    killed: int
    explanation: str


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M / 1000 * math.asin(math.sqrt(a))


def centre_risk(
    centre: PollingCentre, near: list[tuple[float, float, int]], radius: float, days: int
) -> CentreRisk:
    """``near``: (lat, lon, killed) of the incidents of the period. Low with none within the
    radius, high from ``HIGH_INCIDENTS`` incidents or any death, medium otherwise."""
    inside = [
        k
        for lat, lon, k in near
        if km_between(centre.latitude, centre.longitude, lat, lon) <= radius
    ]
    killed = sum(inside)
    if not inside:
        level = "low"
    elif len(inside) >= HIGH_INCIDENTS or killed >= HIGH_KILLED:
        level = "high"
    else:
        level = "medium"
    text = _("%(n)d incident(s), %(k)d killed, within %(r)s km in the last %(d)d days.") % {
        "n": len(inside),
        "k": killed,
        "r": radius,
        "d": days,
    }
    return CentreRisk(centre, level, len(inside), killed, text)


def mission_risks(mission: Any, user: Any, today: datetime.date) -> list[CentreRisk]:
    """Every polling centre of ``mission`` the user may see, with its risk from the incidents
    the user may see (the system, ``None``, reads everything)."""
    radius = parameter(mission.pk, RADIUS_KEY)
    days = parameter(mission.pk, DAYS_KEY)
    centres = PollingCentre.objects.filter(mission=mission)
    incidents = Incident.objects.filter(mission=mission)
    if user is not None:
        centres, incidents = centres.restrict(user), incidents.restrict(user)
    since = datetime.datetime.combine(
        today - datetime.timedelta(days=days), datetime.time(), tzinfo=datetime.UTC
    )
    rows = incidents.filter(occurred_at__gte=since).exclude(Q(latitude=None) | Q(longitude=None))
    near = [
        (lat, lon, k or 0) for lat, lon, k in rows.values_list("latitude", "longitude", "killed")
    ]
    return [centre_risk(c, near, radius, days) for c in centres]
