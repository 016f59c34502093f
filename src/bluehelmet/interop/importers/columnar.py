"""Read and validate incident files in columns with DuckDB (issue 12), not row by row.

DuckDB parses the CSV in C++ and one SQL query converts and checks every column at once. It
accepts a row only in the plain forms real files use (digits, ISO dates, decimal coordinates,
text without surrounding blanks and within its length), forms for which its values are provably
those the format's row parser gives; any other row, valid or not, goes through the row parser
itself, with its raw values, so every rule and every rejection message is the row parser's, and
both paths give the same fields and so the same fingerprint (tests compare them row by row). A
file DuckDB cannot read as a whole (bad bytes, a cut-off last line, a NUL byte, a field longer
than Python's ``csv`` reads) is left to the row reader, which refuses it with its line.

This module holds what the formats share (``Table``, the column forms, ``Query``, line
numbers) and the UCDP GED query; ``columnar_acled`` and ``columnar_hxl`` hold the others.

Line numbers: DuckDB numbers records, and records may span lines (quoted line breaks);
``LineNumbers`` maps a record to its line, with one scan of the file, only when a row must be
named (a rejection, a repeated id).
"""

from __future__ import annotations

import csv
import datetime
from array import array
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import orjson

from bluehelmet.interop.importers.base import ImportFailed

CHUNK = 5000
# One DuckDB thread: a second made these queries no faster (row numbers keep the file's order)
# and cost CPU the import's own Python work and the other users need.
THREADS = 1
# Python's str.strip() removes these at either end; a value starting or ending with one goes
# to the row parser (RE2 classes: ASCII whitespace, the other C0/C1 separators, Unicode Z).
_BLANK = r"[\s\x0b\x1c-\x1f\x85\p{Z}]"
_DIGITS = r"[0-9]{1,15}"
_DECIMAL = r"-?[0-9]{1,3}(\.[0-9]{1,15})?"
# Hours 00-23 only: DuckDB reads '24:00:00' as the next day, ``datetime.fromisoformat`` refuses.
_TIME = r"([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{3}|\.[0-9]{6})?"
_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Moment forms: ISO date or date-time; the same with UTC written 'Z' or '+00:00' (our HXL
# export), which ``fromisoformat`` reads as UTC; ACLED's '20 February 2009' ('%d %B %Y').
ISO, ISO_UTC, DAY_MONTH_YEAR = "iso", "iso-utc", "day-month-year"
_FORMS = {
    ISO: (rf"{_DATE}([ T]{_TIME})?", "TRY_CAST({c} AS TIMESTAMP)"),
    ISO_UTC: (rf"{_DATE}([ T]{_TIME}(Z|\+00:00)?)?", "TRY_CAST({c} AS TIMESTAMP)"),
    DAY_MONTH_YEAR: (rf"[0-9]{{1,2}} ({_MONTHS}) [0-9]{{4}}", "try_strptime({c}, '%d %B %Y')"),
}
UTC = datetime.UTC
# Python's ``str.lower`` and DuckDB's ``lower`` give the same ASCII letters at the same places
# except for the two characters whose lower case is ASCII in one of them only: 'İ' (U+0130;
# Python: 'i' + U+0307) and the Kelvin sign (U+212A). SQL that lower-cases a text to compare
# it with ASCII words (the ACLED categories) leaves a row holding either to the row parser.
LOWERED_APART = r"[\x{130}\x{212A}]"

Part = tuple[str, str]  # (SQL of the value, SQL of "the value is in a plain form")


class ColumnarUnavailable(Exception):
    """DuckDB cannot read this file as a whole; the row reader will say why."""


def has_nul(path: Path) -> bool:
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 22):
            if b"\x00" in chunk:
                return True
    return False


