"""Figures of State authority and of the rule of law for one mission (Capstone §2.4): the
latest reading of each service in each admin area (now, or as of an earlier day), the number of
areas where each service works over time, and the latest report of each institution."""

from __future__ import annotations

import datetime
from typing import Any

from bluehelmet.programmes.models import (
    OperatingStatus,
    SsrActivity,
    StatePresence,
    StateService,
)
from bluehelmet.programmes.verdicts import scoped


def presence_matrix(
    mission: Any, user: Any, as_of: datetime.date | None = None
) -> list[dict[str, Any]]:
    """One row per admin area: the latest observation of each service (or None) on or before
    ``as_of``, oldest readings first overwritten by newer ones."""
    latest = presence_as_of(mission, user, as_of)
    return [
        {"admin1": area, "cells": [services.get(s) for s in StateService.values]}
        for area, services in sorted(latest.items())
    ]


def presence_as_of(
    mission: Any, user: Any, as_of: datetime.date | None = None
) -> dict[str, dict[str, StatePresence]]:
    """Admin area -> service -> its latest observation on or before ``as_of`` (every
    observation without a day), from the observations the user may see."""
    rows = scoped(StatePresence.objects, user).filter(mission=mission)
    if as_of is not None:
        rows = rows.filter(observed_on__lte=as_of)
    latest: dict[str, dict[str, StatePresence]] = {}
    for row in rows.order_by("observed_on", "pk"):
        latest.setdefault(row.admin1, {})[row.service] = row
    return latest


def observation_days(mission: Any, user: Any) -> list[datetime.date]:
    """The days on which the user may see an observation, oldest first."""
    rows = scoped(StatePresence.objects, user).filter(mission=mission)
    return sorted(set(rows.values_list("observed_on", flat=True)))


def presence_series(mission: Any, user: Any) -> list[tuple[str, list[tuple[datetime.date, int]]]]:
    """(service, [(day, areas where it works)]) for each service observed at least once: on
    each observation day, the admin areas whose latest observation of the service by then says
    it is present. A service's line starts at its first observation."""
    rows = scoped(StatePresence.objects, user).filter(mission=mission)
    by_day: dict[datetime.date, list[tuple[str, str, bool]]] = {}
    for area, service, day, present in rows.order_by("observed_on", "pk").values_list(
        "admin1", "service", "observed_on", "present"
    ):
        by_day.setdefault(day, []).append((area, service, present))
    state: dict[str, dict[str, bool]] = {}
    points: dict[str, list[tuple[datetime.date, int]]] = {}
    for day in sorted(by_day):
        for area, service, present in by_day[day]:
            state.setdefault(service, {})[area] = present
        for service, areas in state.items():
            points.setdefault(service, []).append((day, sum(areas.values())))
    return [(s, points[s]) for s in StateService.values if s in points]


def state_authority(mission: Any, user: Any) -> dict[str, Any]:
    matrix = presence_matrix(mission, user)
    present = {
        s: sum(1 for r in matrix if r["cells"][i] is not None and r["cells"][i].present)
        for i, s in enumerate(StateService.values)
    }
    full = sum(1 for r in matrix if all(c is not None and c.present for c in r["cells"]))
    return {"admin_areas": len(matrix), "areas_with_service": present, "areas_with_all": full}


def rule_of_law(mission: Any, user: Any) -> dict[str, Any]:
    """The latest report of each institution: how many operate, personnel trained and vetted,
    and the share of prisoners awaiting trial."""
    reports = scoped(SsrActivity.objects, user).filter(mission=mission)
    latest: dict[int, SsrActivity] = {}
    for r in reports.select_related("institution").order_by("reported_on", "pk"):
        latest[r.institution_id] = r
    last = list(latest.values())
    population = sum(r.prison_population or 0 for r in last)
    pretrial = sum(r.pretrial_detainees or 0 for r in last)
    return {
        "institutions_reported": len(last),
        "operating": sum(1 for r in last if r.status == OperatingStatus.OPERATING),
        "personnel": sum(r.personnel for r in last),
        "trained": sum(r.personnel_trained for r in last),
        "vetted": sum(r.personnel_vetted for r in last),
        "prison_population": population,
        "pretrial_detainees": pretrial,
        "pretrial_percent": round(100 * pretrial / population) if population else None,
    }
