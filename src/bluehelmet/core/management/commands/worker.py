"""``bluehelmet worker``: django-tasks' ``db_worker`` that survives a passing database error.

Same options as ``db_worker``. Before taking a job it sends ``core.worker.worker_starting``,
so that jobs a killed worker left "running" are failed with a clear message; then it runs the
queue with ``ResilientWorker``, which retries after "database is locked" and other transient
errors instead of exiting. On SQLite the worker waits longer for the write lock than a web
request does (``core.worker.WORKER_BUSY_TIMEOUT``): nobody is watching it wait.
"""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import CommandError
from django.db.backends.signals import connection_created
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from bluehelmet.core.worker import WORKER_BUSY_TIMEOUT, ResilientWorker, worker_starting


def _patient_sqlite(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {WORKER_BUSY_TIMEOUT * 1000}")


class Command(DbWorkerCommand):
    help = "Run the background worker (db_worker that retries on a busy database)"

    def handle(self, *, verbosity: int, reload: bool, batch: bool, **options: Any) -> None:
        self.configure_logging(verbosity)
        connection_created.connect(_patient_sqlite, dispatch_uid="bluehelmet-worker-sqlite")
        worker = self.make_worker(batch=batch, **options)
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the reloader's child process runs jobs
            run_with_reloader(lambda: self.start(worker))
            return
        worker.configure_signals()
        self.start(worker)

    @staticmethod
    def start(worker: ResilientWorker) -> None:
        worker_starting.send(sender=ResilientWorker)
        worker.run()

    @staticmethod
    def make_worker(
        *,
        queue_name: str,
        exclude_queues: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        max_tasks: int | None,
        worker_id: str,
        **_options: Any,
    ) -> ResilientWorker:
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        return ResilientWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
