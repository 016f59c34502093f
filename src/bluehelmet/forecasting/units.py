"""Months and areas, the panel's vocabulary, without numpy (Capstone §7.2).

Pages, filters and actions need these when the URLconf loads; the panel itself
(``forecasting/panel.py``) loads numpy only where a panel is built.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

MAX_H3_RESOLUTION = 7


class PanelError(ValueError):
    """Input the panel cannot be built from; the message says what to give instead."""


# --- months -------------------------------------------------------------------------------


def month_index(moment: datetime.date) -> int:
    """Months since year 0: consecutive months differ by one."""
    return moment.year * 12 + moment.month - 1


def month_start(index: int) -> datetime.date:
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_label(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def parse_month(text: str) -> int:
    """'2015-01' -> month index, else PanelError naming the expected form."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text or "")
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1:
        raise PanelError(f"{text!r} is not a month; give it as YYYY-MM, e.g. 2015-01.")
    return int(match.group(1)) * 12 + int(match.group(2)) - 1


# --- units --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """``admin1`` or ``h3`` at a resolution."""

    kind: str
    resolution: int | None = None

    @property
    def code(self) -> str:
        return "admin1" if self.kind == "admin1" else f"h3:{self.resolution}"

    @classmethod
    def parse(cls, text: str) -> Unit:
        text = (text or "").strip().lower()
        if text == "admin1":
            return cls("admin1")
        match = re.fullmatch(r"h3:(\d+)", text)
        if match and 0 <= int(match.group(1)) <= MAX_H3_RESOLUTION:
            return cls("h3", int(match.group(1)))
        raise PanelError(
            f"Unknown unit {text!r}: use admin1, or h3:<resolution> with a resolution from 0 "
            f"to {MAX_H3_RESOLUTION}."
        )
