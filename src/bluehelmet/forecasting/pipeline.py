"""The monthly forecast: fit at an origin month, forecast the next months, and measure the
track record of the same method over the months before (Capstone §7.2: JMAC analysis that
supports the leadership's decisions; §4.2: an honest statement of risk, with its error).

Pure: takes a panel, returns plain data; ``actions.do_run_forecast`` stores it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from bluehelmet.forecasting.backtest import (
    MIN_HISTORY,
    TRAIN_WINDOW,
    BacktestError,
    evaluate,
    training_rows,
)
from bluehelmet.forecasting.model import MODEL_VERSION, Forecaster, ModelParams, one_thread
from bluehelmet.forecasting.panel import Panel, PanelError, month_label

TRACK_MONTHS = 24  # target months of the track record stored with each run
TRACK_REFIT_EVERY = 6
Step = Callable[[int, str], None]  # (percent done, what is being done)


@dataclass
class AreaForecast:
    area: str
    label: str
    latitude: float | None
    longitude: float | None
    horizon: int
    target: int  # month index
    probability: float
    expected_fatalities: float
    low: float
    high: float
    events_last_month: int
    fatalities_last_month: int


@dataclass
class RunResult:
    origin: int
    forecasts: list[AreaForecast]
    track_record: dict[str, Any]
    params: dict[str, Any]
    n_areas: int
    notes: list[str] = field(default_factory=list)
    model_version: str = MODEL_VERSION


def check_origin(panel: Panel, origin: int) -> None:
    if origin - panel.start < MIN_HISTORY:
        raise PanelError(
            f"Too little history: the incidents start in {month_label(panel.start)}; a forecast "
            f"needs {MIN_HISTORY} months before its origin ({month_label(origin)})."
        )
    if origin > panel.end:
        raise PanelError(f"The panel ends in {month_label(panel.end)}, before the origin.")


def area_points(panel: Panel) -> list[tuple[float | None, float | None]]:
    """A point per area for the map: the H3 cell's centre, or the incidents' centroid."""
    if panel.unit.kind == "h3":
        from h3.api import basic_int as h3int

        return [tuple(map(float, h3int.cell_to_latlng(int(a, 16)))) for a in panel.areas]  # type: ignore[misc]
    return [
        (None, None) if np.isnan(lat) else (round(float(lat), 5), round(float(lon), 5))
        for lat, lon in panel.centroids()
    ]


def forecast_ahead(
    panel: Panel,
    origin: int,
    months: int = 3,
    *,
    params: ModelParams | None = None,
    track_months: int = TRACK_MONTHS,
    on_step: Step | None = None,
) -> RunResult:
    """Forecasts for horizons 1..``months`` from ``origin``, and each horizon's track record."""
    check_origin(panel, origin)
    params = params or ModelParams()
    step = on_step or (lambda _pct, _what: None)
    col = panel.column(origin)
    known = panel.until(col)
    points = area_points(known)
    out: list[AreaForecast] = []
    track: dict[str, Any] = {}
    notes: list[str] = []
    for h in range(1, months + 1):
        ahead = f"{h} month{'s' if h != 1 else ''} ahead"
        step(int(100 * (h - 1) / months), f"Fitting the model for {ahead}")
        with one_thread():
            x, fatal, log_fat, feats = training_rows(known, h, TRAIN_WINDOW)
            model = Forecaster(params, intervals=True).fit(x, fatal, log_fat)
            prediction = model.predict(feats.values[:, col])
        notes.extend(model.notes)
        out.extend(_area_forecasts(known, points, prediction, col, h))
        step(int(100 * (h - 0.5) / months), f"Track record for {ahead}")
        track[str(h)] = track_record(known, h, origin, track_months, params)
    step(100, "Done")
    return RunResult(
        origin=origin,
        forecasts=out,
        track_record=track,
        params={**params.as_dict(), "train_window": TRAIN_WINDOW},
        n_areas=known.n_areas,
        notes=sorted(set(notes)),
    )


def _area_forecasts(
    known: Panel, points: list[Any], prediction: Any, col: int, horizon: int
) -> list[AreaForecast]:
    expected = prediction.expected_fatalities
    low, high = np.expm1(prediction.low), np.expm1(prediction.high)
    return [
        AreaForecast(
            area=area,
            label=area,
            latitude=points[i][0],
            longitude=points[i][1],
            horizon=horizon,
            target=known.start + col + horizon,
            probability=round(float(prediction.probability[i]), 4),
            expected_fatalities=round(float(expected[i]), 2),
            low=round(float(low[i]), 2),
            high=round(float(high[i]), 2),
            events_last_month=int(known.events[i, col]),
            fatalities_last_month=int(known.fatalities[i, col]),
        )
        for i, area in enumerate(known.areas)
    ]


def track_record(
    known: Panel, horizon: int, origin: int, months: int, params: ModelParams
) -> dict[str, Any]:
    """The rolling backtest over the ``months`` target months up to the origin (or why not)."""
    start = max(origin - months + 1, known.start + MIN_HISTORY + horizon)
    try:
        evaluation = evaluate(
            known,
            horizon,
            start,
            origin,
            refit_every=TRACK_REFIT_EVERY,
            params=params,
            train_window=TRAIN_WINDOW,
        )
    except BacktestError as exc:
        return {"error": exc.message}
    return {
        **evaluation.as_dict(),
        "start": month_label(start),
        "end": month_label(origin),
        "refit_every": TRACK_REFIT_EVERY,
    }
