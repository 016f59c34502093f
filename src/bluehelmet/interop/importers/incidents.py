"""Shared machinery of the incident importers (UCDP GED, ACLED, HXL): the target mission,
field parsers that raise only ``RowRejected``, and a batch writer that makes re-imports
idempotent by (mission, dataset, id in the dataset).

A row whose source values are unchanged since the last import is left alone (its stored hash
matches), so edits made in bluehelmet since (verification, sensitivity) survive a re-import.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from bluehelmet.core.audit import log_action
from bluehelmet.core.models import Mission
from bluehelmet.core.types import Actor
from bluehelmet.interop.countries import country_label
from bluehelmet.interop.importers.base import (
    ImportFailed,
    ImportReport,
    count_lines,
    progress,
    read_csv,
)
from bluehelmet.interop.importers.base import mission_code as normalise_code
from bluehelmet.interop.importers.missions import ensure_mission
from bluehelmet.operations.models import Incident, IncidentCategory, IncidentSource, SourceKind

BATCH_SIZE = 2000
PROGRESS_EVERY = 250  # rows between two ``on_progress`` calls

ProgressCallback = Callable[[int, int], None]


class RowRejected(ValueError):
    """The one error a row parser raises: the row is skipped and reported with its line."""


# -- field parsers -------------------------------------------------------------------------


def text(row: dict[str, Any], column: str, limit: int) -> str:
    value = row.get(column)
    return (value if isinstance(value, str) else "").strip()[:limit]


def integer(
    row: dict[str, Any], column: str, *, required: bool = False, low: int = 0, high: int = 10**9
) -> int | None:
    raw = text(row, column, 40)
    if raw in {"", "NA", "."}:
        if required:
            raise RowRejected(f"{column} is empty")
        return None
    try:
        number = float(raw)
    except ValueError:
        raise RowRejected(f"{column} is not a number: {raw!r}") from None
    if not math.isfinite(number) or number != int(number) or not low <= number <= high:
        raise RowRejected(f"{column} must be a whole number from {low} to {high}: {raw!r}")
    return int(number)


def coordinates(row: dict[str, Any], lat_col: str, lon_col: str) -> tuple[Any, Any]:
    raw_lat, raw_lon = text(row, lat_col, 40), text(row, lon_col, 40)
    if not raw_lat and not raw_lon:
        return None, None
    try:
        lat, lon = float(raw_lat), float(raw_lon)
    except ValueError:
        raise RowRejected(
            f"{lat_col}/{lon_col} are not numbers: {raw_lat!r}, {raw_lon!r}"
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):  # also refuses NaN
        raise RowRejected(f"coordinates out of range: {raw_lat}, {raw_lon}")
    return lat, lon


DATE_FORMATS = ("%d %B %Y", "%d-%B-%Y", "%d/%m/%Y")


def moment(row: dict[str, Any], column: str, *, required: bool = True) -> datetime.datetime | None:
    """ISO dates and date-times ('2009-02-20', '2009-02-20T00:00:00', '... 00:00:00.000'), or
    ACLED's '20 February 2009'; naive values are UTC."""
    raw = text(row, column, 40)
    if not raw:
        if required:
            raise RowRejected(f"{column} is empty")
        return None
    value = _parse_moment(raw)
    if value is None:
        raise RowRejected(f"{column} is not a date: {raw!r}")
    if not 1900 <= value.year <= 2100:
        raise RowRejected(f"{column} is outside 1900-2100: {raw!r}")
    return value if value.tzinfo else value.replace(tzinfo=datetime.UTC)


def _parse_moment(raw: str) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromisoformat(raw)
    except ValueError:
        pass
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(raw, pattern)
        except ValueError:
            continue
    return None


def choice(value: int | None, allowed: range, column: str) -> int | None:
    if value is not None and value not in allowed:
        raise RowRejected(f"{column} must be {allowed.start}-{allowed.stop - 1}, not {value}")
    return value


# -- target mission and source ------------------------------------------------------------


@dataclass
class Target:
    mission: Mission
    source: IncidentSource
    dataset: str


def resolve_mission(
    code: str | None,
    *,
    create: bool,
    iso3: str | None,
    report: ImportReport,
    line: int,
) -> Mission:
    """The ``--mission``; with ``--create`` a missing one is made, host country from the file."""
    if not code or not code.strip():
        raise ImportFailed("Name the mission these incidents belong to: --mission CODE.")
    code = normalise_code(code)
    mission = Mission.objects.filter(code=code).first()
    if mission is not None:
        return mission
    if not create:
        raise ImportFailed(f"Unknown mission {code}; add --create to make it from the file.")
    host = iso3 or "XXX"
    made = ensure_mission(
        code,
        host,
        country_label(host),
        "multidimensional",
        None,  # type: ignore[arg-type]  # a dataset of events says nothing about the mandate
        create=True,
        report=report,
        line=line,
    )
    if made is None:
        raise ImportFailed(report.rejected.pop().reason + ".")
    return made


def dataset_source(mission: Mission, name: str, reliability: str, description: str) -> Any:
    source, _created = IncidentSource.objects.get_or_create(
        mission=mission,
        name=name,
        defaults={
            "kind": SourceKind.DATASET,
            "reliability": reliability,
            "description": description,
        },
    )
    return source


def category_ids() -> dict[str, int]:
    ids = dict(IncidentCategory.objects.values_list("code", "id"))
    if not ids:
        raise ImportFailed("The incident taxonomy is not loaded; run `bluehelmet migrate`.")
    return ids