def q(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class Table:
    """A CSV file as DuckDB reads it: columns by position (``c0``, ``c1`` ...), so that
    repeated or empty header names cannot confuse it, after ``skip`` records (the header
    rows). ``columns`` names the positions the parsers read (a CSV header's repeated name: its
    last column, as ``dict(zip(header, values))``; HXL: the first column of a hashtag).

    ``universal_newlines``: line breaks in values read as ``open()`` reads them in text mode
    (libhxl's reader): '\\r\\n' and '\\r' become '\\n'."""

    def __init__(
        self,
        path: Path,
        width: int,
        columns: Mapping[str, int],
        *,
        skip: int = 1,
        delim: str = ",",
        universal_newlines: bool = False,
    ) -> None:
        self.path, self.width, self.columns = path, width, dict(columns)
        self.skip, self.delim, self.universal_newlines = skip, delim, universal_newlines

    @classmethod
    def for_header(cls, path: Path, header: list[str]) -> Table:
        return cls(path, len(header), {name: i for i, name in enumerate(header)})

    def col(self, name: str) -> str | None:
        position = self.columns.get(name)
        return None if position is None else f"c{position}"

    def source(self) -> str:
        """Every record after the header rows, numbered, with every column as text; DuckDB
        stops with an error on a field Python's ``csv`` would refuse as too long."""
        types = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(self.width))
        reader = (
            f"read_csv({literal(str(self.path))}, header=false, skip={self.skip}, "
            f"delim={literal(self.delim)}, quote='\"', escape='\"', strict_mode=true, "
            f"null_padding=false, columns={{{types}}})"
        )
        cells = [f"c{i}" for i in range(self.width)]
        if self.universal_newlines:
            cells = [
                f"CASE WHEN contains({c}, chr(13)) THEN regexp_replace({c}, '\\r\\n?', chr(10), "
                f"'g') ELSE {c} END AS {c}"
                for c in cells
            ]
        longest = f"greatest({', '.join(f'length(c{i})' for i in range(self.width))})"
        guard = (
            f"CASE WHEN {longest} >= {csv.field_size_limit()} "
            "THEN error('a field is longer than the csv module reads') ELSE TRUE END"
        )
        return (
            f"SELECT row_number() OVER () AS rec, {', '.join(cells)} "  # noqa: S608
            f"FROM {reader} WHERE {guard}"
        )


# -- SQL for the column forms ------------------------------------------------------------------


def text_sql(
    t: Table, name: str, limit: int, *, required: bool = False, lowered: bool = False
) -> Part:
    """``incidents.text``: '' when missing or empty; ``required``: plain only if not empty;
    ``lowered``: the SQL lower-cases it (``LOWERED_APART``)."""
    c = t.col(name)
    if c is None:
        return "''", "FALSE" if required else "TRUE"
    blank_ends = f"regexp_matches({c}, '^{_BLANK}|{_BLANK}$')"
    given = f"length({c}) <= {limit} AND NOT {blank_ends}"
    if lowered:
        given += f" AND NOT regexp_matches({c}, '{LOWERED_APART}')"
    plain = f"({c} IS NOT NULL AND {given})" if required else f"({c} IS NULL OR ({given}))"
    return f"coalesce({c}, '')", plain


def int_sql(t: Table, name: str, *, low: int, high: int, required: bool) -> Part:
    """``incidents.integer`` on whole numbers written as digits."""
    c = t.col(name)
    if c is None:
        return "NULL::BIGINT", "FALSE" if required else "TRUE"
    empty = f"({c} IS NULL OR {c} IN ('NA', '.'))"
    value = f"(CASE WHEN {empty} THEN NULL ELSE TRY_CAST({c} AS BIGINT) END)"
    digits = f"regexp_full_match({c}, '{_DIGITS}')"
    in_range = f"TRY_CAST({c} AS BIGINT) BETWEEN {low} AND {high}"
    plain = f"({'FALSE' if required else empty} OR ({digits} AND {in_range}))"
    return value, plain


