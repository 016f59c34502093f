"""Shared machinery of the incident importers (UCDP GED, ACLED, HXL): the target mission,
field parsers that raise only ``RowRejected``, and a batch writer that makes re-imports
idempotent by (mission, dataset, id in the dataset).

A row whose source values are unchanged since the last import is left alone (its stored hash
matches), so edits made in bluehelmet since (verification, sensitivity) survive a re-import.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.audit import log_action, log_updates
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.types import Actor
from bluehelmet.core.validators import in_date_range
from bluehelmet.interop.countries import country_label
from bluehelmet.interop.importers.base import (
    ImportFailed,
    ImportReport,
    count_lines,
    progress,
    read_csv,
)
from bluehelmet.interop.importers.base import mission_code as normalise_code
from bluehelmet.interop.importers.columnar import ColumnarUnavailable, LineNumbers
from bluehelmet.interop.importers.missions import ensure_mission
from bluehelmet.interop.importers.preview import PreviewSummary
from bluehelmet.interop.importers.writer import (
    IncidentRows,
    batch_incident_ids,
    discard,
    fill_admin1,
    fingerprint,
    insert_rows,
    open_batch,
    renew,
)
from bluehelmet.operations.models import (
    Incident,
    IncidentCategory,
    IncidentImportBatch,
    IncidentSource,
    SourceKind,
)

# Rows per write transaction: a batch of 5,000 holds SQLite's write lock about 0.25 s with
# 300,000 incidents stored (2,000: 0.13 s, 10,000: 0.46 s), and fewer, larger batches rewrite
# fewer index pages (see ``writer.SQLITE_IMPORT_CACHE_KB``).
BATCH_SIZE = 5000
PROGRESS_EVERY = 250  # rows between two ``on_progress`` calls

ProgressCallback = Callable[[int, int], None]


class RowRejected(ValueError):
    """The one error a row parser raises: the row is skipped and reported with its line."""


# Says nothing of the stored record: not its sensitivity, values, or whether the row matches.
OUT_OF_REACH = _("an existing record with this id is outside what you may change")


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
    if not in_date_range(value):  # the one range of API, forms and imports
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


def fatality_range(best: int | None, low: int | None, high: int | None) -> None:
    """The one range rule of the API and forms: low <= high, and the best estimate inside."""
    if low is not None and high is not None and low > high:
        raise RowRejected(f"killed low estimate {low} is above the high estimate {high}")
    if best is not None and (
        (low is not None and best < low) or (high is not None and best > high)
    ):
        raise RowRejected(
            f"killed best estimate {best} is outside its low-high range "
            f"{'' if low is None else low}-{'' if high is None else high}"
        )


def widened_range(
    best: int | None, low: int | None, high: int | None
) -> tuple[int | None, int | None]:
    """A producer's own estimates made coherent: the low-high range widened to hold every
    figure given. UCDP's GED has events whose best estimate lies outside their low-high range
    (20 of the 1,848 in the CAR file of release 23.1, 15 with low above high); the event is
    real and its best estimate is what counts, so the event is kept rather than rejected.
    People typing figures get the strict rule (``fatality_range``, the model's ``clean``)."""
    given = [v for v in (best, low, high) if v is not None]
    if low is None or high is None or not given:
        return low, high
    return min(given), max(given)


# -- target mission and source ------------------------------------------------------------


@dataclass
class Target:
    mission: Mission
    source: IncidentSource | None  # None in a dry run before the source exists
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


def refuse_adding(acting_user: Actor, mission: Mission) -> None:
    """A user's import adds incidents: the CLI's ``--as`` is held to the page's rule."""
    if acting_user is not None and not user_can(acting_user, Action.ADD, mission.pk):
        raise ImportFailed(
            _("Your role does not add incidents to %(code)s.") % {"code": mission.code}
        )


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


class IncidentWriter:
    """Buffer parsed rows; every ``BATCH_SIZE`` classify them against the stored incidents,
    write the new ones hidden in the import's open batch (``writer``) and keep the changed ones
    for ``publish``, which shows the new, applies the changed and audits, in one transaction.

    A user's import updates only the matched incidents that user may change at their
    clearance; every other match is a rejected row whose reason says nothing of the record
    (not even whether the file's values equal it). The system (``acting_user`` None) may
    update all. Each update is audited with the record's values before and after."""

    def __init__(
        self,
        target: Target,
        report: ImportReport,
        acting_user: Actor = None,
        *,
        dry_run: bool = False,
        preview: PreviewSummary | None = None,
    ) -> None:
        self.target = target
        self.report = report
        self.acting_user = acting_user
        self.dry_run = dry_run  # classify the rows as new, changed or unchanged; write nothing
        self.preview = preview
        self.pending: list[tuple[int, str, dict[str, Any]]] = []
        self.seen: dict[str, int] = {}
        self.changes: dict[Any, tuple[str, dict[str, Any], str]] = {}
        self.created = 0
        self.audited = 0
        self.batch: IncidentImportBatch | None = None
        self.rows: IncidentRows | None = None
        self.line_of: Callable[[int], int] = int  # a columnar reader's record -> line

    def add(self, line: int, external_id: str, fields: dict[str, Any]) -> None:
        if external_id in self.seen:
            first = self.line_of(self.seen[external_id])
            self.report.reject(self.line_of(line), f"id {external_id} repeats line {first}")
            return
        self.seen[external_id] = line
        fill_admin1(self.target.mission, fields)
        self.pending.append((line, external_id, fields))
        if len(self.pending) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        """Classify the buffered rows; write the new ones (one short transaction)."""
        if not self.pending:
            return
        existing = self._existing()
        new: list[Sequence[Any]] = []
        for line, external_id, fields in self.pending:
            current = existing.get(external_id)
            digest = fingerprint(fields)
            if current is not None and not self._may_touch(current, digest):
                self.report.reject(self.line_of(line), str(OUT_OF_REACH))
            elif current is not None and current[1] == digest:
                self.report.counts["incidents unchanged"] += 1
            elif current is not None:
                self.changes[current[0]] = (external_id, fields, digest)
            elif self.dry_run:
                new.append(())
            else:
                new.append(self._row_maker().row(external_id, fields, digest))
        self.pending = []
        if self.dry_run or not new:
            self.created += len(new)
            return
        with transaction.atomic():
            rows = self._row_maker()
            insert_rows(rows.columns, new, rows.types)
            renew(self._batch())
        self.created += len(new)

    def _batch(self) -> IncidentImportBatch:
        if self.batch is None:
            self.batch = open_batch(self.target.mission, self.report.source)
        return self.batch

    def _row_maker(self) -> IncidentRows:
        if self.rows is None:
            t = self.target
            self.rows = IncidentRows(
                {
                    "mission_id": t.mission.pk,
                    "source_id": t.source.pk if t.source else None,
                    "source_dataset": t.dataset,
                    "import_batch": self._batch().pk,
                }
            )
        return self.rows

    def _existing(self) -> dict[str, tuple[Any, str, int]]:
        """external id -> (pk, import hash, sensitivity) of this batch's stored incidents."""
        t = self.target
        if t.mission.pk is None:  # a dry run for a mission the import would create
            return {}
        # No ORDER BY: with the model's newest-first order SQLite reads the mission's whole
        # time index for each batch instead of looking the ids up in ``incident_dataset_id``.
        rows = (
            Incident.objects.filter(
                mission=t.mission,
                source_dataset=t.dataset,
                external_id__in=[ext for _line, ext, _fields in self.pending],
            )
            .order_by()
            .values_list("external_id", "pk", "import_hash", "sensitivity")
        )
        return {ext: (pk, digest, sensitivity) for ext, pk, digest, sensitivity in rows}

    def _may_touch(self, current: tuple[Any, str, int], digest: str) -> bool:
        """May this import change the stored incident, or (for one the user sees but may not
        change) report it unchanged? A record the user cannot see is never compared."""
        user, mission_id, sensitivity = self.acting_user, self.target.mission.pk, current[2]
        if user is None or user_can(user, Action.CHANGE, mission_id, sensitivity):
            return True
        return current[1] == digest and user_can(user, Action.VIEW, mission_id, sensitivity)

    def _update(self) -> None:
        """Load the incidents to change (their loaded values are the audit's "before"), apply
        the file's values, write them in bulk and log one entry per incident."""
        updates = self.changes
        if not updates:
            return
        changed = list(Incident.objects.filter(pk__in=list(updates)).order_by())
        self.report.updated_ids.extend(incident.pk for incident in changed)
        before = [incident.loaded_snapshot() for incident in changed]
        for incident in changed:
            _external_id, fields, digest = updates[incident.pk]
            self._apply(incident, fields, digest)
        names = sorted({name for _ext, fields, _d in updates.values() for name in fields})
        Incident.objects.bulk_update(
            changed,
            [*names, "import_hash", "h3_r5", "h3_r7", "updated_at"],
            batch_size=200,
        )
        self.audited += log_updates(
            zip(changed, before, strict=True),
            acting_user=self.acting_user,
            note=f"Imported from {self.report.source}",
        )

    @staticmethod
    def _apply(incident: Incident, fields: dict[str, Any], digest: str) -> None:
        incident.import_hash = digest
        incident.updated_at = timezone.now()
        for name, value in fields.items():
            setattr(incident, name, value)
        incident.locate()

    def finish(self, acting_user: Actor) -> None:
        """Write the last batch, then publish: the new incidents appear, the changed ones are
        applied and the audit entry is written, in one transaction."""
        self.flush()
        counts = self.report.counts
        if self.dry_run:
            counts["incidents to create"] += self.created
            counts["incidents to update"] += len(self.changes)
            return
        with transaction.atomic():
            if self.batch is not None:
                IncidentImportBatch.objects.filter(pk=self.batch.pk).delete()  # shown at once
            self._update()
            counts["incidents created"] += self.created
            counts["incidents updated"] += len(self.changes)
            if self.created or self.changes:
                self._log(acting_user)
        if self.batch is not None:
            self.report.created_ids.extend(batch_incident_ids(self.batch))

    def abandon(self) -> None:
        """After a failure: remove the hidden incidents already written."""
        self.pending, self.changes = [], {}
        discard(self.batch)

    def _log(self, acting_user: Actor) -> None:
        counts = self.report.counts
        log_action(
            "import_incidents",
            self.target.mission,
            acting_user=acting_user,
            before=None,
            after={
                "dataset": self.target.dataset,
                "created": counts["incidents created"],
                "updated": counts["incidents updated"],
                "updates_audited": self.audited,
                "rejected": len(self.report.rejected),
            },
            note=f"Imported from {self.report.source}",
        )


# -- the import loop -------------------------------------------------------------------------


class RowsRefused(ImportFailed):
    """``strict``: the file has rejected rows, so nothing of it was imported."""

    def __init__(self, report: ImportReport):
        self.report = report
        super().__init__(
            _("%(n)d row(s) rejected; strict: nothing was imported.") % {"n": len(report.rejected)}
        )


class ImportAbandoned(ImportFailed):
    """The import stopped part-way; what it had written is removed (``IncidentWriter.abandon``)."""

    def __init__(self, line: int, cause: BaseException):
        super().__init__(
            _(
                "The import stopped at line %(line)d (%(cause)s). Nothing was saved: the "
                "incidents read before it were removed. Correct the cause and import the file "
                "again."
            )
            % {"line": line, "cause": str(cause)[:200] or type(cause).__name__}
        )


def check_readable(rows: Iterable[Any]) -> None:
    """Read a whole file once before writing (HXL: libhxl reads it lazily), so that a file
    unreadable half-way is refused before anything is written."""
    for _row in rows:
        pass


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
    dry_run: bool = False,
    strict: bool = False,
    line_of: Callable[[int], int] | None = None,
) -> ImportReport:
    """Parse every row, reject the bad ones with their line, write the rest in batches.

    All or nothing, without one long transaction: each batch of ``BATCH_SIZE`` new incidents
    is its own short write transaction (on SQLite a write transaction holds the database's only
    write lock, and a whole-file one kept every other write of the platform waiting until it
    failed), hidden from every query until ``IncidentWriter.finish`` publishes them all at once.
    A file that turns out unreadable half-way, a failed batch or an interrupted run removes
    what was written (``ImportAbandoned``), and a mission the import created with it; a process
    killed outright leaves a stale batch that the next import or worker start removes.
    Incidents are keyed by their id in the dataset, so importing the same file again changes
    nothing.

    ``on_progress(rows_done, rows_total)``, when given, is called every ``PROGRESS_EVERY`` rows
    (between batches, outside any transaction) and once at the end (``total`` is the caller's
    estimate, e.g. the file's line count).

    ``rows`` gives (line, row) pairs, or (record, row, parsed) triples from a columnar reader,
    where ``parsed`` is the row's (id, fields) or None for ``spec.parse``; then ``line_of``
    turns a record number into the line named in a rejection or a preview.

    With ``strict`` a file with any rejected row imports nothing (``RowsRefused``).
    With ``dry_run`` nothing is written: rows are parsed and compared with the stored
    incidents, and ``report.preview`` summarises them (``importers.preview``)."""
    writer: IncidentWriter | None = None
    line = 0
    try:
        for item in rows:
            line, row = item[0], item[1]
            parsed = item[2] if len(item) > 2 else None
            report.rows += 1
            if on_progress is not None and report.rows % PROGRESS_EVERY == 0:
                on_progress(report.rows, max(total, report.rows))
            if writer is None:
                writer = _start_writing(
                    spec, row, line, report, mission_code, create, acting_user, dry_run
                )
            if line_of is not None:
                writer.line_of = line_of
            try:
                external_id, fields = parsed if parsed is not None else spec.parse(row)
            except RowRejected as exc:
                report.reject(line_of(line) if line_of else line, str(exc))
                continue
            if writer.preview is not None:
                writer.preview.add(line, row, fields)
            writer.add(line, external_id, fields)
        if writer is None:
            raise ImportFailed(f"{report.source} holds no data rows.")
        if strict and report.rejected and not writer.dry_run:
            raise RowsRefused(report)
        with transaction.atomic():
            writer.finish(acting_user)
        if writer.preview is not None:
            if line_of is not None:
                _renumber(writer.preview, line_of)
            report.preview = writer.preview.as_dict()
    except BaseException as exc:
        if writer is None or writer.dry_run:
            raise
        _abandon(writer, report)
        if isinstance(exc, ImportFailed | ColumnarUnavailable | KeyboardInterrupt | SystemExit):
            raise
        raise ImportAbandoned(line, exc) from exc
    if on_progress is not None:
        on_progress(report.rows, report.rows)
    return report


