"""Shared importer machinery (DESIGN "Imports"): streaming CSV, row errors with line numbers,
progress on the terminal, an all-or-nothing transaction and a report of what changed."""

from __future__ import annotations

import csv
import datetime
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm


class ImportFailed(Exception):
    """The file as a whole cannot be imported (unreadable, wrong columns ...)."""


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str


@dataclass
class ImportReport:
    source: str
    rows: int = 0
    counts: Counter = field(default_factory=Counter)
    rejected: list[RowError] = field(default_factory=list)

    def reject(self, line: int, reason: str) -> None:
        self.rejected.append(RowError(line, reason))

    @property
    def changed(self) -> bool:
        return any(v for k, v in self.counts.items() if not k.endswith("unchanged"))

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "rows": self.rows,
            "counts": dict(sorted(self.counts.items())),
            "rejected": [{"line": e.line, "reason": e.reason} for e in self.rejected],
        }


def read_csv(
    path: Path, required: Iterable[str], delimiter: str = ","
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) pairs; refuse a file that is not UTF-8 CSV with ``required``."""
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise ImportFailed(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    with handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        try:
            header = reader.fieldnames or []
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ImportFailed(f"{path.name} is not a UTF-8 CSV file ({exc}).") from exc
        missing = [c for c in required if c not in header]
        if missing:
            raise ImportFailed(f"{path.name} lacks the columns: {', '.join(missing)}.")
        try:
            for row in reader:
                yield reader.line_num, row
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ImportFailed(f"{path.name}, line {reader.line_num + 1}: {exc}.") from exc


def count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return max(sum(1 for _ in handle) - 1, 0)


def progress(rows: Iterable[Any], total: int, label: str, enabled: bool) -> Iterable[Any]:
    return tqdm(rows, total=total, desc=label, unit="row", disable=not enabled, leave=False)


def parse_int(value: str, column: str, *, minimum: int = 0, rounding: bool = False) -> int | None:
    """'' -> None; '12', '12.0' -> 12; '7789.2' -> 7789 when ``rounding`` (interpolated
    figures in research data); anything else raises ValueError naming the column."""
    text = (value or "").strip()
    if text in {"", "NA", "."}:
        return None
    try:
        number = float(text)
    except ValueError as exc:
        raise ValueError(f"{column} is not a number: {text!r}") from exc
    if rounding and number >= minimum:
        return round(number)
    if number != int(number) or number < minimum:
        raise ValueError(f"{column} must be a whole number >= {minimum}: {text!r}")
    return int(number)


def month_start(year: int, month: int) -> datetime.date:
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        raise ValueError(f"no such month {year}-{month:02d}")
    return datetime.date(year, month, 1)


def month_end(day: datetime.date) -> datetime.date:
    following = datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def mission_code(raw: str) -> str:
    """Dataset mission names to bluehelmet codes: 'UNOSOM II' -> 'UNOSOM-II'."""
    return "-".join(raw.strip().upper().split())
