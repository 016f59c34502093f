"""``/healthz``: is the process up, and can it read and write its database.

A read alone is not enough: on SQLite a database whose write lock another process holds still
answers ``SELECT 1`` while every write waits and fails. The check therefore starts a write
transaction with a short wait for the lock, writes (creates a table) and rolls back, so it
changes nothing; a database that cannot take it answers 503 with the reason.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from bluehelmet import __version__

DATABASE = DEFAULT_DB_ALIAS  # the database the platform writes to
WRITE_WAIT_SECONDS = 2.0  # how long the check waits for the write lock


@contextmanager
def short_lock_wait(connection: Any) -> Iterator[None]:
    """On SQLite, wait at most ``WRITE_WAIT_SECONDS`` for the lock (then the usual timeout)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        usual = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA busy_timeout = {int(WRITE_WAIT_SECONDS * 1000)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {int(usual)}")


def try_write(alias: str) -> None:
    """Take the write lock and write, then roll back; raises ``DatabaseError`` if it cannot."""
    connection = connections[alias]
    with short_lock_wait(connection), transaction.atomic(using=alias):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET LOCAL lock_timeout = %s", [f"{int(WRITE_WAIT_SECONDS)}s"])
            cursor.execute("CREATE TABLE bluehelmet_healthz_probe (x integer)")
        transaction.set_rollback(True, using=alias)


def database_status(alias: str) -> dict[str, Any]:
    connection = connections[alias]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:  # any driver error means "down"; the message says which
        return {"status": "error", "vendor": connection.vendor, "error": str(exc)[:200]}
    try:
        try_write(alias)
    except DatabaseError as exc:
        reason = _("the database answers but cannot write (%(e)s)") % {"e": str(exc)[:200]}
        return {"status": "error", "vendor": connection.vendor, "error": reason}
    return {"status": "ok", "vendor": connection.vendor}


def healthz(request: HttpRequest) -> JsonResponse:
    started = time.perf_counter()
    database = database_status(DATABASE)
    status = 200 if database["status"] == "ok" else 503
    return JsonResponse(
        {
            "status": "ok" if status == 200 else "degraded",
            "version": __version__,
            "database": database,
            "elapsed_ms": round((time.perf_counter() - started) * 1000, 2),
        },
        status=status,
    )