def _renumber(preview: PreviewSummary, line_of: Callable[[int], int]) -> None:
    """A columnar reader's preview names records; the page and the CLI name lines."""
    for outside in (preview.outside_country, preview.outside_area):
        outside.lines = [line_of(record) for record in outside.lines]


def _start_writing(
    spec: DatasetSpec,
    row: dict[str, Any],
    line: int,
    report: ImportReport,
    mission_code: str | None,
    create: bool,
    acting_user: Actor,
    dry_run: bool = False,
) -> IncidentWriter:
    """The target mission (made with ``create``) and dataset source, kept only if the acting
    user may add incidents there."""
    if dry_run:
        return _start_dry_run(spec, row, report, mission_code, create, acting_user)
    with transaction.atomic():
        mission = resolve_mission(
            mission_code, create=create, iso3=spec.host_iso3(row), report=report, line=line
        )
        refuse_adding(acting_user, mission)
        source = dataset_source(mission, spec.source_name, spec.reliability, spec.description)
    return IncidentWriter(Target(mission, source, spec.dataset), report, acting_user)


def _start_dry_run(
    spec: DatasetSpec,
    row: dict[str, Any],
    report: ImportReport,
    mission_code: str | None,
    create: bool,
    acting_user: Actor,
) -> IncidentWriter:
    """As ``_start_writing``, creating nothing: a missing mission (with ``create``) is an
    unsaved one, whose rows are all new."""
    if not mission_code or not mission_code.strip():
        raise ImportFailed("Name the mission these incidents belong to: --mission CODE.")
    code = normalise_code(mission_code)
    mission = Mission.objects.filter(code=code).first()
    if mission is None:
        if not create:
            raise ImportFailed(f"Unknown mission {code}; add --create to make it from the file.")
        mission = Mission(code=code, host_country=spec.host_iso3(row) or "")
        report.counts["missions to create"] += 1
    else:
        refuse_adding(acting_user, mission)
    source = IncidentSource.objects.filter(mission_id=mission.pk, name=spec.source_name).first()
    preview = PreviewSummary.for_mission(mission, spec.host_iso3)
    return IncidentWriter(
        Target(mission, source, spec.dataset), report, acting_user, dry_run=True, preview=preview
    )


