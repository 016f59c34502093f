"""Helpers for the forecasting tests: incidents in bulk, the demo's generated incidents for
one mission (without building the whole demo), and stored runs."""

from __future__ import annotations

import datetime
import random
from typing import Any

from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.forecasting.models import Forecast, ForecastRun, RunStatus
from bluehelmet.operations.models import Incident, IncidentCategory

UTC = datetime.UTC


def add_incidents(mission: Mission, rows: list[tuple[Any, ...]]) -> int:
    """(date, admin1, killed, lat, lon[, actor1]) rows as incidents of ``mission``."""
    category = IncidentCategory.objects.get(code="clash-non-state")
    incidents = []
    for day, admin1, killed, lat, lon, *actor in rows:
        incident = Incident(
            mission=mission,
            title=f"Clash in {admin1}",
            category=category,
            occurred_at=datetime.datetime.combine(day, datetime.time(12), tzinfo=UTC),
            latitude=lat,
            longitude=lon,
            admin1=admin1,
            killed=killed,
            actor1=actor[0] if actor else "Armed group",
            actor2="Civilians",
        )
        incident.locate()
        incidents.append(incident)
    Incident.objects.bulk_create(incidents, batch_size=1000)
    return len(incidents)


def monthly_history(mission: Mission, months: int = 36, start=datetime.date(2020, 1, 1)) -> int:
    """Three areas over ``months`` months: one violent, one sometimes, one rarely."""
    rng = random.Random(7)
    rows = []
    for m in range(months):
        day = datetime.date(
            start.year + (start.month - 1 + m) // 12, (start.month - 1 + m) % 12 + 1, 10
        )
        for admin1, lat, lon, rate in (
            ("Kivu Nord", 4.5, 21.0, 0.7),
            ("Lac Vert", 5.5, 22.0, 0.3),
            ("Plateaux", 6.5, 19.0, 0.1),
        ):
            if rng.random() < rate:
                rows.append((day, admin1, rng.choice([0, 1, 3, 8]), lat, lon))
    return add_incidents(mission, rows)


def demo_incidents(mission: Mission) -> int:
    """The demo scenario's generated MINUSBEL incidents (2023-04 to 2026-10), written to
    ``mission``: the generator is pure Python, so no other demo record is needed."""
    from bluehelmet.demo.events import Generator, Places
    from bluehelmet.demo.scenario import SEED
    from bluehelmet.demo.world import build_world

    world = build_world(SEED)
    rng = random.Random(f"{SEED}/MINUSBEL/incidents")
    drafts = [d for d in Generator(rng, Places(world, rng)).run() if d.duplicate_of is None]
    categories = {c.code: c for c in IncidentCategory.objects.all()}
    incidents = []
    for d in drafts:
        lon, lat = d.spot.point or (None, None)
        incident = Incident(
            mission=mission,
            title=d.title or d.category,
            category=categories[d.category],
            occurred_at=d.occurred_at,
            latitude=lat,
            longitude=lon,
            location_precision=d.spot.precision,
            admin1=d.spot.region,
            actor1=d.actor1.name,
            actor2=d.actor2.name,
            verification_status=d.verification,
            **d.counts,
        )
        incident.locate()
        incidents.append(incident)
    Incident.objects.bulk_create(incidents, batch_size=2000)
    return len(incidents)


def stored_run(
    mission: Mission,
    *,
    unit: str = "admin1",
    origin: datetime.date = datetime.date(2022, 12, 1),
    areas: tuple[tuple[str, float], ...] = (("Kivu Nord", 0.8), ("Lac Vert", 0.2)),
    sensitivity: int = Sensitivity.CONFIDENTIAL,
) -> ForecastRun:
    """A finished run with one forecast per area, one month ahead (no fitting)."""
    run = ForecastRun.objects.create(
        mission=mission,
        sensitivity=sensitivity,
        unit=unit,
        origin_month=origin,
        horizon_max=1,
        status=RunStatus.DONE,
        n_areas=len(areas),
        track_record={
            "1": {
                "model": {"brier": 0.1, "average_precision": 0.6, "mse_log": 0.9},
                "persistence": {"brier": 0.2, "average_precision": 0.4, "mse_log": 1.3},
                "climatology": {"brier": 0.15, "average_precision": 0.35, "mse_log": 1.2},
                "n_cells": len(areas),
                "n_months": 24,
                "start": "2021-01",
                "end": "2022-12",
            }
        },
    )
    target = datetime.date(origin.year + origin.month // 12, origin.month % 12 + 1, 1)
    for i, (area, p) in enumerate(areas):
        Forecast.objects.create(
            mission=mission,
            sensitivity=sensitivity,
            run=run,
            area_code=area,
            area_label=area,
            latitude=4.0 + i,
            longitude=20.0 + i,
            target_month=target,
            horizon=1,
            probability=p,
            expected_fatalities=3.0 * p,
            fatalities_low=0,
            fatalities_high=10 * p,
        )
    return run
