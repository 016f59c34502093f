"""Period starts of ``operations.aggregate`` (weeks from Monday, months, years; UTC) are the
same on SQLite, where they are computed by SQLite's date functions, and on PostgreSQL."""

from __future__ import annotations

import datetime
from typing import Any

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


def test_the_stored_day_is_the_utc_day(mission):
    """``occurred_on`` is kept by the database: the UTC day, whatever zone the time came in,
    and it follows a change of the time."""
    category = IncidentCategory.objects.first()
    east = datetime.timezone(datetime.timedelta(hours=3))
    incident = Incident.objects.create(
        mission=mission,
        title="late report",
        category=category,
        occurred_at=datetime.datetime(2024, 5, 1, 1, 30, tzinfo=east),  # 30 April, 22:30 UTC
    )
    assert Incident.objects.get(pk=incident.pk).occurred_on == datetime.date(2024, 4, 30)
    Incident.objects.filter(pk=incident.pk).update(
        occurred_at=datetime.datetime(2024, 5, 2, 0, 0, tzinfo=UTC)
    )
    assert Incident.objects.get(pk=incident.pk).occurred_on == datetime.date(2024, 5, 2)


@pytest.mark.parametrize(
    ("since", "until"),
    [
        (datetime.datetime(2024, 4, 28, 23, 0, tzinfo=UTC), None),  # within a day
        (None, datetime.datetime(2024, 4, 29, 0, 0, tzinfo=UTC)),  # up to an instant
        (
            datetime.datetime(2024, 2, 29, 13, 0, tzinfo=UTC),
            datetime.datetime(2024, 12, 31, 18, 0, tzinfo=UTC),
        ),
    ],
)
def test_counts_by_period_keep_an_exact_time_window(mission, since, until):
    """The day bounds ``aggregate`` adds are implied by the window: incidents earlier the
    same day as ``since`` or later the same day as ``until`` stay out, as before (issue 12)."""
    category = IncidentCategory.objects.first()
    for n, moment in enumerate(MOMENTS):
        Incident.objects.create(
            mission=mission, title=f"event {n}", category=category, occurred_at=moment
        )
    found = Incident.objects.all()
    if since:
        found = found.filter(occurred_at__gte=since)
    if until:
        found = found.filter(occurred_at__lt=until)
    inside = [m for m in MOMENTS if (not since or m >= since) and (not until or m < until)]
    rows = aggregate(found, Grouping(("period", "category"), period="week"))
    counts: dict[str, int] = {}
    for moment in inside:
        counts[expected(moment, "week")] = counts.get(expected(moment, "week"), 0) + 1
    assert {r["period"]: r["count"] for r in rows} == counts


def test_day_bounds_come_only_from_conditions_every_incident_meets(mission):
    """A bound inside an OR, or negated, says nothing about every row: no day bound from it."""
    from django.db.models import Q

    from bluehelmet.operations.aggregate import within_days

    def where(queryset: Any) -> str:
        return str(within_days(queryset).query).split(" WHERE ", 1)[1]

    day = datetime.datetime(2024, 4, 29, tzinfo=UTC)
    either = Incident.objects.filter(Q(occurred_at__gte=day) | Q(killed__gt=0))
    assert "occurred_on" not in where(either)
    negated = Incident.objects.exclude(occurred_at__gte=day)
    assert "occurred_on" not in where(negated)
    both = Incident.objects.filter(occurred_at__gte=day, occurred_at__lt=day.replace(day=30))
    clause = where(both)
    assert "occurred_on" in clause and "2024-04-29" in clause and "2024-04-30" in clause


def test_weekly_counts_read_the_day_index_in_order_on_sqlite(mission):
    """On SQLite the counts by week read ``incident_mission_day_cover`` with no sort of the
    window's incidents (no temporary B-tree for the GROUP BY; docs/benchmarks.md)."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the plan is SQLite's")
    since = datetime.datetime(2024, 1, 1, tzinfo=UTC)
    found = Incident.objects.filter(
        mission=mission, occurred_at__gte=since, occurred_at__lt=since.replace(year=2025)
    )
    captured: list[tuple[str, Any]] = []

    def record(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        captured.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        aggregate(found, Grouping(("period", "category", "admin1"), period="week"))
    sql, params = next((s, p) for s, p in captured if "GROUP BY" in s)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " | ".join(row[-1] for row in cursor.fetchall())
    assert "incident_mission_day_cover" in plan and "TEMP B-TREE" not in plan, plan
