"""The small maps of the JMAC pages (issue 13): an actor's incidents, and a threat assessment's
area outlined with the incidents it cites. Only incidents the user may see are placed (the
same ``restrict``-ed querysets as the pages' tables); confidential ones shown are logged."""

from __future__ import annotations

from typing import Any

import h3
from django.utils.translation import gettext as _

from bluehelmet.analysis import models as m
from bluehelmet.analysis import queries
from bluehelmet.analysis.hotspots import cell_boundary
from bluehelmet.core.audit import log_reads
from bluehelmet.core.maps import SmallMap, outline
from bluehelmet.core.models import AdminArea
from bluehelmet.operations.maps import place_incidents
from bluehelmet.operations.models import Incident

ACTOR_MAP_LIMIT = 500  # the most recent located incidents; a page, not a data export


def actor_map(user: Any, actor: m.Actor) -> SmallMap:
    """The incidents naming ``actor`` that ``user`` may see, the most recent first."""
    incidents = (
        queries.mission_incidents(user, actor.mission).filter(actor_links__actor=actor).distinct()
    )
    located = incidents.exclude(latitude=None).exclude(longitude=None)
    shown = list(
        located.select_related("category").order_by("-occurred_at", "-id")[: ACTOR_MAP_LIMIT + 1]
    )
    small_map = SmallMap(
        actor.mission.host_country,
        none_text=_("No incident you may see that names this actor has coordinates."),
        truncated=len(shown) > ACTOR_MAP_LIMIT,
    )
    shown = shown[:ACTOR_MAP_LIMIT]
    log_reads(user, shown)
    place_incidents(small_map, shown)
    small_map.unplaced = incidents.filter(latitude=None).count()
    return small_map


def area_outline(user: Any, assessment: m.ThreatAssessment) -> dict[str, Any] | None:
    """The assessed area: an admin-1 area's stored outline or an H3 cell's hexagon (a
    described area has none)."""
    if assessment.area_kind == m.AreaKind.H3 and h3.is_valid_cell(assessment.area):
        ring = [[lon, lat] for lat, lon in cell_boundary(assessment.area)]
        polygon = {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}
        return outline(polygon, assessment.area_label)
    if assessment.area_kind == m.AreaKind.ADMIN1 and assessment.area:
        area = (
            AdminArea.objects.restrict(user)
            .filter(country=assessment.mission.host_country, level=1, name__iexact=assessment.area)
            .first()
        )
        return outline(area.geometry, area.name) if area else None
    return None


def assessment_map(user: Any, assessment: m.ThreatAssessment, cited: list[Incident]) -> SmallMap:
    """``cited``: the cited incidents ``user`` may see (read and logged by the page)."""
    small_map = SmallMap(
        assessment.mission.host_country,
        none_text=_(
            "Neither the assessed area nor any cited incident you may see has a location "
            "to show on a map."
        ),
    )
    small_map.add(area_outline(user, assessment))
    place_incidents(small_map, cited)
    return small_map
