"""Counts and fatalities of incidents grouped by period, category, admin area or H3 cell.

The common operating picture (Capstone §7.2) needs the shape of events over time and space
without shipping every point: the database groups, Python only rolls H3 cells up to coarser
resolutions than those stored.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from django.db import connections
from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncMonth, TruncWeek, TruncYear
from django.db.models.lookups import GreaterThan, GreaterThanOrEqual, LessThan, LessThanOrEqual
from django.db.models.sql.where import AND, WhereNode

from bluehelmet.core.validators import DATETIME_MAX, DATETIME_MIN
from bluehelmet.operations.geo import cell_centre, cell_label, parent_cell, stored_resolution_for
from bluehelmet.operations.models import IncidentCategory

DIMENSIONS = ("period", "category", "admin1", "h3")


class NativeOnSQLite:
    """Truncate in SQLite's own date functions (UTC, as incident times are stored).

    Django's ``Trunc*`` on SQLite calls a Python function once per row; over a year of a large
    mission that doubled the time of the weekly counts (docs/benchmarks.md). PostgreSQL keeps
    Django's ``DATE_TRUNC``. The result is the same date-time at 00:00 UTC on both.
    """

    sqlite_modifiers: ClassVar[str] = ""

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        sql, params = compiler.compile(self.lhs)  # type: ignore[attr-defined]
        return f"datetime({sql}, {self.sqlite_modifiers})", params


class WeekStart(NativeOnSQLite, TruncWeek):
    sqlite_modifiers = "'start of day', '-6 days', 'weekday 1'"  # the Monday on or before


class MonthStart(NativeOnSQLite, TruncMonth):
    sqlite_modifiers = "'start of month'"


class YearStart(NativeOnSQLite, TruncYear):
    sqlite_modifiers = "'start of year'"


PERIODS = {"week": WeekStart, "month": MonthStart, "year": YearStart}
# The first day of the period a UTC day falls in (weeks start on Monday, as ``WeekStart``).
PERIOD_OF_DAY: dict[str, Callable[[datetime.date], datetime.date]] = {
    "week": lambda day: day - datetime.timedelta(days=day.weekday()),
    "month": lambda day: day.replace(day=1),
    "year": lambda day: day.replace(month=1, day=1),
}
MEASURES = {
    "count": Count("id"),
    "killed": Sum("killed"),
    "civilians_killed": Sum("civilians_killed"),
}


class AggregateError(ValueError):
    """Bad grouping parameters, reported to the caller as a 400."""


@dataclass(frozen=True)
class Grouping:
    by: tuple[str, ...]
    period: str = "month"
    h3_res: int = 5

    @classmethod
    def parse(cls, by: str | None, period: str | None, h3_res: str | None) -> Grouping:
        dims = tuple(d.strip() for d in (by or "period").split(",") if d.strip())
        unknown = [d for d in dims if d not in DIMENSIONS]
        if not dims or unknown or len(set(dims)) != len(dims):
            raise AggregateError(
                f"by takes one or more of {', '.join(DIMENSIONS)}, comma-separated, each once"
            )
        period = (period or "month").strip()
        if period not in PERIODS:
            raise AggregateError(f"period must be one of {', '.join(PERIODS)}")
        try:
            res = int(h3_res) if h3_res not in (None, "") else 5
            stored_resolution_for(res)
        except ValueError as exc:
            raise AggregateError(
                f"h3_res: {exc}" if "between" in str(exc) else "h3_res is a whole number"
            ) from exc
        return cls(dims, period, res)


def in_calendar(queryset: QuerySet) -> QuerySet:
    """Incidents dated within the platform's range (1900-2100): a value stored before the rule
    (or written around it) is left out of counts by period rather than breaking them."""
    return queryset.filter(occurred_at__gte=DATETIME_MIN, occurred_at__lte=DATETIME_MAX)


def aggregate(queryset: QuerySet, grouping: Grouping) -> list[dict[str, Any]]:
    """One row per group: the group's keys, ``count``, ``killed``, ``civilians_killed``."""
    columns: dict[str, Any] = {}
    by_day = "period" in grouping.by and connections[queryset.db].vendor == "sqlite"
    if by_day:
        # SQLite groups by the stored UTC day in index order, then the days are folded into
        # periods here: it no longer sorts every incident of the window (issue 12).
        # PostgreSQL hashes the groups of DATE_TRUNC itself, faster than returning days
        # (1M incidents: 106 ms against 354 ms at p95 over a year; docs/benchmarks.md).
        queryset = within_days(in_calendar(queryset))
        columns["period"] = "occurred_on"
    elif "period" in grouping.by:
        queryset = in_calendar(queryset)
        columns["period"] = PERIODS[grouping.period]("occurred_at")
    if "category" in grouping.by:
        columns["category"] = "category_id"  # codes looked up after: no join per incident
    if "admin1" in grouping.by:
        columns["admin1"] = "admin1"
    if "h3" in grouping.by:
        stored = stored_resolution_for(grouping.h3_res)
        columns["h3"] = f"h3_r{stored}"
        queryset = queryset.filter(**{f"h3_r{stored}__isnull": False})
    names = list(columns)
    annotations = {n: v for n, v in columns.items() if not isinstance(v, str)}
    fields = [v if isinstance(v, str) else n for n, v in columns.items()]
    rows = queryset.order_by().annotate(**annotations).values(*fields).annotate(**MEASURES)
    result = [_row(r, names, fields) for r in rows]
    if by_day:
        result = _fold_days(result, PERIOD_OF_DAY[grouping.period])
    elif "period" in grouping.by:
        for row in result:
            row["period"] = row["period"].date().isoformat() if row["period"] else None
    if "category" in grouping.by:
        codes = dict(IncidentCategory.objects.values_list("id", "code"))
        for row in result:
            row["category"] = codes.get(row["category"])
    if "h3" in grouping.by:
        result = _roll_up(result, grouping.h3_res)
    # Sorted here rather than by the database: a few thousand groups at most, and SQLite
    # would otherwise sort twice (once to group, once more in the ORDER BY's column order).
    result.sort(key=lambda row: tuple(_sortable(row[name]) for name in names))
    return result


