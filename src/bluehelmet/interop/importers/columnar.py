"""Read and validate a UCDP GED file in columns with DuckDB (issue 12), not row by row.

DuckDB parses the CSV in C++ and one SQL query converts and checks every column at once. It
accepts a row only in the plain forms real GED files use (digits, ISO dates, decimal
coordinates, text without surrounding blanks and within its length), forms for which its
values are provably those ``ged.parse_ged_row`` gives; any other row, valid or not, goes
through ``parse_ged_row`` itself, so every rule and every rejection message is the row
parser's, and both paths give the same fields and so the same fingerprint (a test compares
them row by row on the real files). A file DuckDB cannot read as a whole (bad bytes, a
cut-off last line, a NUL byte) is left to the row reader, which refuses it with its line.

Line numbers: DuckDB numbers records, and GED records may span lines (quoted line breaks);
``LineNumbers`` maps a record to its line, with one scan of the file, only when a row must be
named (a rejection, a repeated id).
"""

from __future__ import annotations

import datetime
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from bluehelmet.interop.importers.base import ImportFailed

CHUNK = 5000
# Python's str.strip() removes these at either end; a value starting or ending with one goes
# to the row parser (RE2 classes: ASCII whitespace, the other C0/C1 separators, Unicode Z).
_BLANK = r"[\s\x0b\x1c-\x1f\x85\p{Z}]"
_DIGITS = r"[0-9]{1,15}"
_DECIMAL = r"-?[0-9]{1,3}(\.[0-9]{1,15})?"
_MOMENT = r"[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{3}|\.[0-9]{6})?)?"
NULLS = ("NA", ".")


class ColumnarUnavailable(Exception):
    """DuckDB cannot read this file as a whole; the row reader will say why."""


def has_nul(path: Path) -> bool:
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 22):
            if b"\x00" in chunk:
                return True
    return False


# -- SQL for the column forms ------------------------------------------------------------------


