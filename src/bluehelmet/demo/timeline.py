"""Move the demo's story to the day it is built (issue 13, "the JOC officer's day one").

The story is authored on a fixed calendar that ends on ``STORY_END`` (31 October 2026), so two
builds give the same records and the demo tests can name dates. A JOC officer opening the demo
later would find an empty "last 24 hours" and a stale consent table, so after the build
``move_story`` shifts every date and time the build wrote, in one pass over the models:

- times (``DateTimeField``) by the exact offset from the end of the authored last day to the
  build moment, so that day's incidents fall in the 24 hours before it and an alert's waiting
  hours stay what the story says;
- dates (``DateField``) by whole days, so consultations stay overdue and consent events as
  recent as authored;
- monthly periods (``MONTHLY``) by whole months: they must start on the first of a month
  (deployed strength, threat assessment quarters).

Clock times (``auto_now`` fields, the audit log) already say when the build ran and are left
alone: the audit log is never rewritten. Reports that in the story arrive after its last day
(late reports, the next morning's SITREP publication) would lie in the future after the move;
they are brought back to the build moment (Capstone §7.2: the JOC's picture is of what has
been reported so far).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import F, Max

from bluehelmet.demo.events import END

UTC = datetime.UTC
STORY_END = END
STORY_NOW = datetime.datetime.combine(END, datetime.time(23, 59, 59), tzinfo=UTC)
STORY_APPS = {
    "core",
    "lifecycle",
    "mandates",
    "operations",
    "principles",
    "analysis",
    "deployment",
    "planning",
    "benchmarks",
    "support",
    "programmes",
    "conduct",
    "outreach",
    "reports",
}
# The audit log and API tokens keep the real clock (and the log is never rewritten).
KEEP_MODELS = {"core.AuditEntry", "core.ApiToken"}
MONTHLY: dict[str, dict[str, str]] = {
    "mandates.DeployedStrength": {"month": "start"},
    "analysis.ThreatAssessment": {"period_start": "start", "period_end": "end"},
}
# Times that may lie after the build moment: the end of a period, a deadline.
AHEAD = {"period_end", "due_at", "occurred_until"}


@dataclass(frozen=True)
class Shift:
    """How far the story moves: dates by ``days``, times by ``delta``, months by ``months``;
    ``moment`` is the build moment the end of the authored last day moves to."""

    days: int
    months: int
    delta: datetime.timedelta
    moment: datetime.datetime

    @property
    def is_zero(self) -> bool:
        return not (self.days or self.months or self.delta)


def shift_to(as_of: datetime.date, now: datetime.datetime) -> Shift:
    """The story ends at ``now`` when ``as_of`` is today (UTC), else at the end of ``as_of``
    (so a given date always gives the same demo)."""
    if as_of == now.astimezone(UTC).date():
        moment = now.astimezone(UTC)
    else:
        moment = datetime.datetime.combine(as_of, STORY_NOW.timetz())
    months = (as_of.year - END.year) * 12 + as_of.month - END.month
    return Shift((as_of - END).days, months, moment - STORY_NOW, moment)


def _is_clock(field: models.Field[Any, Any]) -> bool:
    return bool(getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))


def moved_fields(model: type[models.Model]) -> list[models.DateField]:
    """The model's story dates and times (``DateTimeField`` is a ``DateField``)."""
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.DateField) and not _is_clock(f)
    ]


def story_models() -> list[type[models.Model]]:
    return [
        m
        for m in apps.get_models()
        if m._meta.app_label in STORY_APPS
        and m._meta.label not in KEEP_MODELS
        and isinstance(m._meta.pk, models.AutoField | models.BigAutoField)
        and moved_fields(m)
    ]


def watermarks() -> dict[type[models.Model], int]:
    """The highest key of each story model before the build: the build's rows are above it
    (this keeps records that were there before the demo, e.g. other missions, as they are)."""
    return {m: m._base_manager.aggregate(top=Max("pk"))["top"] or 0 for m in story_models()}


def move_story(marks: dict[type[models.Model], int], shift: Shift) -> int:
    """Shift the records created since ``marks``; returns how many rows were moved."""
    if shift.is_zero:
        return 0
    moved = 0
    for model, mark in marks.items():
        rows = model._base_manager.filter(pk__gt=mark)
        fields = moved_fields(model)
        times = [f.name for f in fields if isinstance(f, models.DateTimeField)]
        dates = [f.name for f in fields if not isinstance(f, models.DateTimeField)]
        count = 0
        if times:
            count = rows.update(**{name: F(name) + shift.delta for name in times})
            for name in times:
                if name not in AHEAD:  # late arrivals come back to the build moment
                    rows.filter(**{f"{name}__gt": shift.moment}).update(**{name: shift.moment})
        if dates:
            count = max(count, _move_dates(model, rows, dates, shift))
        moved += count
    return moved


def _move_dates(
    model: type[models.Model], rows: models.QuerySet[Any], names: list[str], shift: Shift
) -> int:
    """Row by row (date arithmetic in SQL differs between SQLite and PostgreSQL; these tables
    are small), latest first when moving forward so a unique date never meets its neighbour's
    old value (SITREP days, strength months)."""
    monthly = MONTHLY.get(model._meta.label, {})
    order = [f"-{n}" if shift.days >= 0 else n for n in names]
    count = 0
    for row in rows.order_by(*order, "-pk").values("pk", *names):
        values = {
            name: _move_date(row[name], shift, monthly.get(name))
            for name in names
            if row[name] is not None
        }
        if values:
            model._base_manager.filter(pk=row["pk"]).update(**values)
            count += 1
    return count


def _move_date(day: datetime.date, shift: Shift, monthly: str | None) -> datetime.date:
    if monthly is None:
        return day + datetime.timedelta(days=shift.days)
    index = day.year * 12 + day.month - 1 + shift.months
    first = datetime.date(index // 12, index % 12 + 1, 1)
    if monthly == "start":
        return first
    following = datetime.date((index + 1) // 12, (index + 1) % 12 + 1, 1)
    return following - datetime.timedelta(days=1)  # "end": the last day of the month