def moment_sql(t: Table, name: str, *, required: bool, forms: tuple[str, ...] = (ISO,)) -> Part:
    """``incidents.moment`` (a naive TIMESTAMP, UTC) in the given forms."""
    c = t.col(name)
    if c is None:
        return "NULL::TIMESTAMP", "FALSE" if required else "TRUE"
    cases = " ".join(
        f"WHEN regexp_full_match({c}, '{_FORMS[f][0]}') THEN {_FORMS[f][1].format(c=c)}"
        for f in forms
    )
    value = f"(CASE {cases} END)"
    form = f"({value} BETWEEN TIMESTAMP '1900-01-01' AND TIMESTAMP '2100-12-31 23:59:59.999999')"
    return value, form if required else f"({c} IS NULL OR {form})"


def coordinates_sql(t: Table, lat_name: str, lon_name: str) -> tuple[Part, Part]:
    """``incidents.coordinates``: both empty, or both decimals in range."""
    lat, lon = t.col(lat_name), t.col(lon_name)
    if lat is None or lon is None:  # a missing column reads as empty
        if lat is None and lon is None:
            return ("NULL::DOUBLE", "TRUE"), ("NULL::DOUBLE", "TRUE")
        return ("NULL::DOUBLE", "FALSE"), ("NULL::DOUBLE", "TRUE")

    def ok(c: str, low: int, high: int) -> str:
        in_range = f"TRY_CAST({c} AS DOUBLE) BETWEEN {low} AND {high}"
        return f"(regexp_full_match({c}, '{_DECIMAL}') AND {in_range})"

    both_empty = f"({lat} IS NULL AND {lon} IS NULL)"
    return (
        (
            f"CASE WHEN {both_empty} THEN NULL ELSE TRY_CAST({lat} AS DOUBLE) END",
            f"({both_empty} OR ({ok(lat, -90, 90)} AND {ok(lon, -180, 180)}))",
        ),
        (f"CASE WHEN {both_empty} THEN NULL ELSE TRY_CAST({lon} AS DOUBLE) END", "TRUE"),
    )


class Query:
    """One row per record: its number, whether it is plain, then for a plain row the
    ``outputs`` (SQL over the values of ``parts``, each named ``v_<part>``; by default those
    values), and for the others the raw values of ``raw`` (name -> position; by default every
    column the table names) for the row parser. ``rows`` yields (record, outputs, None) for a
    plain row and (record, None, raw row) for the others, in file order."""

    def __init__(
        self,
        table: Table,
        parts: Mapping[str, Part],
        *,
        also_plain: Sequence[str] = (),
        outputs: Sequence[str] | None = None,
        raw: Mapping[str, int] | None = None,
    ) -> None:
        self.table, self.names = table, list(parts)
        self.raw = dict(table.columns if raw is None else raw)
        checks = " AND ".join(p for _v, p in parts.values()) or "TRUE"
        values = ", ".join(f"{v} AS {q('v_' + name)}" for name, (v, _p) in parts.items())
        if outputs is None:
            outputs = [q("v_" + name) for name in parts]
        self.width = len(outputs)
        plain = " AND ".join(["checked", *also_plain])
        selected = ", ".join(f"CASE WHEN plain THEN {o} END" for o in outputs)
        raws = f"json_array({', '.join(f'c{i}' for i in self.raw.values())})"  # one value
        self.sql = (
            f"WITH src AS ({table.source()}), "  # noqa: S608
            f"typed AS (SELECT *, {values}, coalesce({checks}, FALSE) AS checked FROM src), "
            f"judged AS (SELECT *, coalesce({plain}, FALSE) AS plain FROM typed) "
            f"SELECT rec, plain, {selected}, CASE WHEN plain THEN NULL ELSE {raws} END "
            "FROM judged"
        )

    def rows(self) -> Iterator[tuple[int, tuple[Any, ...] | None, dict[str, str] | None]]:
        con = duckdb.connect(config={"threads": THREADS, "memory_limit": "512MB"})
        try:
            try:
                cursor = con.execute(self.sql)
            except duckdb.Error as exc:
                raise ColumnarUnavailable(str(exc)) from exc
            names, end = list(self.raw), 2 + self.width
            while rows := _fetch(cursor):
                for row in rows:
                    if row[1]:
                        yield row[0], row[2:end], None
                    else:
                        raw = zip(names, orjson.loads(row[end]), strict=True)
                        yield row[0], None, {k: ("" if v is None else v) for k, v in raw}
        finally:
            con.close()


