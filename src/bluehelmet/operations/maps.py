"""Incidents on the small maps of record pages (issue 13): the incident page, the actor page
and the threat assessment page put the incidents they list, already read through
``restrict``, on a ``SmallMap``; one without coordinates is counted, not placed."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from bluehelmet.core.maps import SmallMap, has_location, point
from bluehelmet.core.tables import object_url
from bluehelmet.operations.models import Incident


def incident_point(incident: Incident, *, link: bool = True) -> dict[str, Any]:
    when = incident.occurred_at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    category = incident.category.name if incident.category_id else ""
    detail = " · ".join(p for p in (category, incident.location_name) if p)
    assert incident.latitude is not None and incident.longitude is not None
    return point(
        incident.latitude,
        incident.longitude,
        kind="incident",
        title=incident.title,
        when=when,
        detail=detail,
        url=(object_url(incident) or "") if link else "",
    )


def place_incidents(
    small_map: SmallMap, incidents: Iterable[Incident], *, link: bool = True
) -> None:
    """Add the located incidents as points; count the others as not placed."""
    for incident in incidents:
        if has_location(incident):
            small_map.add(incident_point(incident, link=link))
        else:
            small_map.unplaced += 1