# -- batch writer ----------------------------------------------------------------------------


def fingerprint(fields: dict[str, Any]) -> str:
    payload = json.dumps(fields, sort_keys=True, default=str).encode()
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


class IncidentWriter:
    """Buffer parsed rows; every ``BATCH_SIZE`` create new incidents and update changed ones."""

    def __init__(self, target: Target, report: ImportReport) -> None:
        self.target = target
        self.report = report
        self.pending: list[tuple[str, dict[str, Any]]] = []
        self.seen: dict[str, int] = {}

    def add(self, line: int, external_id: str, fields: dict[str, Any]) -> None:
        if external_id in self.seen:
            self.report.reject(line, f"id {external_id} repeats line {self.seen[external_id]}")
            return
        self.seen[external_id] = line
        self.pending.append((external_id, fields))
        if len(self.pending) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        t = self.target
        existing = {
            ext: (pk, digest)
            for pk, ext, digest in Incident.objects.filter(
                mission=t.mission,
                source_dataset=t.dataset,
                external_id__in=[ext for ext, _ in self.pending],
            ).values_list("pk", "external_id", "import_hash")
        }
        new: list[Incident] = []
        changed: list[Incident] = []
        for external_id, fields in self.pending:
            digest = fingerprint(fields)
            current = existing.get(external_id)
            if current is not None and current[1] == digest:
                self.report.counts["incidents unchanged"] += 1
                continue
            incident = self._build(external_id, fields, digest, current[0] if current else None)
            (changed if current else new).append(incident)
        Incident.objects.bulk_create(new, batch_size=500)
        Incident.objects.bulk_update(
            changed, [*self._update_fields(), "updated_at"], batch_size=200
        )
        self.report.counts["incidents created"] += len(new)
        self.report.counts["incidents updated"] += len(changed)
        self.pending = []

    def _build(self, external_id: str, fields: dict[str, Any], digest: str, pk: Any) -> Incident:
        t = self.target
        incident = Incident(
            pk=pk,
            mission=t.mission,
            source=t.source,
            source_dataset=t.dataset,
            external_id=external_id,
            import_hash=digest,
            updated_at=timezone.now(),
            **fields,
        )
        incident.locate()
        return incident

    def _update_fields(self) -> list[str]:
        names: set[str] = set()
        for _ext, fields in self.pending:
            names.update(fields)
        return sorted(names | {"import_hash", "h3_r5", "h3_r7"})

    def finish(self, acting_user: Actor) -> None:
        self.flush()
        counts = self.report.counts
        if counts["incidents created"] or counts["incidents updated"]:
            log_action(
                "import_incidents",
                self.target.mission,
                acting_user=acting_user,
                before=None,
                after={
                    "dataset": self.target.dataset,
                    "created": counts["incidents created"],
                    "updated": counts["incidents updated"],
                },
                note=f"Imported from {self.report.source}",
            )


# -- the import loop -------------------------------------------------------------------------


@dataclass(frozen=True)
class DatasetSpec:
    """What differs between datasets: their label, how a row parses, where the host is."""

    dataset: str  # stored in Incident.source_dataset, part of the idempotency key
    source_name: str
    reliability: str
    description: str
    parse: Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]
    host_iso3: Callable[[dict[str, Any]], str | None]


def run_import(
    spec: DatasetSpec,
    rows: Iterable[tuple[int, dict[str, Any]]],
    report: ImportReport,
    *,
    mission_code: str | None,
    create: bool,
    acting_user: Actor,
    on_progress: ProgressCallback | None = None,
    total: int = 0,
) -> ImportReport:
    """Parse every row, reject the bad ones with their line, write the rest in batches; all in
    one transaction, so a file that fails half-way leaves nothing behind.

    ``on_progress(rows_done, rows_total)``, when given, is called every ``PROGRESS_EVERY`` rows
    and once at the end (``total`` is the caller's estimate, e.g. the file's line count)."""
    writer: IncidentWriter | None = None
    with transaction.atomic():
        for line, row in rows:
            report.rows += 1
            if on_progress is not None and report.rows % PROGRESS_EVERY == 0:
                on_progress(report.rows, max(total, report.rows))
            if writer is None:
                mission = resolve_mission(
                    mission_code, create=create, iso3=spec.host_iso3(row), report=report, line=line
                )
                source = dataset_source(
                    mission, spec.source_name, spec.reliability, spec.description
                )
                writer = IncidentWriter(Target(mission, source, spec.dataset), report)
            try:
                external_id, fields = spec.parse(row)
            except RowRejected as exc:
                report.reject(line, str(exc))
                continue
            writer.add(line, external_id, fields)
        if writer is None:
            raise ImportFailed(f"{report.source} holds no data rows.")
        writer.finish(acting_user)
    if on_progress is not None:
        on_progress(report.rows, report.rows)
    return report


def import_csv_file(
    spec: DatasetSpec,
    path: Any,
    required: Iterable[str],
    label: str,
    *,
    show_progress: bool,
    mission_code: str | None,
    create_missions: bool,
    acting_user: Actor,
    on_progress: ProgressCallback | None,
) -> ImportReport:
    """The whole of a CSV-based incident import: read, report progress, run, report."""
    report = ImportReport(source=path.name)
    total = count_lines(path)
    rows = progress(read_csv(path, required), total, label, show_progress)
    return run_import(
        spec,
        rows,
        report,
        mission_code=mission_code,
        create=create_missions,
        acting_user=acting_user,
        on_progress=on_progress,
        total=total,
    )
