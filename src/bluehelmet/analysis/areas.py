"""Areas as a reader names them: an H3 cell by the place and admin area it covers (issue 13).

A threat assessment may be drawn on a hexagon (``8559a8c3fffffff``); its page names the
hexagon by the place most of the mission's incidents in it were reported at and their admin
area, else by the mission's nearest site, and keeps the cell id second. Only unclassified
records name a cell: whoever may read the assessment may read those (Capstone §7.2).
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import h3
from django.utils.translation import gettext as _

from bluehelmet.core.models import OrgUnit
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.operations.geo import H3_RESOLUTIONS, cell_centre
from bluehelmet.operations.models import Incident

NEAR_KM = 50.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(h, 1.0)))


def cell_place(mission_id: Any, cell: str) -> str:
    """'Place, admin area' for an H3 cell of the mission ('' when nothing is known there)."""
    if not cell or not h3.is_valid_cell(cell):
        return ""
    resolution = h3.get_resolution(cell)
    if resolution in H3_RESOLUTIONS:  # incidents store their cell at these resolutions
        rows = Incident.objects.filter(
            mission_id=mission_id,
            sensitivity=Sensitivity.UNCLASSIFIED,
            **{f"h3_r{resolution}": h3.str_to_int(cell)},
        ).values_list("location_name", "admin1")[:500]
        places = Counter(p for p, _a in rows if p)
        areas = Counter(a for _p, a in rows if a)
        parts = [c.most_common(1)[0][0] for c in (places, areas) if c]
        if parts:
            return ", ".join(dict.fromkeys(parts))
    centre = cell_centre(h3.str_to_int(cell))
    sites = OrgUnit.objects.filter(
        mission_id=mission_id, sensitivity=Sensitivity.UNCLASSIFIED, latitude__isnull=False
    )
    nearest = min(
        ((_km(centre, (s.latitude, s.longitude)), s) for s in sites.exclude(longitude=None)),
        default=None,
        key=lambda pair: pair[0],
    )
    if nearest is not None and nearest[0] <= NEAR_KM:
        site = nearest[1]
        name = _("near %(site)s") % {"site": site.name}
        return f"{name}, {site.admin1}" if site.admin1 else name
    return ""


def area_label(assessment: Any) -> str:
    """A threat assessment's area as a reader names it (an H3 cell: its place, then its id)."""
    if assessment.area_kind != "h3":
        return str(assessment.area)
    place = cell_place(assessment.mission_id, assessment.area)
    if not place:
        return _("Hexagon %(cell)s") % {"cell": assessment.area}
    return _("%(place)s (hexagon %(cell)s)") % {"place": place, "cell": assessment.area}