def _abandon(writer: IncidentWriter, report: ImportReport) -> None:
    """Remove what a failed import wrote, and the mission it created for the file."""
    writer.abandon()
    if report.counts.get("missions created"):
        Mission.objects.filter(pk=writer.target.mission.pk, incident_set__isnull=True).delete()
        report.counts.pop("missions created")


def run_columnar(
    spec: DatasetSpec,
    path: Path,
    items: Iterable[tuple[int, Any, Any]],
    *,
    mission_code: str | None,
    create: bool,
    acting_user: Actor,
    on_progress: ProgressCallback | None,
    strict: bool,
    show_progress: bool,
    dry_run: bool = False,
    line_of: Callable[[int], int] | None = None,
) -> ImportReport:
    """An import whose rows a columnar reader parsed (``columnar``); rows are numbered by
    record, turned into lines only to name one (``line_of``, by default ``LineNumbers``)."""
    report = ImportReport(source=path.name)
    total = count_lines(path)
    return run_import(
        spec,
        progress(items, total, spec.source_name, show_progress),
        report,
        mission_code=mission_code,
        create=create,
        acting_user=acting_user,
        on_progress=on_progress,
        total=total,
        dry_run=dry_run,
        strict=strict,
        line_of=line_of or LineNumbers(path),
    )


