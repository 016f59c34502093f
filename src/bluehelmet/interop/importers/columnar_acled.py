"""The columnar reader of ACLED exports (see ``columnar``): the columns ``acled.parse_acled_row``
reads, each in the plain forms ACLED writes it, checked in one DuckDB query, which also builds a
plain row's fields (category included) as one JSON document; any row not plain in every column
goes to ``parse_acled_row`` with its raw values.

The category is ``AcledCategories.for_row``'s, in SQL (``category_parts``), on lower-cased text
(see ``columnar.LOWERED_APART`` for why that is the row parser's too).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bluehelmet.interop.importers.columnar import (
    DAY_MONTH_YEAR,
    ISO_UTC,
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
from bluehelmet.operations.catalogue import ACLED_STATE_ACTOR, BATTLES, EXPLOSIONS

UN_FORCES = ("united nations", "minusca", "monusco", "minusma", "unmiss", "unisfa", "unifil")
# (value name, ACLED column, limit, lower-cased by the category): the text columns, with the
# limits of ``parse_acled_row`` and ``AcledCategories.for_row`` (plain: nothing is cut).
TEXTS = (
    ("event_id", "event_id_cnty", 64, False),
    ("targeting", "civilian_targeting", 40, True),
    ("sub_event", "sub_event_type", 60, True),
    ("place", "location", 200, False),
    ("notes", "notes", 10000, False),
    ("event", "event_type", 60, True),
    ("actor1", "actor1", 200, True),
    ("actor2", "actor2", 200, True),
    ("inter1", "inter1", 40, True),
    ("inter2", "inter2", 40, True),
    ("admin1", "admin1", 120, False),
    ("admin2", "admin2", 120, False),
    ("source", "source", 2000, False),
    ("iso", "iso", 10, False),
    ("country", "country", 100, False),
)
LATEST_STAMP = 4_102_444_800  # 2100-01-01, as ``acled._reported_at``


def v(name: str) -> str:
    """A part's value in ``Query`` outputs."""
    return f"v_{name}"


def category_parts(texts: Sequence[str], categories: Any) -> tuple[dict[str, Part], str]:
    """``AcledCategories.category_id`` of the texts (SQL over raw columns): the parts that
    compute its pieces once per row, and the SQL of the id over their values, NULL where the
    method raises RowRejected (those rows go to the row parser, which says why). ``texts``:
    the SQL of event, sub-event, actor1, actor2, inter1, inter2; ``categories``: the method's
    ``pairs`` and ``ids``."""
    event, sub, actor1, actor2, inter1, inter2 = texts
    pairs = {
        f"{literal(e)} || chr(31) || {literal(s)}": literal(code)
        for (e, s), code in categories.pairs.items()
        if "\x1f" not in e + s  # one separator: the lower-cased pair is the key, or no key is
    }
    if not pairs or not categories.ids:
        return {}, "NULL::BIGINT"
    lookup = "MAP {" + ", ".join(f"{k}: {w}" for k, w in pairs.items()) + "}"
    ids = "MAP {" + ", ".join(f"{literal(c)}: {int(pk)}" for c, pk in categories.ids.items()) + "}"
    states = ", ".join(literal(code) for code in sorted(ACLED_STATE_ACTOR))
    parts: dict[str, Part] = {
        "acled_pair": (f"{lookup}[lower({event}) || chr(31) || lower({sub})]", "TRUE"),
        "acled_battle": (f"{event} IN ({literal(BATTLES)}, {literal(EXPLOSIONS)})", "TRUE"),
        "acled_un": (f"regexp_matches(lower({actor2}), {any_of(UN_FORCES)})", "TRUE"),
        "acled_state": (
            f"(lower({inter1}) IN ({states}) OR lower({inter2}) IN ({states}) OR "
            f"regexp_matches(lower({actor1} || ' ' || {actor2}), "
            f"{any_of(('military forces of', 'police forces of'))}))",
            "TRUE",
        ),
    }
    code = (
        "(CASE WHEN v_acled_pair IS NULL THEN NULL "
        "WHEN v_acled_battle AND v_acled_un THEN 'attack-un-personnel' "
        "WHEN v_acled_pair = 'clash-state' AND NOT v_acled_state THEN 'clash-non-state' "
        "ELSE v_acled_pair END)"
    )
    return parts, f"{ids}[{code}]"


