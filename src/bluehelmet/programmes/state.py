"""Figures of State authority and of the rule of law for one mission (Capstone §2.4): the
latest reading of each service in each admin area, and of each institution."""

from __future__ import annotations

from typing import Any

from bluehelmet.programmes.models import (
    OperatingStatus,
    SsrActivity,
    StatePresence,
    StateService,
)
from bluehelmet.programmes.verdicts import scoped


def presence_matrix(mission: Any, user: Any) -> list[dict[str, Any]]:
    """One row per admin area: the latest observation of each service (or None), oldest
    readings first overwritten by newer ones."""
    rows = scoped(StatePresence.objects, user).filter(mission=mission).order_by("observed_on", "pk")
    latest: dict[str, dict[str, StatePresence]] = {}
    for row in rows:
        latest.setdefault(row.admin1, {})[row.service] = row
    return [
        {"admin1": area, "cells": [services.get(s) for s in StateService.values]}
        for area, services in sorted(latest.items())
    ]


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