ColumnarItems = tuple[Iterable[tuple[int, Any, Any]], Callable[[int], int] | None]


def import_in_columns(
    spec: DatasetSpec,
    path: Path,
    columnar: Callable[[], ColumnarItems],
    row_reader: Callable[[], ImportReport],
    *,
    mission_code: str | None,
    create_missions: bool,
    acting_user: Actor,
    on_progress: ProgressCallback | None,
    dry_run: bool,
    strict: bool,
    show_progress: bool,
) -> ImportReport:
    """The import of every incident format (CLI, background jobs and previews alike): through
    the format's columnar reader, ``columnar()`` giving its (record, row, parsed) items and its
    record -> line map; when DuckDB cannot read the file (``ColumnarUnavailable``, also part-way:
    what was written is removed first), through ``row_reader()``, which refuses it or reads it
    row by row with the same rules and messages."""
    try:
        items, line_of = columnar()
        return run_columnar(
            spec,
            path,
            items,
            mission_code=mission_code,
            create=create_missions,
            acting_user=acting_user,
            on_progress=on_progress,
            strict=strict,
            show_progress=show_progress,
            dry_run=dry_run,
            line_of=line_of,
        )
    except ColumnarUnavailable:
        pass
    return row_reader()


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
    dry_run: bool = False,
    strict: bool = False,
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
        dry_run=dry_run,
        strict=strict,
    )
