"""Import ACLED exports as incidents of one mission.

``event_id_cnty`` is the idempotency key. Event and sub-event types map to the JOC taxonomy
through each category's ``acled_in`` list (see ``operations.catalogue``), with two refinements:
an armed clash with no state forces on either side is a non-state clash, and a battle or
explosion whose second actor is a UN force is an attack on UN personnel (Capstone §3.1).
ACLED's ``time_precision`` and ``geo_precision`` are translated to the GED scales we keep.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from bluehelmet.core.types import Actor
from bluehelmet.interop.countries import iso3_for_name, iso3_for_numeric
from bluehelmet.interop.importers.base import ImportReport, read_header
from bluehelmet.interop.importers.columnar import (
    ColumnarUnavailable,
    LineNumbers,
    document_fields,
    has_nul,
)
from bluehelmet.interop.importers.columnar_acled import UN_FORCES, acled_query
from bluehelmet.interop.importers.incidents import (
    DatasetSpec,
    ProgressCallback,
    RowRejected,
    coordinates,
    import_csv_file,
    import_in_columns,
    integer,
    moment,
    text,
)
from bluehelmet.operations.catalogue import ACLED_STATE_ACTOR, BATTLES, EXPLOSIONS
from bluehelmet.operations.models import DatePrecision, IncidentCategory, LocationPrecision

DATASET = "acled"
REQUIRED = (
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "latitude",
    "longitude",
    "fatalities",
)
TIME_PRECISION = {1: DatePrecision.DAY, 2: DatePrecision.WEEK, 3: DatePrecision.MONTH}
GEO_PRECISION = {1: LocationPrecision.EXACT, 2: LocationPrecision.NEAR, 3: LocationPrecision.ADMIN1}


class AcledCategories:
    """(event_type, sub_event_type) -> category id, from the taxonomy in the database."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.pairs: dict[tuple[str, str], str] = {}
        for category in IncidentCategory.objects.all():
            self.ids[category.code] = category.pk
            for pair in category.acled_in or []:
                if isinstance(pair, list | tuple) and len(pair) == 2:
                    self.pairs[str(pair[0]).lower(), str(pair[1]).lower()] = category.code

    def for_row(self, row: dict[str, Any]) -> int:
        return self.category_id(
            text(row, "event_type", 60),
            text(row, "sub_event_type", 60),
            text(row, "actor1", 200),
            text(row, "actor2", 200),
            text(row, "inter1", 40),
            text(row, "inter2", 40),
        )

    def category_id(
        self, event: str, sub: str, actor1: str, actor2: str, inter1: str, inter2: str
    ) -> int:
        """The category of an event, from its values as ``text`` reads them."""
        code = self.pairs.get((event.lower(), sub.lower()))
        if code is None:
            raise RowRejected(f"unknown ACLED event type {event!r} / {sub!r}")
        if event in {BATTLES, EXPLOSIONS} and _is_un(actor2):
            code = "attack-un-personnel"
        elif code == "clash-state" and not _state_forces_involved(actor1, actor2, inter1, inter2):
            code = "clash-non-state"
        if code not in self.ids:
            raise RowRejected(f"category {code} is not in the taxonomy")
        return self.ids[code]


def _is_un(actor: str) -> bool:
    name = actor.lower()
    return any(marker in name for marker in UN_FORCES)


def _state_forces_involved(actor1: str, actor2: str, inter1: str, inter2: str) -> bool:
    if {inter1.lower(), inter2.lower()} & ACLED_STATE_ACTOR:
        return True
    actors = f"{actor1} {actor2}".lower()
    return "military forces of" in actors or "police forces of" in actors


def _reported_at(row: dict[str, Any], default: datetime.datetime) -> datetime.datetime:
    stamp = integer(row, "timestamp", high=4_102_444_800)  # up to 2100
    if stamp is None:
        return default
    return datetime.datetime.fromtimestamp(stamp, tz=datetime.UTC)