def _fetch(cursor: Any) -> list[tuple[Any, ...]]:
    try:
        return cursor.fetchmany(CHUNK)
    except duckdb.Error as exc:
        raise ColumnarUnavailable(str(exc)) from exc


def iso_utc(timestamp: str) -> str:
    """A naive UTC TIMESTAMP (SQL) as text ``datetime.fromisoformat`` reads as UTC."""
    return f"strftime({timestamp}, '%Y-%m-%dT%H:%M:%S.%f+00:00')"


def json_object(items: Mapping[str, str]) -> str:
    """SQL building one JSON object (key -> SQL): a row's fields cross to Python as one value,
    read by ``orjson`` (each value fetched apart costs far more)."""
    return f"json_object({', '.join(f'{literal(k)}, {e}' for k, e in items.items())})"


# Moments an ACLED or HXL query writes as ISO text into a row's JSON document.
DOCUMENT_MOMENTS = ("occurred_at", "reported_at", "occurred_until")


def document_fields(text: str) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    """A row that an ACLED or HXL query built as one JSON document: (external id, fields with
    their moments as datetimes, the values ``host_iso3`` reads, if any)."""
    document = orjson.loads(text)
    fields = document["f"]
    for name in DOCUMENT_MOMENTS:
        if fields.get(name) is not None:
            fields[name] = datetime.datetime.fromisoformat(fields[name])
    return document["i"], fields, document.get("h") or {}


def aware(value: datetime.datetime | None) -> datetime.datetime | None:
    return None if value is None else value.replace(tzinfo=UTC)


# -- UCDP GED ------------------------------------------------------------------------------------


def ged_query(path: Path, header: list[str]) -> Query:
    t = Table.for_header(path, header)
    parts: dict[str, Part] = {
        "id": int_sql(t, "id", low=0, high=10**15, required=True),
        "violence": int_sql(t, "type_of_violence", low=1, high=3, required=True),
        "start": moment_sql(t, "date_start", required=True),
        "end": moment_sql(t, "date_end", required=False),
        "best": int_sql(t, "best", low=0, high=10**9, required=True),
        "low": int_sql(t, "low", low=0, high=10**9, required=False),
        "high": int_sql(t, "high", low=0, high=10**9, required=False),
        "clarity": int_sql(t, "event_clarity", low=0, high=10**9, required=False),
        "date_prec": int_sql(t, "date_prec", low=1, high=5, required=True),
        "where_prec": int_sql(t, "where_prec", low=1, high=7, required=False),
        "civilians": int_sql(t, "deaths_civilians", low=0, high=10**9, required=False),
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
        parts[name] = text_sql(t, column, limit)
    parts["lat"], parts["lon"] = coordinates_sql(t, "latitude", "longitude")
    return Query(t, parts, also_plain=("(v_end IS NULL OR v_end >= v_start)",))


def ged_records(path: Path, header: list[str]) -> Iterator[tuple[int, bool, dict[str, Any]]]:
    """(record number, plain, values or raw row) of every record, in file order."""
    query = ged_query(path, header)
    names = query.names
    for record, values, raw in query.rows():
        if values is not None:
            yield record, True, dict(zip(names, values, strict=True))
        else:
            yield record, False, raw or {}


# -- line numbers --------------------------------------------------------------------------------


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
