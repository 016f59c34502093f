"""Read a mission's incidents and locations into a panel (Capstone §7.2: the JMAC draws on the
JOC's incident log and on where the mission is deployed)."""

from __future__ import annotations

from typing import Any

from bluehelmet.core.models import Mission, OrgUnit
from bluehelmet.forecasting.panel import (
    Panel,
    PanelError,
    Site,
    Unit,
    add_presence,
    build_panel,
    month_index,
    records_from_queryset,
)
from bluehelmet.operations.models import Incident


def mission_incidents(mission: Mission) -> Any:
    """Every incident of the mission: the forecast counts all of them whatever the reader's
    clearance (the forecast itself is confidential)."""
    return Incident.objects.filter(mission=mission)


def mission_sites(mission: Mission) -> list[Site]:
    rows = OrgUnit.objects.filter(
        mission=mission, latitude__isnull=False, longitude__isnull=False
    ).values_list("latitude", "longitude", "admin1", "established_on", "closed_on")
    return [
        Site(
            lat,
            lon,
            admin1 or "",
            month_index(opened) if opened else None,
            month_index(closed) if closed else None,
        )
        for lat, lon, admin1, opened, closed in rows
    ]


def load_panel(mission: Mission, unit: Unit, *, until: int | None = None) -> Panel:
    """The mission's panel up to month ``until`` (extended with quiet months up to it)."""
    records = records_from_queryset(mission_incidents(mission), unit, until=until)
    if len(records) == 0:
        raise PanelError(f"Mission {mission.code} has no incidents to forecast from.")
    panel = build_panel(records, unit, end=until)
    return add_presence(panel, mission_sites(mission))


def last_incident_month(mission: Mission) -> int | None:
    latest = (
        mission_incidents(mission)
        .filter(duplicate_of__isnull=True)
        .order_by("-occurred_at")
        .values_list("occurred_at", flat=True)
        .first()
    )
    return month_index(latest) if latest else None
