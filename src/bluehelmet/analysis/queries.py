"""What the API and the pages both ask for: a mission's hotspots, trends and actor activity,
from the incidents the user may see, with the same parameters and the same defaults."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet

from bluehelmet.analysis import hotspots, trends
from bluehelmet.analysis.models import Actor
from bluehelmet.analysis.params import (
    ParamError,
    Unit,
    Window,
    counted_incidents,
    data_end,
    parse_categories,
    parse_window,
)
from bluehelmet.core.models import Mission
from bluehelmet.operations.models import Incident

DEFAULT_HOTSPOT_DAYS = 30
DEFAULT_TREND_DAYS = 730


def mission_incidents(user: Any, mission: Mission) -> QuerySet[Incident]:
    return counted_incidents(Incident.objects.restrict(user).filter(mission=mission))


def _filtered(user: Any, mission: Mission, params: Mapping[str, str]) -> QuerySet[Incident]:
    incidents = mission_incidents(user, mission)
    categories = parse_categories(params)
    return incidents.filter(category_id__in=categories) if categories else incidents


def hotspot_report(
    user: Any, mission: Mission, params: Mapping[str, str]
) -> hotspots.HotspotReport:
    """``?unit=admin1|h3:<res>``, ``?period=30d`` or ``?since``/``?until``, ``?category=``,
    ``?group=``, ``?baseline=<periods>`` (2-36, default 12). Raises ``ParamError``."""
    errors: dict[str, str] = {}
    unit = window = periods = incidents = None
    try:
        unit = Unit.parse(params.get("unit"))
    except ParamError as exc:
        errors.update(exc.errors)
    try:
        periods = _baseline(params.get("baseline"))
    except ParamError as exc:
        errors.update(exc.errors)
    try:
        incidents = _filtered(user, mission, params)
        window = parse_window(params, data_end(incidents), DEFAULT_HOTSPOT_DAYS)
    except ParamError as exc:
        errors.update(exc.errors)
    if errors:
        raise ParamError(errors)
    assert unit is not None and window is not None and periods is not None
    assert incidents is not None
    return hotspots.find_hotspots(incidents, unit, window, periods)


def _baseline(raw: str | None) -> int:
    if raw is None or not raw.strip():
        return hotspots.BASELINE_PERIODS
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if not 2 <= value <= 36:
        raise ParamError({"baseline": "The baseline is 2 to 36 periods."})
    return value


MAX_TREND_DAYS = 3660  # ten years of weeks or months


def trend_window(incidents: QuerySet[Incident], params: Mapping[str, str]) -> Window:
    return parse_window(params, data_end(incidents), DEFAULT_TREND_DAYS, MAX_TREND_DAYS)


def mission_trends(user: Any, mission: Mission, params: Mapping[str, str]) -> dict[str, Any]:
    """``?by=category|group|actor``, ``?period=month|week`` (the grouping), ``?since``,
    ``?until``, ``?days=`` (the range when ``since`` is not given), ``?category=``."""
    errors: dict[str, str] = {}
    by = period = None
    try:
        by, period = trends.parse_trend_params(params.get("by"), params.get("period"))
    except ParamError as exc:
        errors.update(exc.errors)
    window = incidents = None
    try:
        incidents = _filtered(user, mission, params)
        range_params = {k: v for k, v in params.items() if k in ("since", "until")}
        if params.get("days"):
            range_params["period"] = f"{params['days']}d"
        window = trend_window(incidents, range_params)
    except ParamError as exc:
        errors.update({("days" if k == "period" else k): v for k, v in exc.errors.items()})
    if errors:
        raise ParamError(errors)
    assert by and period and window is not None and incidents is not None
    if by == "actor":
        actors = Actor.objects.restrict(user).filter(mission=mission)
        data = trends.actor_trends(incidents, actors, window, period)
    else:
        data = trends.category_trends(incidents, window, period, by)
    data["mission"] = mission.code
    return data


def activity(user: Any, actor: Actor, params: Mapping[str, str]) -> dict[str, Any]:
    """One actor's activity curve (``?period=month|week``, ``?since``, ``?until``, ``?days``)."""
    period = (params.get("period") or "month").strip()
    if period not in ("week", "month"):
        raise ParamError({"period": "The period is week or month."})
    incidents = mission_incidents(user, actor.mission)
    range_params = {k: v for k, v in params.items() if k in ("since", "until")}
    if params.get("days"):
        range_params["period"] = f"{params['days']}d"
    try:
        window = trend_window(incidents, range_params)
    except ParamError as exc:
        raise ParamError(
            {("days" if k == "period" else k): v for k, v in exc.errors.items()}
        ) from None
    return trends.actor_activity(incidents, actor, window, period)


def recent_incidents(user: Any, actor: Actor, limit: int = 20) -> list[Incident]:
    return list(
        mission_incidents(user, actor.mission)
        .filter(actor_links__actor=actor)
        .select_related("category")
        .order_by("-occurred_at", "-id")[:limit]
    )
