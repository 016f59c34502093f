"""The columnar reader of HXL-tagged tables (see ``columnar``).

libhxl finds the hashtag row (in the first 25 rows, after any header rows) and the delimiter,
exactly as the row reader (``hxl.read_hxl``) finds them; DuckDB then reads the rows after it,
the hashtags deciding which column is which. Values are read as libhxl reads them: the file in
text mode, so a line break inside a value is '\\n' whatever the file wrote.

Line numbers are libhxl's: the row's number among the file's rows (a row spanning lines is one),
plus one. A file DuckDB would number otherwise (a blank line, which libhxl reads as an empty
row, or a carriage return alone, which DuckDB and Python may split differently), a file libhxl
does not read as CSV (Excel, JSON), and a file with a NUL byte are left to the row reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bluehelmet.interop.importers.columnar import (
    DAY_MONTH_YEAR,
    ISO_UTC,
    ColumnarUnavailable,
    Part,
    Query,
    Table,
    coordinates_sql,
    int_sql,
    iso_utc,
    json_object,
    literal,
    moment_sql,
    text_sql,
)
from bluehelmet.interop.importers.columnar_acled import category_parts

TAG_ROWS_SEARCHED = 25  # libhxl's ``HXLReader._find_tags``
COUNTS = (
    "killed",
    "injured",
    "abducted",
    "civilians_killed",
    "un_personnel_killed",
    "un_personnel_injured",
)
# (column name, limit, lower-cased by the category) of the text columns, with the limits of
# ``hxl.parse_hxl_row`` and of ``AcledCategories.for_row`` for the ACLED pair (plain: nothing
# is cut).
TEXTS = (
    ("title", 200, False),
    ("category_name", 200, False),
    ("description", 10000, False),
    ("category", 40, False),
    ("acled_event_type", 60, True),
    ("acled_sub_event_type", 60, True),
    ("actor1", 200, True),
    ("actor2", 200, True),
    ("location_name", 200, False),
    ("admin1", 120, False),
    ("admin2", 120, False),
    ("source_reference", 10000, False),
    ("source", 200, False),
)


@dataclass(frozen=True)
class Layout:
    tags: list[str]  # each column's hashtag as libhxl displays it ('' for none)
    skip: int  # rows up to the hashtag row
    delim: str


def hxl_layout(path: Path) -> Layout:
    """Where libhxl finds the hashtags; ``ColumnarUnavailable`` for a file it would not read
    as a CSV file of single-line header rows."""
    import hxl  # libhxl brings structlog and requests: loaded only to read a file

    try:
        source = hxl.input.make_input(str(path), hxl.InputOptions(allow_local=True))
    except Exception as exc:  # the row reader meets the same error and says it
        raise ColumnarUnavailable(str(exc)) from exc
    with source:
        if not isinstance(source, hxl.input.CSVInput):
            raise ColumnarUnavailable("not a CSV file")
        reader = iter(source)
        previous: list[str] = []
        try:
            for row_number in range(TAG_ROWS_SEARCHED):
                raw = next(reader)
                columns = hxl.model.Column.parse_list(raw, previous)
                if columns is not None:
                    if reader.line_num != row_number + 1:  # a header value over two lines
                        raise ColumnarUnavailable("header rows span lines")
                    tags = [c.display_tag or "" for c in columns]
                    return Layout(tags, row_number + 1, source.delimiter)
                previous = raw
        except ColumnarUnavailable:
            raise
        except Exception as exc:  # too few rows, bad bytes ...: the row reader says it
            raise ColumnarUnavailable(str(exc)) from exc
    raise ColumnarUnavailable("no hashtag row")


def check_lines(path: Path) -> None:
    """``ColumnarUnavailable`` for a NUL byte, a blank line outside a quoted value (libhxl
    reads an empty row there; DuckDB skips it) or a carriage return not followed by a line
    feed: one pass over the bytes, and a second over the lines only if a blank line is seen."""
    candidate, cr_ends = False, False
    with path.open("rb") as handle:
        tail = b"\n"  # the start of the file counts as the start of a line
        while chunk := handle.read(1 << 22):
            if b"\x00" in chunk:
                raise ColumnarUnavailable("NUL byte")
            lone = chunk.count(b"\r") - chunk.count(b"\r\n") - chunk.endswith(b"\r")
            if lone or (cr_ends and not chunk.startswith(b"\n")):
                raise ColumnarUnavailable("a carriage return alone")
            window = tail + chunk
            candidate = candidate or b"\n\n" in window or b"\n\r\n" in window
            tail, cr_ends = chunk[-2:], chunk.endswith(b"\r")
    if cr_ends:
        raise ColumnarUnavailable("a carriage return alone")
    if candidate and _blank_rows(path):
        raise ColumnarUnavailable("a blank line")


def _blank_rows(path: Path) -> bool:
    """Is a line empty outside a quoted value (quote parity, as ``columnar.LineNumbers``)?"""
    open_quote = False
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not open_quote and line == "\n":
                return True
            if line.count('"') % 2:
                open_quote = not open_quote
    return False


def hxl_query(path: Path, layout: Layout, positions: Mapping[str, int], categories: Any) -> Query:
    """Per plain row one JSON document: {"i": the reference, "f": ``parse_hxl_row``'s fields
    (the dates as text)}. ``positions``: our column name -> its column in the file, as
    ``hxl.read_hxl`` maps them (also the row parser's raw row); ``categories``: the
    ``AcledCategories``."""
    t = Table(
        path,
        len(layout.tags),
        positions,
        skip=layout.skip,
        delim=layout.delim,
        universal_newlines=True,
    )
    forms = (ISO_UTC, DAY_MONTH_YEAR)
    reliability = t.col("reliability")
    parts: dict[str, Part] = {
        "reference": text_sql(t, "reference", 64, required=True),
        "occurred_at": moment_sql(t, "occurred_at", required=True, forms=forms),
        "occurred_until": moment_sql(t, "occurred_until", required=False, forms=forms),
        "reported_at": moment_sql(t, "reported_at", required=False, forms=forms),
        "date_precision": int_sql(t, "date_precision", low=0, high=5, required=False),
        "location_precision": int_sql(t, "location_precision", low=1, high=7, required=False),
        "credibility": int_sql(t, "credibility", low=0, high=6, required=False),
        # one letter A-F, either case ('' reads as F); anything else: the row parser
        "reliability": ("''", "TRUE")
        if reliability is None
        else (
            f"coalesce(upper({reliability}), '')",
            f"({reliability} IS NULL OR regexp_full_match({reliability}, '[A-Fa-f]'))",
        ),
    }
    parts["latitude"], parts["longitude"] = coordinates_sql(t, "latitude", "longitude")
    for name in COUNTS:
        parts[name] = int_sql(t, name, low=0, high=10**9, required=False)
    for name, limit, lowered in TEXTS:
        parts[name] = text_sql(t, name, limit, lowered=lowered)
    # ``hxl._category``: our code if given (exactly), else the ACLED pair without interactions
    names = ("acled_event_type", "acled_sub_event_type", "actor1", "actor2")
    pieces, pair = category_parts([*(parts[n][0] for n in names), "''", "''"], categories)
    parts.update(pieces)
    codes = ", ".join(f"{literal(c)}: {int(pk)}" for c, pk in categories.ids.items())
    ours = f"MAP {{{codes}}}[v_category]" if codes else "NULL::BIGINT"
    category = f"(CASE WHEN v_category <> '' THEN {ours} ELSE {pair} END)"
    fields = {
        "title": "CASE WHEN v_title <> '' THEN v_title WHEN v_category_name <> '' "
        "THEN v_category_name ELSE v_reference END",
        "description": "v_description",
        "category_id": category,
        "occurred_at": iso_utc("v_occurred_at"),
        "occurred_until": iso_utc("v_occurred_until"),
        "date_precision": "CASE WHEN coalesce(v_date_precision, 0) = 0 THEN 1 "
        "ELSE v_date_precision END",
        "reported_at": iso_utc("coalesce(v_reported_at, v_occurred_at)"),
        "latitude": "v_latitude",
        "longitude": "v_longitude",
        "location_precision": "v_location_precision",
        "location_name": "v_location_name",
        "admin1": "v_admin1",
        "admin2": "v_admin2",
        "actor1": "v_actor1",
        "actor2": "v_actor2",
        **{name: f"coalesce(v_{name}, 0)" for name in COUNTS},
        "source_reference": "CASE WHEN v_source_reference <> '' THEN v_source_reference "
        "ELSE v_source END",
        "reliability": "CASE WHEN v_reliability = '' THEN 'F' ELSE v_reliability END",
        "credibility": "CASE WHEN coalesce(v_credibility, 0) = 0 THEN 6 ELSE v_credibility END",
    }
    document = json_object({"i": "v_reference", "f": json_object(fields)})
    return Query(t, parts, also_plain=(f"{category} IS NOT NULL",), outputs=[document])