def any_of(words: Sequence[str]) -> str:
    """A regular expression (SQL literal) found where one of ``words`` is (as ``in``)."""
    return literal("|".join(f"\\Q{w}\\E" for w in words))


def acled_query(
    path: Path,
    header: list[str],
    categories: Any,
    time_precision: Mapping[int | None, int],
    geo_precision: Mapping[int | None, int | None],
) -> Query:
    """Per plain row one JSON document: {"i": event id, "f": ``parse_acled_row``'s fields (the
    dates as text), "h": the columns ``acled.host_iso3`` reads}."""
    t = Table.for_header(path, header)
    lat, lon = coordinates_sql(t, "latitude", "longitude")
    stamp, stamp_plain = int_sql(t, "timestamp", low=0, high=LATEST_STAMP, required=False)
    parts: dict[str, Part] = {
        "occurred": moment_sql(t, "event_date", required=True, forms=(ISO_UTC, DAY_MONTH_YEAR)),
        # 0 or empty: a day (``or 1``); 1-3 map to our scales; anything else: the row parser
        "time_precision": int_sql(t, "time_precision", low=0, high=3, required=False),
        "geo_precision": int_sql(t, "geo_precision", low=0, high=3, required=False),
        "fatalities": int_sql(t, "fatalities", low=0, high=10**9, required=True),
        "lat": lat,
        "lon": lon,
        # seconds since 1970 as a naive UTC TIMESTAMP (``datetime.fromtimestamp(s, UTC)``)
        "reported": (
            f"CASE WHEN {stamp} IS NULL THEN NULL ELSE make_timestamp({stamp} * 1000000) END",
            stamp_plain,
        ),
    }
    texts = {
        name: text_sql(t, column, limit, required=name == "event_id", lowered=lowered)
        for name, column, limit, lowered in TEXTS
    }
    parts.update(texts)
    names = ("event", "sub_event", "actor1", "actor2", "inter1", "inter2")
    pieces, category = category_parts([texts[n][0] for n in names], categories)
    parts.update(pieces)
    place, sub = v("place"), v("sub_event")
    fields = {
        "title": f"CASE WHEN {place} <> '' THEN left({sub} || ' - ' || {place}, 200) "
        f"WHEN {sub} <> '' THEN {sub} ELSE {v('event_id')} END",
        "description": v("notes"),
        "category_id": category,
        "occurred_at": iso_utc(v("occurred")),
        "date_precision": mapped(v("time_precision"), time_precision),
        "reported_at": iso_utc(f"coalesce({v('reported')}, {v('occurred')})"),
        "latitude": v("lat"),
        "longitude": v("lon"),
        "location_precision": mapped(v("geo_precision"), geo_precision),
        "location_name": place,
        "admin1": v("admin1"),
        "admin2": v("admin2"),
        "actor1": v("actor1"),
        "actor2": v("actor2"),
        "killed": v("fatalities"),
        "civilians_killed": f"CASE WHEN contains(lower({v('targeting')}), 'civilian') "
        f"THEN {v('fatalities')} ELSE 0 END",
        "source_reference": v("source"),
        "reliability": "'B'",
        "credibility": "3",
    }
    document = json_object(
        {
            "i": v("event_id"),
            "f": json_object(fields),
            "h": json_object({"iso": v("iso"), "country": v("country")}),
        }
    )
    return Query(t, parts, also_plain=(f"{category} IS NOT NULL",), outputs=[document])


def mapped(value: str, table: Mapping[int | None, int | None]) -> str:
    """A precision through ``table`` (its None entry for NULL)."""
    cases = " ".join(f"WHEN {int(k)} THEN {_sql(w)}" for k, w in table.items() if k is not None)
    otherwise = _sql(table[None])
    return f"(CASE WHEN {value} IS NULL THEN {otherwise} ELSE (CASE {value} {cases} END) END)"


def _sql(value: int | None) -> str:
    return "NULL" if value is None else str(int(value))
