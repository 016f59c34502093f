"""Shared importer machinery (DESIGN "Imports"): streaming CSV, row errors with line numbers,
progress on the terminal, an all-or-nothing transaction and a report of what changed."""

from __future__ import annotations

import csv
import datetime
import io
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from tqdm import tqdm

from bluehelmet.core.validators import DATE_MAX, DATE_MIN


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
    # A dry run's summary (``importers.preview``); None for a real import.
    preview: dict[str, Any] | None = None
    # What a real incident import wrote, so that it can be undone (``interop.actions``).
    created_ids: list[int] = field(default_factory=list)
    updated_ids: list[int] = field(default_factory=list)

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
            **({"preview": self.preview} if self.preview is not None else {}),
        }


def read_csv(
    path: Path, required: Iterable[str], delimiter: str = ","
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) pairs; refuse a file that is not UTF-8 CSV with ``required``,
    that holds a NUL byte, or whose last record was cut off (see ``_records``)."""
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise ImportFailed(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    with handle:
        lines = _RecordLines(handle)
        reader = csv.reader(lines, delimiter=delimiter)
        try:
            header = next(reader, [])
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ImportFailed(f"{path.name} is not a UTF-8 CSV file ({exc}).") from exc
        refuse_nul(path.name, reader.line_num, header)
        missing = [c for c in required if c not in header]
        if missing:
            raise ImportFailed(f"{path.name} lacks the columns: {', '.join(missing)}.")
        for line, values in _records(path.name, reader, lines, delimiter, len(header)):
            # as csv.DictReader: a column missing from a short row is there, as None
            yield line, dict(itertools.zip_longest(header, values[: len(header)]))


def read_header(path: Path, required: Iterable[str]) -> list[str]:
    """The header of a UTF-8 CSV file, refused as ``read_csv`` refuses it."""
    for _line, _row in read_csv(path, required):
        break
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return next(csv.reader(handle), [])


class _RecordLines:
    """The file's lines as ``csv.reader`` consumes them, keeping those of the current record so
    the last one can be parsed again strictly (the lenient reader accepts a cut-off quote)."""

    def __init__(self, handle: Iterable[str]) -> None:
        self.lines = iter(handle)
        self.current: list[str] = []

    def __iter__(self) -> _RecordLines:
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.current.append(line)
        return line


def _records(
    name: str, reader: Any, lines: _RecordLines, delimiter: str, width: int
) -> Iterator[tuple[int, list[str]]]:
    """(line, values) of each non-empty record; one record is read ahead so that the last
    one, and only it, is checked for having been cut off."""
    held: tuple[int, list[str], str] | None = None
    while True:
        lines.current = []
        try:
            values = next(reader, None)
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ImportFailed(f"{name}, line {reader.line_num + 1}: {exc}.") from exc
        if values is None:
            break
        if not values:  # a blank line, skipped as csv.DictReader does
            continue
        refuse_nul(name, reader.line_num, values)
        if held is not None:
            yield held[0], held[1]
        held = (reader.line_num, values, "".join(lines.current))
    if held is not None:
        _refuse_truncated(name, held, delimiter, width)
        yield held[0], held[1]


def _refuse_truncated(
    name: str, last: tuple[int, list[str], str], delimiter: str, width: int
) -> None:
    line, values, raw = last
    try:
        list(csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter, strict=True))
        cut_in_quote = False
    except csv.Error as exc:  # other strict-only complaints are quirks the reader accepts
        cut_in_quote = "unexpected end of data" in str(exc)
    if cut_in_quote or len(values) < width:
        raise ImportFailed(
            _(
                "%(name)s is truncated: its last line (%(line)s) ends in the middle of a row "
                "(%(got)s of %(want)s columns, or a quoted value never closed). Export or "
                "download the file again."
            )
            % {"name": name, "line": line, "got": len(values), "want": width}
        )


def refuse_nul(name: str, line: int, values: Iterable[Any]) -> None:
    """NUL bytes are refused, as the API refuses them (PostgreSQL cannot store them)."""
    if any(isinstance(v, str) and "\x00" in v for v in values):
        raise ImportFailed(
            _("%(name)s, line %(line)s: a cell holds a NUL byte; this is not a text CSV file.")
            % {"name": name, "line": line}
        )


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
    if not 1 <= month <= 12 or not DATE_MIN.year <= year <= DATE_MAX.year:
        raise ValueError(f"no such month {year}-{month:02d}")
    return datetime.date(year, month, 1)


def month_end(day: datetime.date) -> datetime.date:
    following = datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def mission_code(raw: str) -> str:
    """Dataset mission names to bluehelmet codes: 'UNOSOM II' -> 'UNOSOM-II'."""
    return "-".join(raw.strip().upper().split())
