"""Import UCDP Georeferenced Event Dataset (GED) events as incidents of one mission.

One GED row is one event of organised violence with at least one death (UCDP GED codebook
23.1). The GED ``id`` is the idempotency key (``relid`` is 0 throughout some extracts);
``date_prec`` and ``where_prec`` are kept as they are; ``best`` is the killed figure and
``low``/``high`` its range. The JOC sees these as open-source reporting (Capstone §7.2).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bluehelmet.core.types import Actor
from bluehelmet.interop.countries import iso3_for_gw, iso3_for_name
from bluehelmet.interop.importers.base import ImportReport, read_header
from bluehelmet.interop.importers.columnar import (
    ColumnarUnavailable,
    LineNumbers,
    aware,
    ged_records,
    has_nul,
)
from bluehelmet.interop.importers.incidents import (
    DatasetSpec,
    ProgressCallback,
    RowRejected,
    category_ids,
    choice,
    coordinates,
    import_csv_file,
    import_in_columns,
    integer,
    moment,
    text,
    widened_range,
)
from bluehelmet.operations.catalogue import GED_IN

DATASET = "ucdp-ged"
REQUIRED = (
    "id",
    "type_of_violence",
    "date_prec",
    "date_start",
    "date_end",
    "where_prec",
    "best",
    "latitude",
    "longitude",
    "country",
)
CLARITY_TO_CREDIBILITY = {1: 2, 2: 3}  # clear event -> probably true; unclear -> possibly true


def parse_ged_row(row: dict[str, Any], categories: dict[str, int]) -> tuple[str, dict[str, Any]]:
    """(GED id, Incident field values) for one row, or ``RowRejected`` with the reason."""
    event_id = integer(row, "id", required=True, high=10**15)
    violence = choice(
        integer(row, "type_of_violence", required=True), range(1, 4), "type_of_violence"
    )
    start = moment(row, "date_start")
    end = moment(row, "date_end", required=False)
    if start is not None and end is not None and end < start:
        raise RowRejected("date_end is before date_start")
    lat, lon = coordinates(row, "latitude", "longitude")
    best = integer(row, "best", required=True)
    low, high = integer(row, "low"), integer(row, "high")
    low, high = widened_range(best, low, high)  # UCDP's own figures, kept (see there)
    clarity = integer(row, "event_clarity")
    fields = {
        "title": _title(row, event_id),
        "description": _description(row),
        "category_id": categories[GED_IN[violence or 1]],
        "occurred_at": start,
        "occurred_until": end,
        "date_precision": choice(
            integer(row, "date_prec", required=True), range(1, 6), "date_prec"
        ),
        "reported_at": end or start,
        "latitude": lat,
        "longitude": lon,
        "location_precision": choice(integer(row, "where_prec"), range(1, 8), "where_prec"),
        "location_name": text(row, "where_coordinates", 200),
        "admin1": text(row, "adm_1", 120),
        "admin2": text(row, "adm_2", 120),
        "actor1": text(row, "side_a", 200),
        "actor2": text(row, "side_b", 200),
        "killed": best,
        "killed_low": low,
        "killed_high": high,
        "civilians_killed": integer(row, "deaths_civilians") or 0,
        "source_reference": text(row, "source_article", 10000),
        "reliability": "B",
        "credibility": CLARITY_TO_CREDIBILITY.get(clarity or 0, 6),
    }
    return str(event_id), fields


def ged_fields(v: dict[str, Any], categories: dict[str, int]) -> tuple[str, dict[str, Any]]:
    """``parse_ged_row``'s result from the values ``columnar`` read and checked in columns (a
    test holds the two equal on the real files)."""
    low, high = widened_range(v["best"], v["low"], v["high"])
    start, end = aware(v["start"]), aware(v["end"])
    description = "\n".join(p for p in (v["conflict_long"], v["where_desc"], v["headline"]) if p)
    fields = {
        "title": (v["dyad"] or v["conflict"] or f"UCDP GED event {v['id']}")[:200],
        "description": description,
        "category_id": categories[GED_IN[v["violence"]]],
        "occurred_at": start,
        "occurred_until": end,
        "date_precision": v["date_prec"],
        "reported_at": end or start,
        "latitude": v["lat"],
        "longitude": v["lon"],
        "location_precision": v["where_prec"],
        "location_name": v["place"],
        "admin1": v["adm1"],
        "admin2": v["adm2"],
        "actor1": v["side_a"],
        "actor2": v["side_b"],
        "killed": v["best"],
        "killed_low": low,
        "killed_high": high,
        "civilians_killed": v["civilians"] or 0,
        "source_reference": v["article"],
        "reliability": "B",
        "credibility": CLARITY_TO_CREDIBILITY.get(v["clarity"] or 0, 6),
    }
    return str(v["id"]), fields


def columnar_rows(path: Path, categories: dict[str, int]) -> Iterator[tuple[int, Any, Any]]:
    """(record, row, parsed) for ``run_import``: parsed in columns where the row is plain,
    else None and the raw row for ``parse_ged_row``."""
    header = read_header(path, REQUIRED)
    for record, plain, values in ged_records(path, header):
        yield record, values, ged_fields(values, categories) if plain else None


def _title(row: dict[str, Any], event_id: int | None) -> str:
    name = text(row, "dyad_name", 160) or text(row, "conflict_name", 160)
    return (name or f"UCDP GED event {event_id}")[:200]


def _description(row: dict[str, Any]) -> str:
    parts = [
        text(row, "conflict_name", 300),
        text(row, "where_description", 500),
        text(row, "source_headline", 1000),
    ]
    return "\n".join(p for p in parts if p)


def host_iso3(row: dict[str, Any]) -> str | None:
    """GED names the country and gives its Gleditsch-Ward code (``country_id``)."""
    return iso3_for_name(text(row, "country", 100)) or iso3_for_gw(text(row, "country_id", 10))


def import_ged(
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
    categories = category_ids()
    spec = ged_spec(categories)
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
        lambda: import_csv_file(spec, path, REQUIRED, "GED events", **options),
        **options,
    )


def ged_spec(categories: dict[str, int]) -> DatasetSpec:
    return DatasetSpec(
        dataset=DATASET,
        source_name="UCDP GED",
        reliability="B",
        description="UCDP Georeferenced Event Dataset (Uppsala Conflict Data Program).",
        parse=lambda row: parse_ged_row(row, categories),
        host_iso3=host_iso3,
    )
