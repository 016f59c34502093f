"""Query parameters shared by the JMAC API and pages: periods, dates, units, categories.

Every parser raises ``ParamError`` with a message per parameter, which the API turns into a 400
and the pages show above the form; nothing is guessed from a malformed value.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from bluehelmet.core.validators import parse_day
from bluehelmet.operations.geo import H3_MAX_RESOLUTION
from bluehelmet.operations.models import (
    CategoryGroup,
    Incident,
    IncidentCategory,
    VerificationStatus,
)

DAY = datetime.timedelta(days=1)
MAX_PERIOD_DAYS = 366
_PERIOD = re.compile(r"^\s*(\d{1,4})\s*([dw])\s*$", re.IGNORECASE)


class ParamError(ValueError):
    """Bad query parameters: ``errors`` maps each parameter to what is wrong with it."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def counted_incidents(queryset: QuerySet[Incident]) -> QuerySet[Incident]:
    """What the analysis counts: first reports only (duplicates are one event told twice) and
    nothing the JOC found untrue."""
    return queryset.filter(duplicate_of__isnull=True).exclude(
        verification_status=VerificationStatus.REFUTED
    )


@dataclass(frozen=True)
class Unit:
    """The spatial unit: admin-1 areas, or H3 cells of one resolution."""

    kind: str  # "admin1" or "h3"
    res: int | None = None

    @property
    def code(self) -> str:
        return "admin1" if self.kind == "admin1" else f"h3:{self.res}"

    @classmethod
    def parse(cls, text: str | None) -> Unit:
        raw = (text or "admin1").strip().lower()
        if raw == "admin1":
            return cls("admin1")
        match = re.fullmatch(r"h3(?::(\d{1,2}))?", raw)
        if match is None:
            raise ParamError({"unit": _("Use admin1 or h3:<resolution>, e.g. h3:5.")})
        res = int(match.group(1) or 5)
        if not 0 <= res <= H3_MAX_RESOLUTION:
            raise ParamError(
                {
                    "unit": _("The H3 resolution is between 0 and %(max)d.")
                    % {"max": H3_MAX_RESOLUTION}
                }
            )
        return cls("h3", res)


def parse_days(
    text: str | None, name: str = "period", max_days: int = MAX_PERIOD_DAYS
) -> int | None:
    """'30d' or '4w' -> days (1 to ``max_days``); None when not given."""
    if text is None or not text.strip():
        return None
    match = _PERIOD.match(text)
    if match is None:
        raise ParamError({name: _("Give the length as days or weeks, e.g. 30d or 4w.")})
    days = int(match.group(1)) * (7 if match.group(2).lower() == "w" else 1)
    if not 1 <= days <= max_days:
        raise ParamError({name: _("The period is 1 to %(max)d days.") % {"max": max_days}})
    return days


def parse_date(text: str | None, name: str) -> datetime.date | None:
    """YYYY-MM-DD within the platform's one date range (1900-2100), else ``ParamError``."""
    try:
        return parse_day(text)
    except ValueError as exc:
        raise ParamError({name: str(exc)}) from None


def midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)


def data_end(queryset: QuerySet[Incident]) -> datetime.date:
    """The default last day: the day of the latest incident logged, never after today.

    An analysis of a log whose newest entries are days old should end with them, not report
    the days no one has logged yet as a fall in violence."""
    today = timezone.now().date()
    latest = queryset.order_by().aggregate(last=Max("occurred_at"))["last"]
    return min(latest.date(), today) if latest else today


@dataclass(frozen=True)
class Window:
    """[since, until) in UTC, whole days."""

    since: datetime.datetime
    until: datetime.datetime

    @property
    def days(self) -> int:
        return (self.until - self.since).days

    @property
    def last_day(self) -> datetime.date:
        return (self.until - DAY).date()


def parse_window(
    params: Mapping[str, str],
    default_end: datetime.date,
    default_days: int,
    max_days: int = MAX_PERIOD_DAYS,
) -> Window:
    """``?period=30d`` (ending on ``?until`` or the default end), or ``?since``/``?until``."""
    errors: dict[str, str] = {}
    days: int | None = None
    since = until = None
    try:
        days = parse_days(params.get("period"), "period", max_days)
    except ParamError as exc:
        errors.update(exc.errors)
    for name in ("since", "until"):
        try:
            value = parse_date(params.get(name), name)
        except ParamError as exc:
            errors.update(exc.errors)
            continue
        since, until = (value, until) if name == "since" else (since, value)
    if errors:
        raise ParamError(errors)
    if days is not None and since is not None:
        raise ParamError({"period": _("Give either a period or a start date (since), not both.")})
    last = until or default_end
    if since is not None:
        if since > last:
            raise ParamError({"since": _("The start date is after the end date.")})
        days = (last - since).days + 1
        if days > max_days:
            raise ParamError(
                {"since": _("The period is at most %(max)d days.") % {"max": max_days}}
            )
    end = midnight(last) + DAY
    return Window(end - (days or default_days) * DAY, end)


def parse_categories(params: Mapping[str, str]) -> list[int]:
    """``?category=code,code`` and ``?group=<group>`` -> category ids ([] means all)."""
    codes = [c.strip() for c in (params.get("category") or "").split(",") if c.strip()]
    group = (params.get("group") or "").strip()
    if group and group not in CategoryGroup.values:
        raise ParamError(
            {
                "group": _("Unknown category group; one of %(g)s.")
                % {"g": ", ".join(CategoryGroup.values)}
            }
        )
    if not codes and not group:
        return []
    qs = IncidentCategory.objects.all()
    if codes:
        known = dict(qs.filter(code__in=codes).values_list("code", "id"))
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise ParamError(
                {"category": _("Unknown incident category: %(c)s.") % {"c": ", ".join(unknown)}}
            )
        qs = qs.filter(code__in=codes)
    if group:
        qs = qs.filter(group=group)
    ids = sorted(qs.values_list("id", flat=True))
    return ids or [-1]  # a group and codes with nothing in common select nothing
