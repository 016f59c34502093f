"""Background incident imports started from the import page (Capstone §7.2: the JOC collates
information from every source, open-source datasets included).

The page stores the upload in a private folder under ``settings.DATA_DIR`` (never served),
records an ``ImportJob`` and enqueues ``run_incident_import`` on the database-backed task queue
(django-tasks; ``bluehelmet db_worker`` runs it). The importer writes everything in one
transaction, so while it runs its progress cannot go through the database (on SQLite that
transaction holds the only write lock; elsewhere it would not be visible before the commit):
progress goes to a small JSON file beside the upload, which the status endpoint reads. The upload
and the progress file are deleted when the job ends, whatever the outcome.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from bluehelmet.core.context import acting_as
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.interop.importers.base import ImportFailed, count_lines
from bluehelmet.interop.importers.registry import get_importer
from bluehelmet.interop.models import ImportJob, JobStatus

logger = logging.getLogger(__name__)
PROGRESS_INTERVAL = 0.3  # seconds between two progress-file writes


def upload_dir() -> Path:
    """The private folder for uploads in flight (created 0700 on first use)."""
    folder = Path(settings.DATA_DIR) / "imports"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def store_upload(job: ImportJob, upload: UploadedFile) -> Path:
    """Write the upload to ``DATA_DIR/imports/<job>-<random>.csv`` (0600) and remember it."""
    name = f"{job.pk}-{secrets.token_hex(8)}.csv"
    path = upload_dir() / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    job.stored_as = name
    job.save(update_fields=["stored_as"])
    return path


def _progress_path(job: ImportJob) -> Path:
    return upload_dir() / f"{job.stored_as}.progress"


class ProgressFile:
    """``on_progress`` for the importer: writes {"done", "total"} atomically, at most every
    ``PROGRESS_INTERVAL`` seconds (and always for the last call)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last < PROGRESS_INTERVAL and done < total:
            return
        self.last = now
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"done": done, "total": total}))
        os.replace(temporary, self.path)


def live_progress(job: ImportJob) -> tuple[int, int]:
    """(rows done, rows total) for the page: the job's row once finished, else the file."""
    if job.status != JobStatus.RUNNING or not job.stored_as:
        return job.rows_done, job.rows_total
    try:
        data = json.loads(_progress_path(job).read_text())
        return int(data["done"]), max(int(data["total"]), job.rows_total)
    except (OSError, ValueError, KeyError, TypeError):
        return job.rows_done, job.rows_total


def _cleanup(job: ImportJob) -> None:
    if not job.stored_as:
        return
    for path in (upload_dir() / job.stored_as, _progress_path(job)):
        path.unlink(missing_ok=True)


def _finish(job: ImportJob, status: str, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    job.status = status
    job.finished_at = timezone.now()
    job.save()


def _run(job: ImportJob, path: Path) -> None:
    importer = get_importer(job.kind)
    if importer is None:
        raise ImportFailed(_("Unknown import format %(k)s.") % {"k": job.kind})
    if job.user is not None and not user_can(job.user, Action.ADD, job.mission_id):
        raise ImportFailed(_("Your role no longer adds incidents to this mission."))
    job.status, job.rows_total = JobStatus.RUNNING, count_lines(path)
    job.save(update_fields=["status", "rows_total"])
    with acting_as(job.user):
        report = importer(
            path,
            acting_user=job.user,
            mission_code=job.mission.code,
            create_missions=False,
            on_progress=ProgressFile(_progress_path(job)),
        )
    report.source = job.file_name  # the name the user uploaded, not the stored one
    _finish(
        job, JobStatus.DONE, report=report.as_dict(), rows_done=report.rows, rows_total=report.rows
    )


@task()
def run_incident_import(job_id: int) -> dict[str, Any]:
    """Run one queued import; a refused file ends the job as failed with the reason."""
    job = ImportJob.objects.select_related("mission", "user").filter(pk=job_id).first()
    if job is None or job.finished:
        return {"job": job_id, "status": "missing" if job is None else job.status}
    path = upload_dir() / job.stored_as
    try:
        if not job.stored_as or not path.is_file():
            raise ImportFailed(_("The uploaded file is no longer there; upload it again."))
        _run(job, path)
    except ImportFailed as exc:  # name the file as the user uploaded it, not as stored
        message = str(exc).replace(job.stored_as, job.file_name) if job.stored_as else str(exc)
        _finish(job, JobStatus.FAILED, error=message)
    except Exception:
        logger.exception("Incident import %s failed", job.pk)
        _finish(
            job,
            JobStatus.FAILED,
            error=_("The import stopped on an unexpected error; nothing was imported."),
        )
    finally:
        _cleanup(job)
    return {"job": job.pk, "status": job.status}


def start_import(job: ImportJob, upload: UploadedFile) -> ImportJob:
    """Store the upload and enqueue the job; the job row says what happened."""
    try:
        store_upload(job, upload)
        result = run_incident_import.enqueue(job.pk)
    except Exception:
        logger.exception("Could not queue incident import %s", job.pk)
        job.refresh_from_db()
        if not job.finished:
            _finish(job, JobStatus.FAILED, error=_("The import could not be queued; try again."))
        _cleanup(job)
        return job
    ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job