def q(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def text_sql(column: str, limit: int, present: set[str]) -> tuple[str, str]:
    """(value, plain) for ``incidents.text``: '' when missing or empty."""
    if column not in present:
        return "''", "TRUE"
    c = q(column)
    blank_ends = f"regexp_matches({c}, '^{_BLANK}|{_BLANK}$')"
    plain = f"({c} IS NULL OR (length({c}) <= {limit} AND NOT {blank_ends}))"
    return f"coalesce({c}, '')", plain


def int_sql(
    column: str, present: set[str], *, low: int, high: int, required: bool
) -> tuple[str, str]:
    """(value, plain) for ``incidents.integer`` on whole numbers written as digits."""
    if column not in present:
        return "NULL::BIGINT", "FALSE" if required else "TRUE"
    c = q(column)
    empty = f"({c} IS NULL OR {c} IN ('NA', '.'))"
    value = f"(CASE WHEN {empty} THEN NULL ELSE TRY_CAST({c} AS BIGINT) END)"
    digits = f"regexp_full_match({c}, '{_DIGITS}')"
    in_range = f"TRY_CAST({c} AS BIGINT) BETWEEN {low} AND {high}"
    plain = f"({'FALSE' if required else empty} OR ({digits} AND {in_range}))"
    return value, plain


def moment_sql(column: str, present: set[str], *, required: bool) -> tuple[str, str]:
    if column not in present:
        return "NULL::TIMESTAMP", "FALSE" if required else "TRUE"
    c = q(column)
    value = f"TRY_CAST({c} AS TIMESTAMP)"
    in_range = f"{value} BETWEEN TIMESTAMP '1900-01-01' AND TIMESTAMP '2100-12-31 23:59:59.999999'"
    form = f"(regexp_full_match({c}, '{_MOMENT}') AND {in_range})"
    plain = form if required else f"({c} IS NULL OR {form})"
    return value, plain


def coordinate_sql(column: str, present: set[str], low: int, high: int) -> tuple[str, str]:
    c = q(column)
    value = f"TRY_CAST({c} AS DOUBLE)"
    return value, f"(regexp_full_match({c}, '{_DECIMAL}') AND {value} BETWEEN {low} AND {high})"


def ged_query(path: Path, header: list[str]) -> tuple[str, list[str]]:
    """One row per record: its number, whether it is plain, the parsed values, and (for the
    rows that are not plain) every raw column, for the row parser."""
    present = set(header)
    parts: dict[str, tuple[str, str]] = {
        "id": int_sql("id", present, low=0, high=10**15, required=True),
        "violence": int_sql("type_of_violence", present, low=1, high=3, required=True),
        "start": moment_sql("date_start", present, required=True),
        "end": moment_sql("date_end", present, required=False),
        "best": int_sql("best", present, low=0, high=10**9, required=True),
        "low": int_sql("low", present, low=0, high=10**9, required=False),
        "high": int_sql("high", present, low=0, high=10**9, required=False),
        "clarity": int_sql("event_clarity", present, low=0, high=10**9, required=False),
        "date_prec": int_sql("date_prec", present, low=1, high=5, required=True),
        "where_prec": int_sql("where_prec", present, low=1, high=7, required=False),
        "civilians": int_sql("deaths_civilians", present, low=0, high=10**9, required=False),
    }
    texts = {
        "dyad": ("dyad_name", 160), "conflict": ("conflict_name", 160),
        "conflict_long": ("conflict_name", 300), "where_desc": ("where_description", 500),
        "headline": ("source_headline", 1000), "place": ("where_coordinates", 200),
        "adm1": ("adm_1", 120), "adm2": ("adm_2", 120), "side_a": ("side_a", 200),
        "side_b": ("side_b", 200), "article": ("source_article", 10000),
        "country": ("country", 100), "country_id": ("country_id", 10),
    }  # fmt: skip
    for name, (column, limit) in texts.items():
        parts[name] = text_sql(column, limit, present)
    lat, lat_ok = coordinate_sql("latitude", present, -90, 90)
    lon, lon_ok = coordinate_sql("longitude", present, -180, 180)
    both_empty = f"({q('latitude')} IS NULL AND {q('longitude')} IS NULL)"
    parts["lat"] = (
        f"CASE WHEN {both_empty} THEN NULL ELSE {lat} END",
        f"({both_empty} OR ({lat_ok} AND {lon_ok}))",
    )
    parts["lon"] = (f"CASE WHEN {both_empty} THEN NULL ELSE {lon} END", "TRUE")
    order = f"({parts['end'][0]} IS NULL OR {parts['end'][0]} >= {parts['start'][0]})"
    plain = " AND ".join([*(p for _v, p in parts.values()), order])
    values = ", ".join(f"{v} AS {q(name)}" for name, (v, _p) in parts.items())
    raws = ", ".join(f"CASE WHEN plain THEN NULL ELSE {q(c)} END" for c in header)
    source = (
        f"read_csv('{_literal(path)}', all_varchar=true, header=true, delim=',', quote='\"', "
        "escape='\"', strict_mode=true, null_padding=false)"
    )
    sql = (
        f"WITH src AS (SELECT row_number() OVER () AS rec, * FROM {source}), "  # noqa: S608
        f"parsed AS (SELECT *, {plain} AS plain FROM src) "
        f"SELECT rec, plain, {values}, {raws} FROM parsed"
    )
    return sql, list(parts)


def _literal(path: Path) -> str:
    return str(path).replace("'", "''")


# -- reading --------------------------------------------------------------------------------------


def ged_records(path: Path, header: list[str]) -> Iterator[tuple[int, bool, dict[str, Any]]]:
    """(record number, plain, values or raw row) of every record, in file order."""
    con = duckdb.connect(config={"threads": 2, "memory_limit": "512MB"})
    sql, names = ged_query(path, header)
    try:
        cursor = con.execute(sql)
    except duckdb.Error as exc:
        con.close()
        raise ColumnarUnavailable(str(exc)) from exc
    width = len(names)
    try:
        while rows := _fetch(cursor):
            for row in rows:
                if row[1]:
                    yield row[0], True, dict(zip(names, row[2 : 2 + width], strict=True))
                else:
                    raw = dict(zip(header, row[2 + width :], strict=True))
                    yield row[0], False, {k: ("" if v is None else v) for k, v in raw.items()}
    finally:
        con.close()


def _fetch(cursor: Any) -> list[tuple[Any, ...]]:
    try:
        return cursor.fetchmany(CHUNK)
    except duckdb.Error as exc:
        raise ColumnarUnavailable(str(exc)) from exc


UTC = datetime.UTC


def aware(value: datetime.datetime | None) -> datetime.datetime | None:
    return None if value is None else value.replace(tzinfo=UTC)


class LineNumbers:
    """Record number (1 = first data row) -> the line it ends on, as ``csv.reader`` counts;
    built by one scan of the file on first use (quote parity: a line break inside a quoted
    value does not end a record)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.ends: array[int] | None = None

    def __call__(self, record: int) -> int:
        if self.ends is None:
            self.ends = self._scan()
        if not 1 <= record < len(self.ends):
            raise ImportFailed(f"{self.path.name}: cannot number record {record}.")
        return self.ends[record]

    def _scan(self) -> array[int]:
        ends = array("q")  # ends[0]: the header's line
        open_quote = False
        with self.path.open(newline="", encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if line.count('"') % 2:
                    open_quote = not open_quote
                if not open_quote and line.strip("\r\n"):
                    ends.append(number)
        return ends
