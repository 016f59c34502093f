"""Rolling-origin backtest against the baselines that are hard to beat (Capstone §7.2: the
JMAC's assessments are only as useful as their track record).

For every *target* month T in [start, end] the forecast is made at origin O = T - horizon,
as it would have been made then: the model is trained on ``panel.until(O)`` (the months up to
O, the areas seen by then, targets up to O), so no training target is later than the origin
and no feature uses a month after it. Scored are the areas known at the origin (the areas that
had an incident by then); an area first seen after its origin has no forecast from any method.
The model is refitted every ``refit_every`` origins; between refits the last model (trained
on data up to its own origin) is applied to the newer origin's features, which stays honest.

Baselines, at origin O, for each area:
- persistence: probability 1 if the area had a fatal incident in month O, else 0 (not
  smoothed); log fatalities those of month O;
- climatology: the area's fraction of fatal months from the panel's first month to O; its mean
  log(1 + fatalities) over the same months.

Metrics (the ViEWS family): Brier score, average precision (``sklearn``), and the mean
squared error on log(1 + fatalities). Lower is better except for average precision.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from bluehelmet.forecasting.features import build_features, targets
from bluehelmet.forecasting.limits import (
    MAX_HORIZON,
    METHODS,
    MIN_HISTORY,
    TRAIN_WINDOW,
    BacktestError,
    BacktestErrorCode,
)
from bluehelmet.forecasting.model import Forecaster, ModelParams, one_thread
from bluehelmet.forecasting.panel import Panel, month_label

Progress = Callable[[int, int], None]


@dataclass
class Scores:
    brier: float
    average_precision: float | None
    mse_log: float

    def as_dict(self) -> dict[str, float | None]:
        ap = None if self.average_precision is None else round(self.average_precision, 6)
        return {
            "brier": round(self.brier, 6),
            "average_precision": ap,
            "mse_log": round(self.mse_log, 6),
        }


def score(
    fatal: np.ndarray, probability: np.ndarray, log_true: np.ndarray, log_pred: np.ndarray
) -> Scores:
    """Brier, average precision (None without a fatal month), MSE on log(1 + fatalities)."""
    if len(fatal) == 0:
        return Scores(float("nan"), None, float("nan"))
    from sklearn.metrics import average_precision_score  # loads scipy: only when scoring

    ap = float(average_precision_score(fatal, probability)) if fatal.sum() > 0 else None
    return Scores(
        brier=float(np.mean((probability - fatal) ** 2)),
        average_precision=ap,
        mse_log=float(np.mean((log_pred - log_true) ** 2)),
    )


@dataclass
class Evaluation:
    """Scores per method over the window, and every scored area-month."""

    horizon: int
    start: int
    end: int
    rows: dict[str, np.ndarray]
    n_cells: int
    refits: int
    seconds: float
    notes: list[str] = field(default_factory=list)

    @property
    def n_months(self) -> int:
        return self.end - self.start + 1

    def scores(self, since: int | None = None) -> dict[str, Scores]:
        keep = self.rows["target"] >= (since if since is not None else self.start)
        r = {k: v[keep] for k, v in self.rows.items()}
        return {
            method: score(r["fatal"], r[f"{method}_p"], r["log_fatalities"], r[f"{method}_log"])
            for method in METHODS
        }

    def reliability(self, edges: tuple[float, ...] = (0, 0.1, 0.3, 0.5, 0.7, 1.0)) -> list[dict]:
        """The model's forecasts by probability band: how many, mean forecast, observed rate
        (a calibrated forecaster has the two close in every band)."""
        p, y = self.rows["model_p"], self.rows["fatal"]
        bands = []
        for low, high in itertools.pairwise(edges):
            inside = (p >= low) & ((p < high) if high < 1 else (p <= high))
            if inside.any():
                bands.append(
                    {
                        "band": f"{low:.0%}-{high:.0%}",
                        "n": int(inside.sum()),
                        "forecast": float(p[inside].mean()),
                        "observed": float(y[inside].mean()),
                    }
                )
        return bands

    def as_dict(self) -> dict[str, Any]:
        """The keys ``bluehelmet forecast evaluate --json`` prints."""
        out: dict[str, Any] = {m: s.as_dict() for m, s in self.scores().items()}
        out["n_cells"] = self.n_cells
        out["n_months"] = self.n_months
        return out


def check_window(panel: Panel, horizon: int, start: int, end: int) -> None:
    if not 1 <= horizon <= MAX_HORIZON:
        raise BacktestError(
            BacktestErrorCode.BAD_HORIZON, f"The horizon is 1 to {MAX_HORIZON} months."
        )
    if start > end:
        raise BacktestError(
            BacktestErrorCode.BAD_WINDOW,
            f"The window starts ({month_label(start)}) after it ends ({month_label(end)}).",
        )
    if end > panel.end:
        raise BacktestError(
            BacktestErrorCode.NO_DATA,
            f"The incidents end in {month_label(panel.end)}; the window cannot end later "
            f"({month_label(end)}).",
        )
    history = start - horizon - panel.start
    if history < MIN_HISTORY:
        earliest = panel.start + MIN_HISTORY + horizon
        raise BacktestError(
            BacktestErrorCode.TOO_LITTLE_HISTORY,
            f"Too little history: the incidents start in {month_label(panel.start)}, and the "
            f"first forecast needs {MIN_HISTORY} months before its origin; start the window at "
            f"{month_label(earliest)} or later.",
        )


def training_rows(
    known: Panel, horizon: int, window: int | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, Any]:
    """(X, fatal, log fatalities, features) of every area-month whose target is observed."""
    feats = build_features(known, horizon)
    fatal, log_fat = targets(known, horizon)
    last = known.n_months - horizon  # columns [0, last) have their target month in the panel
    first = 0 if window is None else max(0, last - window)
    x = feats.values[:, first:last].reshape(-1, feats.values.shape[-1])
    return x, fatal[:, first:last].ravel(), log_fat[:, first:last].ravel(), feats


def evaluate(
    panel: Panel,
    horizon: int,
    start: int,
    end: int,
    *,
    refit_every: int = 3,
    params: ModelParams | None = None,
    train_window: int | None = TRAIN_WINDOW,
    on_progress: Progress | None = None,
) -> Evaluation:
    """Forecast every target month of [start, end] from its origin; score all methods."""
    check_window(panel, horizon, start, end)
    with one_thread():
        return _evaluate(panel, horizon, start, end, refit_every, params, train_window, on_progress)


def _evaluate(
    panel: Panel,
    horizon: int,
    start: int,
    end: int,
    refit_every: int,
    params: ModelParams | None,
    train_window: int | None,
    on_progress: Progress | None,
) -> Evaluation:
    began = time.perf_counter()
    params = params or ModelParams()
    parts: list[dict[str, np.ndarray]] = []
    model: Forecaster | None = None
    fitted_at, refits, notes = -(10**9), 0, []
    for n, target in enumerate(range(start, end + 1)):
        col = panel.column(target - horizon)
        known = panel.until(col)
        if model is None or col - fitted_at >= refit_every:
            x, fatal, log_fat, feats = training_rows(known, horizon, train_window)
            model = Forecaster(params).fit(x, fatal, log_fat)
            notes.extend(model.notes)
            fitted_at, refits = col, refits + 1
        else:
            feats = build_features(known, horizon)
        parts.append(_origin_rows(panel, known, feats.values[:, col], model, col, horizon))
        if on_progress:
            on_progress(n + 1, end - start + 1)
    rows = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    return Evaluation(
        horizon=horizon,
        start=start,
        end=end,
        rows=rows,
        n_cells=len(np.unique(rows["area"])),
        refits=refits,
        seconds=time.perf_counter() - began,
        notes=sorted(set(notes)),
    )


def _origin_rows(
    panel: Panel, known: Panel, x: np.ndarray, model: Forecaster, col: int, horizon: int
) -> dict[str, np.ndarray]:
    """Forecasts of the three methods for the areas known at origin ``col``, and the truth."""
    rows = np.flatnonzero(panel.first_seen <= col)
    prediction = model.predict(x)
    fatal_hist = known.fatal
    log_hist = np.log1p(known.fatalities)
    n = len(rows)
    return {
        "target": np.full(n, panel.start + col + horizon),
        "area": rows,
        "fatal": panel.fatal[rows, col + horizon],
        "log_fatalities": np.log1p(panel.fatalities[rows, col + horizon]),
        "model_p": prediction.probability,
        "model_log": prediction.log_fatalities,
        "persistence_p": fatal_hist[:, col],
        "persistence_log": log_hist[:, col],
        "climatology_p": fatal_hist.mean(axis=1),
        "climatology_log": log_hist.mean(axis=1),
    }
