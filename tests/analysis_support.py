"""Helpers shared by the tests/test_analysis_*.py files: synthetic incident histories."""

from __future__ import annotations

import datetime
from typing import Any

from bluehelmet.analysis import models as am
from bluehelmet.operations.models import Incident, IncidentCategory

UTC = datetime.UTC
D = datetime.date
END = D(2025, 11, 30)  # the last day of the analysed period in most tests


def make_history(
    mission: Any,
    admin1: str,
    counts: list[int],
    *,
    end: datetime.date = END,
    days: int = 30,
    lat: float = 4.4,
    lon: float = 18.6,
    category: str = "clash-state",
    actor1: str = "Armed group A",
    **fields: Any,
) -> list[Incident]:
    """``counts[i]`` incidents in the i-th period of ``days`` days (oldest first), the last
    period ending on ``end``; spread evenly inside each period, all at one place."""
    cat = IncidentCategory.objects.get(code=category)
    first = datetime.datetime.combine(end, datetime.time(), tzinfo=UTC) + datetime.timedelta(
        days=1 - days * len(counts)
    )
    rows = []
    for i, n in enumerate(counts):
        start = first + datetime.timedelta(days=days * i)
        for k in range(n):
            offset = datetime.timedelta(hours=12 + (24 * days * k) // max(n, 1))
            incident = Incident(
                mission=mission,
                category=cat,
                title=f"{admin1} event {i}-{k}",
                occurred_at=start + offset,
                latitude=lat,
                longitude=lon,
                admin1=admin1,
                actor1=actor1,
                actor2="Civilians",
                killed=1,
                **fields,
            )
            incident.locate()
            rows.append(incident)
    return Incident.objects.bulk_create(rows)


def surge_and_steady(mission: Any, end: datetime.date = END) -> None:
    """'Surgeville' jumps from ~3 a month to 30; 'Steadyton' stays at 8-12 a month."""
    make_history(
        mission, "Surgeville", [3, 2, 4, 3, 3, 2, 4, 3, 3, 2, 3, 4, 30], end=end, lat=5.0, lon=19.0
    )
    make_history(
        mission,
        "Steadyton",
        [10, 8, 12, 9, 11, 10, 8, 12, 10, 9, 11, 10, 11],
        end=end,
        lat=4.0,
        lon=18.0,
    )


def actor(mission: Any, name: str, **fields: Any) -> am.Actor:
    values: dict[str, Any] = {"kind": am.ActorKind.NON_SIGNATORY_GROUP}
    values.update(fields)
    obj = am.Actor(mission=mission, name=name, **values)
    obj.full_clean()
    obj.save()
    return obj


def assessment(mission: Any, author: Any = None, **fields: Any) -> am.ThreatAssessment:
    values: dict[str, Any] = {
        "title": "Surgeville in the dry season",
        "area_kind": am.AreaKind.ADMIN1,
        "area": "Surgeville",
        "period_start": D(2025, 12, 1),
        "period_end": D(2026, 2, 28),
        "threat_level": am.ThreatLevel.HIGH,
        "narrative": "Attacks rise in Surgeville.",
        "worst_case": "The group overruns the town.",
    }
    values.update(fields)
    obj = am.ThreatAssessment(mission=mission, author=author, **values)
    obj.full_clean()
    obj.save()
    return obj