def parse_acled_row(row: dict[str, Any], categories: AcledCategories) -> tuple[str, dict]:
    event_id = text(row, "event_id_cnty", 64)
    if not event_id:
        raise RowRejected("event_id_cnty is empty")
    occurred = moment(row, "event_date")
    assert occurred is not None
    precision = integer(row, "time_precision") or 1
    geo = integer(row, "geo_precision")
    fatalities = integer(row, "fatalities", required=True)
    lat, lon = coordinates(row, "latitude", "longitude")
    targeted = "civilian" in text(row, "civilian_targeting", 40).lower()
    sub_event, place = text(row, "sub_event_type", 60), text(row, "location", 200)
    fields = {
        "title": f"{sub_event} - {place}"[:200] if place else sub_event or event_id,
        "description": text(row, "notes", 10000),
        "category_id": categories.for_row(row),
        "occurred_at": occurred,
        "date_precision": _mapped(TIME_PRECISION, precision, "time_precision"),
        "reported_at": _reported_at(row, occurred),
        "latitude": lat,
        "longitude": lon,
        "location_precision": _mapped(GEO_PRECISION, geo, "geo_precision") if geo else None,
        "location_name": place,
        "admin1": text(row, "admin1", 120),
        "admin2": text(row, "admin2", 120),
        "actor1": text(row, "actor1", 200),
        "actor2": text(row, "actor2", 200),
        "killed": fatalities,
        "civilians_killed": fatalities if targeted else 0,
        "source_reference": text(row, "source", 2000),
        "reliability": "B",
        "credibility": 3,
    }
    return event_id, fields


# What ``parse_acled_row`` makes of the precisions the columnar reader lets through (0 to 3
# or empty): an empty or 0 time precision is a day (``or 1``), an empty or 0 geo one is none.
_PLAIN = (None, 0, 1, 2, 3)
TIME_PRECISION_OF: dict[int | None, int] = {p: int(TIME_PRECISION[p or 1]) for p in _PLAIN}
GEO_PRECISION_OF: dict[int | None, int | None] = {
    p: int(GEO_PRECISION[p]) if p else None for p in _PLAIN
}


def columnar_rows(path: Path, categories: AcledCategories) -> Iterator[tuple[int, Any, Any]]:
    """(record, row, parsed) for ``run_import``: for a plain row, ``parse_acled_row``'s result
    as ``columnar_acled`` built it in SQL (tests hold the two equal row by row) and the values
    ``host_iso3`` reads; for the others, None and the raw row for ``parse_acled_row``."""
    header = read_header(path, REQUIRED)
    query = acled_query(path, header, categories, TIME_PRECISION_OF, GEO_PRECISION_OF)
    for record, values, raw in query.rows():
        if values is None:
            yield record, raw, None
            continue
        external_id, fields, host = document_fields(values[0])
        yield record, host, (external_id, fields)


def _mapped(table: Mapping[int, int], value: int, column: str) -> int:
    if value not in table:
        raise RowRejected(f"{column} must be one of {sorted(table)}, not {value}")
    return int(table[value])


def host_iso3(row: dict[str, Any]) -> str | None:
    return iso3_for_numeric(text(row, "iso", 10)) or iso3_for_name(text(row, "country", 100))


def import_acled(
    path: Path,
    *,
    acting_user: Actor = None,
    show_progress: bool = False,
    create_missions: bool = False,
    mission_code: str | None = None,
    on_progress: ProgressCallback | None = None,
    dry_run: bool = False,
    strict: bool = False,
) -> ImportReport:
    categories = AcledCategories()
    spec = DatasetSpec(
        dataset=DATASET,
        source_name="ACLED",
        reliability="B",
        description="Armed Conflict Location & Event Data Project export.",
        parse=lambda row: parse_acled_row(row, categories),
        host_iso3=host_iso3,
    )
    options: dict[str, Any] = {
        "mission_code": mission_code,
        "create_missions": create_missions,
        "acting_user": acting_user,
        "on_progress": on_progress,
        "dry_run": dry_run,
        "strict": strict,
        "show_progress": show_progress,
    }

    def columnar() -> tuple[Iterator[tuple[int, Any, Any]], LineNumbers]:
        if has_nul(path):  # the row reader refuses the file with its line
            raise ColumnarUnavailable("NUL byte")
        return columnar_rows(path, categories), LineNumbers(path)

    return import_in_columns(
        spec,
        path,
        columnar,
        lambda: import_csv_file(spec, path, REQUIRED, "ACLED events", **options),
        **options,
    )
