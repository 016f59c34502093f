"""The bulk write path of the incident importers (issue 12): new incidents go in with one
prepared ``executemany`` per batch on SQLite and ``COPY`` on PostgreSQL, not through model
instances and ``bulk_create`` (which compiled ~40 values per row and, on SQLite, 25 rows per
statement).

All-or-nothing for users, without one long transaction: each batch is its own short write
transaction (SQLite has one write lock; a whole-file transaction stopped every other write of
the platform), and its incidents carry the id of an open ``IncidentImportBatch`` that hides
them from every query (``operations.models.imports``). ``publish`` shows them all at once,
applies the changed incidents and writes the audit entry in one transaction; ``discard``
removes them after a failure, and ``discard_stale_batches`` after a process that died.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterator, Sequence
from typing import Any

import orjson
from django.db import connection, transaction
from django.db.models import Field
from django.utils import timezone

from bluehelmet.core.areas import admin1_at
from bluehelmet.operations.geo import h3_cells
from bluehelmet.operations.models import Incident, IncidentImportBatch

DELETE_CHUNK = 5000  # incidents removed per transaction when a batch is discarded
# A batch whose writer has not renewed its heartbeat for this long belongs to a dead process
# (the writer renews it after every batch of a few thousand rows, i.e. every second or so).
STALE_AFTER = datetime.timedelta(minutes=10)


def fingerprint(fields: dict[str, Any]) -> str:
    """What a re-import compares to tell an unchanged row (orjson: a tenth of ``json``'s time;
    hashes stored by the earlier ``json`` encoding differ, so the first re-import after the
    change re-stamps each incident once, with its values unchanged)."""
    payload = orjson.dumps(fields, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def sqlite_datetime(value: datetime.datetime) -> str:
    """What Django's SQLite backend stores for an aware datetime (UTC, naive text), without
    its per-value timezone lookups: the importers' datetimes are already UTC."""
    if value.tzinfo is not datetime.UTC:
        value = value.astimezone(datetime.UTC)
    return str(value.replace(tzinfo=None))


class IncidentRows:
    """Turns parsed field values into rows of ``operations_incident``'s columns, in the order
    of ``columns``, with the values the database adapter takes without Django's per-field
    preparation (the expensive part of ``bulk_create``)."""

    def __init__(self, common: dict[str, Any]) -> None:
        self.fields: list[Field] = [
            f for f in Incident._meta.concrete_fields if not (f.primary_key or f.generated)
        ]
        self.columns = [f.column for f in self.fields]
        now = timezone.now()
        # Values every row of the import shares (mission, source, batch, timestamps) and the
        # model's defaults: one template row, adapted once, that each row copies.
        fixed = {f.attname: f.get_default() for f in self.fields}
        fixed.update(created_at=now, updated_at=now, **common)
        self.adapt = connection.vendor == "sqlite"  # SQLite: datetimes as UTC text
        self.template = [self._adapted(f, fixed[f.attname]) for f in self.fields]
        self.position = {f.attname: i for i, f in enumerate(self.fields)}
        self.position.update({f.name: i for i, f in enumerate(self.fields)})
        self.cells = (self.position["h3_r5"], self.position["h3_r7"])
        self.keys = (self.position["external_id"], self.position["import_hash"])
        # PostgreSQL's COPY takes the column types once per import, not once per batch.
        postgres = connection.vendor == "postgresql"
        self.types = column_types(Incident._meta.db_table, self.columns) if postgres else None

    def _adapted(self, field: Field, value: Any) -> Any:
        if self.adapt and value is not None and field.get_internal_type() == "DateTimeField":
            return sqlite_datetime(value)
        return value

    def row(self, external_id: str, fields: dict[str, Any], digest: str) -> list[Any]:
        values = self.template.copy()
        position, adapt = self.position, self.adapt
        for name, value in fields.items():
            i = position[name]
            if adapt and type(value) is datetime.datetime:
                value = sqlite_datetime(value)
            values[i] = value
        values[self.keys[0]], values[self.keys[1]] = external_id, digest
        cells = h3_cells(fields.get("latitude"), fields.get("longitude"))
        values[self.cells[0]], values[self.cells[1]] = cells[5], cells[7]
        return values


def insert_rows(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], types: list[int] | None = None
) -> None:
    """Write ``rows`` into ``operations_incident`` (call inside a transaction)."""
    table = connection.ops.quote_name(Incident._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Binary COPY with the columns' types given once: psycopg then dumps each value
            # without looking up an adapter for it (a third of the write time in text mode).
            oids = types or column_types(Incident._meta.db_table, columns)
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)") as copy:
                copy.set_types(oids)
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(columns))
        # Table and column names come from the model, values go as parameters.
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608


def column_types(table: str, columns: Sequence[str]) -> list[int]:
    """PostgreSQL type oids of ``columns`` of ``table``, in their order."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, atttypid FROM pg_attribute "
            "WHERE attrelid = %s::regclass AND attnum > 0",
            [table],
        )
        oids = dict(cursor.fetchall())
    return [int(oids[c]) for c in columns]


def fill_admin1(mission: Any, fields: dict[str, Any]) -> None:
    """The admin area from the mission's outlines when the file names none (issue 13)."""
    latitude, longitude = fields.get("latitude"), fields.get("longitude")
    if not fields.get("admin1") and latitude is not None:
        fields["admin1"] = admin1_at(mission, latitude, longitude)


# -- batches: open, renew, publish, discard -----------------------------------------------------


# SQLite's page cache for the importing connection: each batch inserts into some fifteen
# indexes at random places; with the default 2 MB the same pages are read and written again and
# again (a 300,000-row GED import: 37 s with 2 MB and batches of 2,000, 26 s with 64 MB and
# batches of 5,000; benchmarks in docs/benchmarks.md "Ingest").
SQLITE_IMPORT_CACHE_KB = 65536


def open_batch(mission: Any, source_name: str) -> IncidentImportBatch:
    discard_stale_batches()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = -{SQLITE_IMPORT_CACHE_KB}")
    return IncidentImportBatch.objects.create(mission=mission, source_name=source_name[:255])


def renew(batch: IncidentImportBatch) -> None:
    IncidentImportBatch.objects.filter(pk=batch.pk).update(heartbeat_at=timezone.now())


def batch_incident_ids(batch: IncidentImportBatch) -> Iterator[int]:
    return (
        Incident.all_objects.filter(import_batch=batch.pk)
        .order_by("pk")
        .values_list("pk", flat=True)
        .iterator(chunk_size=10_000)
    )


def discard(batch: IncidentImportBatch | None) -> int:
    """Remove a batch's incidents in short transactions, then the batch; the incidents stay
    hidden throughout, as the batch row is deleted last. Returns how many were removed."""
    if batch is None:
        return 0
    removed = 0
    while True:
        with transaction.atomic():
            found = Incident.all_objects.filter(import_batch=batch.pk).order_by()
            ids = list(found.values_list("pk", flat=True)[:DELETE_CHUNK])
            if not ids:
                IncidentImportBatch.objects.filter(pk=batch.pk).delete()
                return removed
            Incident.all_objects.filter(pk__in=ids)._raw_delete(connection.alias)
            removed += len(ids)


def discard_stale_batches(now: datetime.datetime | None = None) -> int:
    """Clean up after imports whose process died (kill -9, a power cut): called when an import
    or the background worker starts. Returns how many incidents were removed."""
    limit = (now or timezone.now()) - STALE_AFTER
    return sum(
        discard(batch) for batch in IncidentImportBatch.objects.filter(heartbeat_at__lt=limit)
    )
