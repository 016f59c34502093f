"""What the JMAC's early warning adds to the headquarters overview (Capstone §7.1-7.2): the
highest-risk areas of each mission's latest forecast, and the forecasts' skill compared across
missions (the Brier skill score against each area's long-run average, first horizon: above 0 the
forecast beats that baseline). Read through ``restrict(user)``: forecasts are confidential."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy

from bluehelmet.core.models import Mission
from bluehelmet.core.registry import HqCell, HqChart, HqColumn, HqSeries, registry
from bluehelmet.forecasting.models import Forecast, ForecastRun, RunStatus

TOP_AREAS = 3


def latest_run(user: Any, mission: Mission) -> ForecastRun | None:
    return (
        ForecastRun.objects.restrict(user)
        .filter(mission=mission, status=RunStatus.DONE)
        .order_by("-origin_month", "-created_at", "-id")
        .first()
    )


def risk_cell(user: Any, mission: Mission) -> HqCell | None:
    run = latest_run(user, mission)
    if run is None:
        return None
    top = list(
        Forecast.objects.restrict(user)
        .filter(run=run, horizon=run.horizon_min)
        .order_by("-probability", "area_code")[:TOP_AREAS]
    )
    if not top:
        return None
    text = ", ".join(f"{f.area_label or f.area_code} {round(100 * f.probability)} %" for f in top)
    value = [
        {"area": f.area_label or f.area_code, "probability": round(f.probability, 3)} for f in top
    ]
    url = reverse("mission-forecasts", kwargs={"code": mission.code})
    return HqCell(text, value, top[0].probability, url, "warn" if top[0].probability >= 0.5 else "")


def skill(run: ForecastRun) -> float | None:
    record = (run.track_record or {}).get(str(run.horizon_min)) or {}
    model = (record.get("model") or {}).get("brier")
    baseline = (record.get("climatology") or {}).get("brier")
    if model is None or not baseline:
        return None
    return round(1 - model / baseline, 3)


def skill_series(user: Any, missions: list[Mission]) -> list[HqSeries]:
    out = []
    for mission in missions:
        run = latest_run(user, mission)
        score = skill(run) if run else None
        if score is not None:
            out.append(HqSeries(mission.code, [("skill", score)]))
    return out


def register() -> None:
    registry.add_hq_column(
        HqColumn(
            "highest-risk",
            gettext_lazy("Highest-risk areas (latest forecast)"),
            risk_cell,
            weight=70,
            help=gettext_lazy("Chance of at least one fatal incident, first month forecast."),
        ),
    )
    registry.add_hq_chart(
        HqChart(
            "forecast-skill",
            gettext_lazy("Forecast skill"),
            skill_series,
            unit=gettext_lazy("Brier skill score against climatology"),
            note=gettext_lazy(
                "Above 0 the latest forecast beat each area's long-run average in its backtest; "
                "at or below 0 it did not."
            ),
            weight=40,
        ),
    )
