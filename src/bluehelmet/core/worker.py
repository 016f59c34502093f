"""The background worker's resilience: retries on a passing database error, and the lease that
tells a job still running from one whose worker was killed.

django-tasks' ``db_worker`` loop lets an ``OperationalError`` raised outside its task claim
(``close_old_connections``, the claim's ``BEGIN``/``COMMIT``, recording a result) end the whole
process, so one "database is locked" left every job queued after it waiting forever.
``ResilientWorker`` runs the same loop again after a short backoff; ``bluehelmet worker``
(``core/management/commands/worker.py``) uses it.

Apps that run jobs connect to ``worker_starting`` to fail the jobs a vanished worker left
"running" (their ``stale_before()`` says which), and check the same lease when a job's page is
read, so a user never watches a dead job forever.
"""

from __future__ import annotations

import datetime
import logging
import time

from django.conf import settings
from django.db import OperationalError, connections
from django.dispatch import Signal
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker

logger = logging.getLogger(__name__)

FIRST_BACKOFF = 0.5  # seconds before the first retry; doubled each time, up to MAX_BACKOFF
MAX_BACKOFF = 10.0
WORKER_BUSY_TIMEOUT = 20  # seconds the worker waits for SQLite's lock (requests wait less)

# Sent once when ``bluehelmet worker`` starts, before it takes a job.
worker_starting = Signal()


def lease_seconds() -> int:
    return int(getattr(settings, "JOB_HEARTBEAT_TIMEOUT", 120))


def stale_before() -> datetime.datetime:
    """A running job whose last sign of life is older than this has lost its worker."""
    return timezone.now() - datetime.timedelta(seconds=lease_seconds())


def is_transient(exc: OperationalError) -> bool:
    """Errors that pass: a lock held by someone else, a connection that dropped."""
    text = str(exc).lower()
    return any(word in text for word in ("locked", "busy", "connection", "terminat", "timeout"))


class ResilientWorker(Worker):
    """django-tasks' worker loop, run again after a transient database error."""

    def run(self) -> None:
        delay = FIRST_BACKOFF
        while True:
            done_before = self._run_tasks
            try:
                return super().run()
            except OperationalError as exc:
                if not is_transient(exc):
                    raise
                if self._run_tasks > done_before:  # it had been working: start again gently
                    delay = FIRST_BACKOFF
                logger.warning("Database busy (%s); the worker retries in %.1f s.", exc, delay)
                connections.close_all()  # the next query opens a fresh connection
                time.sleep(delay)
                delay = min(delay * 2, MAX_BACKOFF)
