"""The forecaster: calibrated gradient boosting (Capstone §7.2: analysis to support the
leadership's decisions, with its uncertainty stated).

- ``P(at least one fatal incident in the target month)``: a ``HistGradientBoostingClassifier``
  whose probabilities are calibrated by ``CalibratedClassifierCV`` (Platt scaling, 3 folds;
  the folds are contiguous blocks of the training rows, which are ordered in time);
- the fatalities: a ``HistGradientBoostingRegressor`` on log(1 + fatalities), the scale the
  ``mse_log`` metric scores; ``expected_fatalities`` is its back-transform;
- optionally a 10-90 % interval from two quantile regressors on the same scale.

Deterministic: a fixed ``random_state``, no early stopping (which would draw a random
validation split). With too few fatal months to learn from, the probability falls back to
the training base rate and the fatalities to their mean, and says so in ``notes``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from threadpoolctl import threadpool_limits

MODEL_VERSION = "hgb-calibrated-1"
MIN_CLASS_ROWS = 10
# Boosting's OpenMP threads spin-wait for each other: on a busy 2-core server one thread was six
# times faster than two (147 s against 24 s for the admin-1 backtest in docs/forecasting.md).
THREADS = 1


def one_thread() -> Any:
    """Context manager limiting numpy/OpenMP to ``THREADS`` threads while fitting."""
    return threadpool_limits(
        limits=THREADS
    )  # fewer fatal (or quiet) rows than this: no classifier is fitted


@dataclass(frozen=True)
class ModelParams:
    max_iter: int = 150
    learning_rate: float = 0.05
    max_leaf_nodes: int = 15
    min_samples_leaf: int = 40
    l2_regularization: float = 1.0
    calibration: str = "sigmoid"
    calibration_folds: int = 3
    interval: tuple[float, float] = (0.1, 0.9)
    random_state: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def boosting(self) -> dict[str, Any]:
        return {
            "max_iter": self.max_iter,
            "learning_rate": self.learning_rate,
            "max_leaf_nodes": self.max_leaf_nodes,
            "min_samples_leaf": self.min_samples_leaf,
            "l2_regularization": self.l2_regularization,
            "early_stopping": False,
            "random_state": self.random_state,
        }


@dataclass
class Prediction:
    probability: np.ndarray
    log_fatalities: np.ndarray
    low: np.ndarray | None = None  # interval bounds on log(1 + fatalities)
    high: np.ndarray | None = None

    @property
    def expected_fatalities(self) -> np.ndarray:
        return np.expm1(np.maximum(self.log_fatalities, 0.0))


@dataclass
class Forecaster:
    params: ModelParams = field(default_factory=ModelParams)
    intervals: bool = False
    notes: list[str] = field(default_factory=list)
    _classifier: Any = None
    _base_rate: float = 0.0
    _regressor: Any = None
    _mean_log: float = 0.0
    _quantiles: list[Any] = field(default_factory=list)

    def fit(self, x: np.ndarray, fatal: np.ndarray, log_fatalities: np.ndarray) -> Forecaster:
        self._base_rate = float(fatal.mean()) if len(fatal) else 0.0
        self._mean_log = float(log_fatalities.mean()) if len(fatal) else 0.0
        with one_thread():
            self._fit_classifier(x, fatal)
            self._fit_regressors(x, fatal, log_fatalities)
        return self

    def _fit_classifier(self, x: np.ndarray, fatal: np.ndarray) -> None:
        positives = int(fatal.sum())
        negatives = len(fatal) - positives
        self._classifier = None
        if min(positives, negatives) < MIN_CLASS_ROWS:
            self.notes.append(
                f"{positives} fatal area-months to learn from: probabilities are the base rate."
            )
            return
        base = HistGradientBoostingClassifier(**self.params.boosting())
        folds = self.params.calibration_folds
        if min(positives, negatives) >= 2 * folds and self.params.calibration != "none":
            self._classifier = CalibratedClassifierCV(
                base, method=self.params.calibration, cv=folds
            )
        else:
            self.notes.append("Too few fatal area-months to calibrate the probabilities.")
            self._classifier = base
        self._classifier.fit(x, fatal.astype(int))

    def _fit_regressors(self, x: np.ndarray, fatal: np.ndarray, log_fat: np.ndarray) -> None:
        self._regressor, self._quantiles = None, []
        if int(fatal.sum()) < MIN_CLASS_ROWS:
            return
        self._regressor = HistGradientBoostingRegressor(**self.params.boosting()).fit(x, log_fat)
        if self.intervals:
            self._quantiles = [
                HistGradientBoostingRegressor(
                    loss="quantile", quantile=q, **self.params.boosting()
                ).fit(x, log_fat)
                for q in self.params.interval
            ]

    def predict(self, x: np.ndarray) -> Prediction:
        with one_thread():
            return self._predict(x)

    def _predict(self, x: np.ndarray) -> Prediction:
        n = len(x)
        if self._classifier is None:
            probability = np.full(n, self._base_rate)
        else:
            probability = self._classifier.predict_proba(x)[:, 1]
        if self._regressor is None:
            log_fat = np.full(n, self._mean_log)
        else:
            log_fat = np.maximum(self._regressor.predict(x), 0.0)
        low = high = None
        if self._quantiles:
            low, high = (np.maximum(q.predict(x), 0.0) for q in self._quantiles)
            low, high = np.minimum(low, log_fat), np.maximum(high, log_fat)
        elif self.intervals:
            low, high = np.zeros(n), np.maximum(log_fat, 0.0)
        return Prediction(np.clip(probability, 0.0, 1.0), log_fat, low, high)
