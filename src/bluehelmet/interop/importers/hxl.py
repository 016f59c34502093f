"""Import HXL-tagged incident tables (Humanitarian Exchange Language) through libhxl.

Columns are found by hashtag, whatever their header text: ``#event+code`` (the idempotency
key), ``#date+occurred``, the category as ``#event+type+code`` (ours) or as the ACLED pair
``#event+type`` / ``#event+type+sub``, ``#group+name+first`` / ``+second``, ``#affected+killed``
and the other hashtags our HXL export writes (``operations.export.COLUMNS``).

Files are read in columns (``columnar_hxl``: libhxl finds the hashtag row, DuckDB reads the
rows), and row by row through libhxl where DuckDB cannot read them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from bluehelmet.core.types import Actor
from bluehelmet.interop.importers.acled import AcledCategories
from bluehelmet.interop.importers.base import (
    ImportFailed,
    ImportReport,
    count_lines,
    progress,
    refuse_nul,
)
from bluehelmet.interop.importers.columnar import document_fields
from bluehelmet.interop.importers.columnar_hxl import COUNTS, check_lines, hxl_layout, hxl_query
from bluehelmet.interop.importers.incidents import (
    DatasetSpec,
    ProgressCallback,
    RowRejected,
    check_readable,
    choice,
    coordinates,
    import_in_columns,
    integer,
    moment,
    run_import,
    text,
)
from bluehelmet.operations.export import COLUMNS
from bluehelmet.operations.models import Reliability

DATASET = "hxl"
REQUIRED = ("#event+code", "#date+occurred")


def normalise(tag: str) -> str:
    """'#Affected +Killed+civilians' -> '#affected+civilians+killed' (attribute order-free)."""
    parts = [p.strip().lower() for p in tag.split("+") if p.strip()]
    return "+".join(parts[:1] + sorted(parts[1:])) if parts else ""


KEY = {c.name: normalise(c.hxl) for c in COLUMNS}  # our column name -> normalised hashtag


def read_hxl(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, {column name: value}) for each data row, columns named as in our exports."""
    import hxl  # libhxl brings structlog and requests: loaded only to read a file

    try:
        source = hxl.data(str(path), hxl.InputOptions(allow_local=True))
        tags = [c.display_tag or "" for c in source.columns]
    except (hxl.HXLException, OSError, UnicodeDecodeError) as exc:
        raise ImportFailed(f"{path.name} is not an HXL-tagged table ({exc}).") from exc
    positions = column_positions(path, tags)
    try:
        for row in source:
            line, values = int(row.source_row_number) + 1, row.values
            refuse_nul(path.name, line, values)
            record = {
                name: (values[i] if i < len(values) and values[i] is not None else "")
                for name, i in positions.items()
            }
            yield line, record
    except (hxl.HXLException, UnicodeDecodeError) as exc:
        raise ImportFailed(f"{path.name}: {exc}.") from exc


def column_positions(path: Path, tags: Sequence[str]) -> dict[str, int]:
    """Our column name -> the file's column with its hashtag (the first, if repeated)."""
    normalised = [normalise(t) for t in tags]
    missing = [t for t in REQUIRED if normalise(t) not in normalised]
    if missing:
        raise ImportFailed(f"{path.name} lacks the hashtags: {', '.join(missing)}.")
    wanted = {tag: name for name, tag in KEY.items()}
    return {wanted[t]: i for i, t in reversed(list(enumerate(normalised))) if t in wanted}


def _category(row: dict[str, Any], categories: AcledCategories) -> int:
    code = text(row, "category", 40)
    if code:
        if code not in categories.ids:
            raise RowRejected(f"unknown incident category {code!r}")
        return categories.ids[code]
    acled_row = {
        "event_type": row.get("acled_event_type", ""),
        "sub_event_type": row.get("acled_sub_event_type", ""),
        "actor1": row.get("actor1", ""),
        "actor2": row.get("actor2", ""),
    }
    return categories.for_row(acled_row)


def _count(row: dict[str, Any], name: str) -> int:
    return integer(row, name) or 0


def parse_hxl_row(row: dict[str, Any], categories: AcledCategories) -> tuple[str, dict]:
    reference = text(row, "reference", 64)
    if not reference:
        raise RowRejected("#event+code is empty")
    occurred = moment(row, "occurred_at")
    lat, lon = coordinates(row, "latitude", "longitude")
    reliability = text(row, "reliability", 1).upper() or Reliability.F
    if reliability not in Reliability.values:
        raise RowRejected(f"#meta+reliability must be A-F, not {reliability!r}")
    fields = {
        "title": text(row, "title", 200) or text(row, "category_name", 200) or reference,
        "description": text(row, "description", 10000),
        "category_id": _category(row, categories),
        "occurred_at": occurred,
        "occurred_until": moment(row, "occurred_until", required=False),
        "date_precision": choice(integer(row, "date_precision") or 1, range(1, 6), "precision"),
        "reported_at": moment(row, "reported_at", required=False) or occurred,
        "latitude": lat,
        "longitude": lon,
        "location_precision": choice(integer(row, "location_precision"), range(1, 8), "precision"),
        "location_name": text(row, "location_name", 200),
        "admin1": text(row, "admin1", 120),
        "admin2": text(row, "admin2", 120),
        "actor1": text(row, "actor1", 200),
        "actor2": text(row, "actor2", 200),
        **{name: _count(row, name) for name in COUNTS},
        "source_reference": text(row, "source_reference", 10000) or text(row, "source", 200),
        "reliability": reliability,
        "credibility": choice(integer(row, "credibility") or 6, range(1, 7), "credibility"),
    }
    return reference, fields


def columnar_rows(
    path: Path, categories: AcledCategories
) -> tuple[Iterator[tuple[int, Any, Any]], Callable[[int], int]]:
    """(record, row, parsed) items for ``run_import`` and their record -> line map (libhxl's
    numbers: the hashtag row's, plus the record's). For a plain row, ``parse_hxl_row``'s
    result as ``columnar_hxl`` built it in SQL (tests hold the two equal row by row); for the
    others, None and the raw row. ``ColumnarUnavailable`` for a file DuckDB does not read as
    libhxl reads it."""
    check_lines(path)
    layout = hxl_layout(path)
    query = hxl_query(path, layout, column_positions(path, layout.tags), categories)

    def items() -> Iterator[tuple[int, Any, Any]]:
        for record, values, raw in query.rows():
            if values is None:
                yield record, raw, None
                continue
            external_id, fields, _host = document_fields(values[0])
            yield record, {}, (external_id, fields)

    return items(), lambda record: record + layout.skip


def import_hxl(
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
        source_name="HXL import",
        reliability=Reliability.F,
        description="Incidents read from an HXL-tagged table.",
        parse=lambda row: parse_hxl_row(row, categories),
        host_iso3=lambda row: None,
    )

    def row_reader() -> ImportReport:
        report = ImportReport(source=path.name)
        total = count_lines(path)
        check_readable(read_hxl(path))  # refused whole before any write (see ``run_import``)
        rows = progress(read_hxl(path), total, "HXL rows", show_progress)
        return run_import(
            spec,
            rows,
            report,
            mission_code=mission_code,
            create=create_missions,
            acting_user=acting_user,
            on_progress=on_progress,
            total=total,
            dry_run=dry_run,
            strict=strict,
        )

    return import_in_columns(
        spec,
        path,
        lambda: columnar_rows(path, categories),
        row_reader,
        mission_code=mission_code,
        create_missions=create_missions,
        acting_user=acting_user,
        on_progress=on_progress,
        dry_run=dry_run,
        strict=strict,
        show_progress=show_progress,
    )
