"""Helpers shared by the tests/test_operations_*.py files."""

from __future__ import annotations

import datetime
from typing import Any

from bluehelmet.operations.models import Incident, IncidentCategory

UTC = datetime.UTC


def at(year: int, month: int, day: int, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=UTC)


def incident(mission: Any, category: str = "clash-state", **fields: Any) -> Incident:
    values: dict[str, Any] = {
        "title": "Test incident",
        "occurred_at": at(2025, 3, 10),
        "latitude": 4.4,
        "longitude": 18.6,
        "admin1": "Bangui",
        "actor1": "Armed group A",
        "actor2": "Civilians",
        "killed": 1,
    }
    values.update(fields)
    return Incident.objects.create(
        mission=mission, category=IncidentCategory.objects.get(code=category), **values
    )
