"""Background incident imports started from the import page (Capstone §7.2: the JOC collates
information from every source, open-source datasets included).

The page stores the upload in a private folder under ``settings.DATA_DIR`` (never served),
records an ``ImportJob`` and enqueues ``run_incident_import`` on the database-backed task queue
(django-tasks; ``bluehelmet worker`` runs it). Progress goes to a small JSON file beside the
upload, which the status endpoint reads, and every ``HEARTBEAT_INTERVAL`` seconds into the job's
row as ``heartbeat_at`` (the importer commits in short batches, so these writes do not wait on
it). A running job whose heartbeat is older than ``settings.JOB_HEARTBEAT_TIMEOUT`` lost its
worker (killed, machine restarted): ``fail_vanished_jobs`` marks it failed when the worker
starts and when its page is read. The upload and the progress file are deleted when the job
ends, whatever the outcome, a vanished worker included.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import secrets
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from bluehelmet.core.context import acting_as
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.worker import stale_before
from bluehelmet.interop.importers.base import ImportFailed, ImportReport, count_lines
from bluehelmet.interop.importers.registry import get_importer
from bluehelmet.interop.models import ImportJob, JobStatus

logger = logging.getLogger(__name__)
PROGRESS_INTERVAL = 0.3  # seconds between two progress-file writes
HEARTBEAT_INTERVAL = 5.0  # seconds between two heartbeats written to the job's row


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
    ``PROGRESS_INTERVAL`` seconds (and always for the last call), and renews the job's
    heartbeat every ``HEARTBEAT_INTERVAL`` seconds."""

    def __init__(self, path: Path, job_id: int | None = None) -> None:
        self.path = path
        self.job_id = job_id
        self.last = 0.0
        self.last_beat = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self.job_id is not None and now - self.last_beat >= HEARTBEAT_INTERVAL:
            self.last_beat = now
            heartbeat(self.job_id, done)
        if now - self.last < PROGRESS_INTERVAL and done < total:
            return
        self.last = now
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"done": done, "total": total}))
        os.replace(temporary, self.path)


def heartbeat(job_id: int, done: int) -> None:
    """Say the job is alive; a missed beat (database busy) is harmless, the next one counts."""
    try:
        with transaction.atomic():
            ImportJob.objects.filter(pk=job_id).update(heartbeat_at=timezone.now(), rows_done=done)
    except DatabaseError as exc:
        logger.warning("Import %s: heartbeat skipped (%s)", job_id, exc)


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
    job.heartbeat_at = timezone.now()
    job.save(update_fields=["status", "rows_total", "heartbeat_at"])
    with acting_as(job.user):
        report = importer(
            path,
            acting_user=job.user,
            mission_code=job.mission.code,
            create_missions=False,
            on_progress=ProgressFile(_progress_path(job), job.pk),
        )
    report.source = job.file_name  # the name the user uploaded, not the stored one
    _finish(
        job,
        JobStatus.DONE,
        report=report.as_dict(),
        rows_done=report.rows,
        rows_total=report.rows,
        created_ids=report.created_ids,
        updated_ids=report.updated_ids,
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
        _finish(job, JobStatus.FAILED, error=message, report=job.report)
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


def vanished_message() -> str:
    return _("The worker stopped while importing; import the file again.")


def fail_vanished_jobs(**filters: Any) -> int:
    """Mark failed the running jobs (among ``filters``) whose heartbeat is older than the
    lease, delete their uploads, and say how many there were."""
    cutoff = stale_before()
    stale = ImportJob.objects.filter(status=JobStatus.RUNNING, **filters).filter(
        models.Q(heartbeat_at__lt=cutoff)
        | models.Q(heartbeat_at__isnull=True, created_at__lt=cutoff)
    )
    failed = 0
    for job in stale:
        # Only if still running and stale: the worker may have finished it meanwhile.
        if stale.filter(pk=job.pk).update(
            status=JobStatus.FAILED, error=vanished_message(), finished_at=timezone.now()
        ):
            _cleanup(job)
            failed += 1
    return failed


def on_worker_start(**kwargs: Any) -> None:
    """``worker_starting`` receiver: fail the imports a stopped worker left running."""
    count = fail_vanished_jobs()
    if count:
        logger.warning("%d import(s) left running by a stopped worker marked failed", count)


# -- preview, confirmation, cancellation --------------------------------------------------------

PREVIEW_KEPT = datetime.timedelta(days=1)  # an unconfirmed preview's upload is kept this long


def preview_upload(job: ImportJob, upload: UploadedFile) -> ImportReport:
    """Store the upload of a ``preview`` job and read it through the importer without writing
    (``dry_run``); the job keeps the summary until the user confirms or cancels. A file refused
    whole raises ``ImportFailed``, its upload and job deleted."""
    try:
        path = store_upload(job, upload)
        importer = get_importer(job.kind)
        if importer is None:
            raise ImportFailed(_("Unknown import format %(k)s.") % {"k": job.kind})
        with acting_as(job.user):
            report = importer(
                path,
                acting_user=job.user,
                mission_code=job.mission.code,
                create_missions=False,
                dry_run=True,
            )
    except ImportFailed as exc:
        discard_preview(job)
        message = str(exc).replace(job.stored_as, job.file_name) if job.stored_as else str(exc)
        raise ImportFailed(message) from exc
    except Exception:
        discard_preview(job)
        raise
    report.source = job.file_name
    job.report = report.as_dict()
    job.rows_total = report.rows
    job.save(update_fields=["report", "rows_total"])
    return report


def confirm_import(job: ImportJob) -> ImportJob:
    """Queue the import of a previewed upload (the stored file is read again by the worker)."""
    updated = ImportJob.objects.filter(pk=job.pk, status=JobStatus.PREVIEW).update(
        status=JobStatus.QUEUED, report={}, rows_total=0
    )
    job.refresh_from_db()
    if not updated:  # confirmed twice (a double click): the first one queued it
        return job
    return enqueue(job)


def discard_preview(job: ImportJob) -> None:
    """Cancel a preview: its upload and its job row go."""
    _cleanup(job)
    if job.pk is not None:
        ImportJob.objects.filter(pk=job.pk, status=JobStatus.PREVIEW).delete()


def discard_stale_previews(**filters: Any) -> int:
    """Previews nobody confirmed within ``PREVIEW_KEPT``: uploads and rows deleted."""
    stale = ImportJob.objects.filter(
        status=JobStatus.PREVIEW, created_at__lt=timezone.now() - PREVIEW_KEPT, **filters
    )
    count = 0
    for job in stale:
        discard_preview(job)
        count += 1
    return count


def enqueue(job: ImportJob) -> ImportJob:
    """Enqueue the job of a stored upload; the job row says what happened."""
    try:
        result = run_incident_import.enqueue(job.pk)
    except Exception:
        return _not_queued(job)
    ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


def start_import(job: ImportJob, upload: UploadedFile) -> ImportJob:
    """Store the upload and enqueue the job; the job row says what happened."""
    try:
        store_upload(job, upload)
    except Exception:
        return _not_queued(job)
    return enqueue(job)


def _not_queued(job: ImportJob) -> ImportJob:
    logger.exception("Could not queue incident import %s", job.pk)
    job.refresh_from_db()
    if not job.finished:
        _finish(job, JobStatus.FAILED, error=_("The import could not be queued; try again."))
    _cleanup(job)
    return job