def _sortable(value: Any) -> tuple[bool, Any]:
    return (value is None, value if value is not None else 0)


def _row(raw: dict[str, Any], names: list[str], fields: list[str]) -> dict[str, Any]:
    row = {name: raw[field] for name, field in zip(names, fields, strict=True)}
    row.update({k: raw[k] or 0 for k in MEASURES})
    return row


def within_days(queryset: QuerySet) -> QuerySet:
    """The same incidents, with the UTC days that the queryset's bounds on ``occurred_at``
    imply also required of ``occurred_on``: the bounds that let the database read the day
    index over the window only. Implied, so the result is the same."""
    low, high = _time_bounds(queryset.query.where, queryset.query.base_table)
    if low is not None:
        queryset = queryset.filter(occurred_on__gte=low.astimezone(datetime.UTC).date())
    if high is not None:
        queryset = queryset.filter(occurred_on__lte=high.astimezone(datetime.UTC).date())
    return queryset


Bounds = tuple[datetime.datetime | None, datetime.datetime | None]


def _time_bounds(node: WhereNode, table: str | None) -> Bounds:
    """The narrowest constant bounds on the incidents' own ``occurred_at`` that every row
    meets: conditions joined by AND only (never inside an OR or a NOT)."""
    low: datetime.datetime | None = None
    high: datetime.datetime | None = None
    if node.connector != AND or node.negated:
        return None, None
    for child in node.children:
        rhs: Any = getattr(child, "rhs", None)
        if isinstance(child, WhereNode):
            lo, hi = _time_bounds(child, table)
        elif _on_occurred_at(child, table):
            below = isinstance(child, LessThan | LessThanOrEqual)
            lo, hi = (None, rhs) if below else (rhs, None)
        else:
            continue
        low = lo if low is None or (lo is not None and lo > low) else low
        high = hi if high is None or (hi is not None and hi < high) else high
    return low, high


def _on_occurred_at(lookup: Any, table: str | None) -> bool:
    kinds = GreaterThan | GreaterThanOrEqual | LessThan | LessThanOrEqual
    column = getattr(lookup, "lhs", None)
    return (
        isinstance(lookup, kinds)
        and getattr(getattr(column, "target", None), "attname", None) == "occurred_at"
        and getattr(column, "alias", None) == table
        and isinstance(lookup.rhs, datetime.datetime)
        and lookup.rhs.tzinfo is not None
    )


def _fold_days(
    rows: list[dict[str, Any]], period_of: Callable[[datetime.date], datetime.date]
) -> list[dict[str, Any]]:
    """Rows by day into rows by period (an ISO date, its first day), measures summed."""
    merged: dict[tuple, dict[str, Any]] = {}
    for row in rows:
        day = row["period"]
        row["period"] = period_of(day).isoformat() if day is not None else None
        key = tuple(v for k, v in row.items() if k not in MEASURES)
        target = merged.get(key)
        if target is None:
            merged[key] = row
        else:
            for measure in MEASURES:
                target[measure] += row[measure]
    return list(merged.values())


def _roll_up(rows: list[dict[str, Any]], resolution: int) -> list[dict[str, Any]]:
    """Merge stored cells into their parents at ``resolution``; label cells as H3 strings."""
    merged: dict[tuple, dict[str, Any]] = defaultdict(dict)
    for row in rows:
        cell = parent_cell(row["h3"], resolution)
        key = (*tuple((k, v) for k, v in row.items() if k not in MEASURES and k != "h3"), cell)
        target = merged[key]
        if not target:
            target.update({k: v for k, v in row.items() if k not in MEASURES})
            target.update({"h3": cell, **dict.fromkeys(MEASURES, 0)})
        for measure in MEASURES:
            target[measure] += row[measure]
    result = []
    for target in merged.values():
        lat, lon = cell_centre(target["h3"])
        result.append({**target, "h3": cell_label(target["h3"]), "lat": lat, "lon": lon})
    return result
