"""Period starts of ``operations.aggregate`` (weeks from Monday, months, years; UTC) are the
same on SQLite, where they are computed by SQLite's date functions, and on PostgreSQL."""

from __future__ import annotations

import datetime

import pytest

from bluehelmet.operations.aggregate import Grouping, aggregate
from bluehelmet.operations.models import Incident, IncidentCategory

UTC = datetime.UTC
MOMENTS = [
    datetime.datetime(2024, 4, 28, 23, 59, 59, 999999, tzinfo=UTC),  # a Sunday, last instant
    datetime.datetime(2024, 4, 29, 0, 0, tzinfo=UTC),  # a Monday, first instant
    datetime.datetime(2024, 2, 29, 12, 30, tzinfo=UTC),  # leap day
    datetime.datetime(2024, 12, 31, 18, 0, tzinfo=UTC),  # week of 2024-12-30, year 2024
    datetime.datetime(2025, 1, 1, 6, 0, tzinfo=UTC),  # same week, next year
]


def expected(moment: datetime.datetime, period: str) -> str:
    day = moment.date()
    if period == "week":
        day -= datetime.timedelta(days=day.weekday())
    elif period == "month":
        day = day.replace(day=1)
    else:
        day = day.replace(month=1, day=1)
    return day.isoformat()


@pytest.mark.parametrize("period", ["week", "month", "year"])
def test_period_starts(mission, period):
    category = IncidentCategory.objects.first()
    for n, moment in enumerate(MOMENTS):
        Incident.objects.create(
            mission=mission, title=f"event {n}", category=category, occurred_at=moment
        )
    rows = aggregate(Incident.objects.all(), Grouping(("period",), period=period))
    counts: dict[str, int] = {}
    for moment in MOMENTS:
        key = expected(moment, period)
        counts[key] = counts.get(key, 0) + 1
    assert {r["period"]: r["count"] for r in rows} == counts
