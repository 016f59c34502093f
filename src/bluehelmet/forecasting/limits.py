"""Limits and errors of the early-warning backtests, without the numerical libraries.

Pages, the API and the actions need these at import time; numpy and scikit-learn load only
when a panel is built or a model is fitted, so that every process does not pay for them.
"""

from __future__ import annotations

import enum

MIN_HISTORY = 24  # months of panel before the first origin
TRAIN_WINDOW = 120  # months of training rows before each origin (ten years)
MAX_HORIZON = 12
METHODS = ("model", "persistence", "climatology")


class BacktestErrorCode(enum.StrEnum):
    BAD_HORIZON = "bad_horizon"
    BAD_WINDOW = "bad_window"
    NO_DATA = "no_data"
    TOO_LITTLE_HISTORY = "too_little_history"


class BacktestError(ValueError):
    def __init__(self, code: BacktestErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
