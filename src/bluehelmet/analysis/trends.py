"""Trends by category, category group or actor, and each actor's activity curve (§7.2, §3.1).

Counts per week or month come from the database (``operations.aggregate`` for categories, a
join on the ``IncidentActor`` links for actors); every period of the range is present, with
zeros where nothing happened, so series line up for charts and CSV.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext as _

from bluehelmet.analysis.models import Actor
from bluehelmet.analysis.params import ParamError, Window, midnight
from bluehelmet.operations.aggregate import PERIODS, Grouping, aggregate
from bluehelmet.operations.models import CategoryGroup, Incident, IncidentCategory

BY = ("category", "group", "actor")
DEFAULT_MONTHS = 24


def parse_trend_params(by: str | None, period: str | None) -> tuple[str, str]:
    errors = {}
    by = (by or "category").strip()
    period = (period or "month").strip()
    if by not in BY:
        errors["by"] = _("Group by one of: %(v)s.") % {"v": ", ".join(BY)}
    if period not in ("week", "month"):
        errors["period"] = _("The period is week or month.")
    if errors:
        raise ParamError(errors)
    return by, period


def period_starts(period: str, window: Window) -> list[datetime.date]:
    """Every week (Monday) or month start that overlaps the window, oldest first."""
    first = window.since.date()
    last = window.last_day
    if period == "week":
        day = first - datetime.timedelta(days=first.weekday())
        step = datetime.timedelta(days=7)
        out = []
        while day <= last:
            out.append(day)
            day += step
        return out
    out, day = [], first.replace(day=1)
    while day <= last:
        out.append(day)
        day = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return out


@dataclass
class TrendSeries:
    key: str
    label: str
    counts: list[int]
    killed: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "total": self.total,
            "killed_total": sum(self.killed),
            "counts": self.counts,
            "killed": self.killed,
        }


def _series(
    rows: Iterable[dict[str, Any]], starts: list[datetime.date], labels: dict[str, str]
) -> list[TrendSeries]:
    index = {d.isoformat(): i for i, d in enumerate(starts)}
    by_key: dict[str, TrendSeries] = {}
    for row in rows:
        i = index.get(row["period"])
        if i is None:
            continue
        key = str(row["key"])
        series = by_key.get(key)
        if series is None:
            series = by_key[key] = TrendSeries(
                key, labels.get(key, key), [0] * len(starts), [0] * len(starts)
            )
        series.counts[i] += row["count"]
        series.killed[i] += row["killed"] or 0
    return sorted(by_key.values(), key=lambda s: (-s.total, s.label))


def _in_window(incidents: QuerySet[Incident], window: Window, starts: list[datetime.date]) -> Any:
    # Whole weeks and months: the first period may start before ``since``.
    return incidents.filter(occurred_at__gte=midnight(starts[0]), occurred_at__lt=window.until)


def category_trends(
    incidents: QuerySet[Incident], window: Window, period: str, by: str = "category"
) -> dict[str, Any]:
    starts = period_starts(period, window)
    rows = aggregate(
        _in_window(incidents, window, starts), Grouping(("period", "category"), period)
    )
    if by == "group":
        groups = dict(IncidentCategory.objects.values_list("code", "group"))
        rows = [{**r, "key": groups.get(r["category"], "other")} for r in rows]
        labels = {str(k): str(v) for k, v in CategoryGroup.choices}
    else:
        rows = [{**r, "key": r["category"]} for r in rows]
        labels = dict(IncidentCategory.objects.values_list("code", "name"))
    return _result(by, period, window, starts, _series(rows, starts, labels))


def actor_trends(
    incidents: QuerySet[Incident], actors: QuerySet[Actor], window: Window, period: str
) -> dict[str, Any]:
    """Incidents and fatalities per actor and period (an incident counts once per actor)."""
    starts = period_starts(period, window)
    labels = {str(a.pk): a.label for a in actors}
    rows = (
        _in_window(incidents, window, starts)
        .filter(actor_links__actor__in=list(labels))
        .order_by()
        .annotate(start=PERIODS[period]("occurred_at"))
        .values("start", "actor_links__actor")
        .annotate(count=Count("id"), killed=Sum("killed"))
    )
    flat = [
        {
            "period": r["start"].date().isoformat(),
            "key": r["actor_links__actor"],
            "count": r["count"],
            "killed": r["killed"],
        }
        for r in rows
    ]
    return _result("actor", period, window, starts, _series(flat, starts, labels))


def actor_activity(
    incidents: QuerySet[Incident], actor: Actor, window: Window, period: str
) -> dict[str, Any]:
    """One actor's curve: incidents and fatalities per period, and as which side it appears."""
    starts = period_starts(period, window)
    rows = (
        _in_window(incidents, window, starts)
        .filter(actor_links__actor=actor)
        .order_by()
        .annotate(start=PERIODS[period]("occurred_at"))
        .values("start", "actor_links__side")
        .annotate(count=Count("id"), killed=Sum("killed"))
    )
    side_names = {1: "first_side", 2: "second_side", 3: "both_sides"}
    flat = [
        {
            "period": r["start"].date().isoformat(),
            "key": side_names[r["actor_links__side"]],
            "count": r["count"],
            "killed": r["killed"],
        }
        for r in rows
    ]
    labels = {
        "first_side": _("As first side (actor 1)"),
        "second_side": _("As second side (actor 2)"),
        "both_sides": _("On both sides"),
    }
    sides = _series(flat, starts, labels)
    total = TrendSeries("all", _("All incidents"), [0] * len(starts), [0] * len(starts))
    for s in sides:
        total.counts = [a + b for a, b in zip(total.counts, s.counts, strict=True)]
        total.killed = [a + b for a, b in zip(total.killed, s.killed, strict=True)]
    result = _result("side", period, window, starts, [total, *sides])
    result["actor"] = {"id": actor.pk, "name": actor.name, "label": actor.label}
    return result


def _result(
    by: str, period: str, window: Window, starts: list[datetime.date], series: list[TrendSeries]
) -> dict[str, Any]:
    return {
        "by": by,
        "period": period,
        "since": window.since.date().isoformat(),
        "until": window.last_day.isoformat(),
        "periods": [d.isoformat() for d in starts],
        "series": [s.as_dict() for s in series],
    }


def trend_rows(data: dict[str, Any]) -> list[list[Any]]:
    """Long format for CSV: period, key, label, incidents, killed."""
    rows: list[list[Any]] = []
    for s in data["series"]:
        for start, n, k in zip(data["periods"], s["counts"], s["killed"], strict=True):
            rows.append([start, s["key"], s["label"], n, k])
    return rows


__all__ = [
    "BY",
    "DEFAULT_MONTHS",
    "actor_activity",
    "actor_trends",
    "category_trends",
    "parse_trend_params",
    "period_starts",
    "trend_rows",
]
