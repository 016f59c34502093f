"""Incident imports started from the page and run by the background worker (Capstone §7.2: the
JOC collates information from every source, including research datasets).

An upload is first parsed without writing (status ``preview``: its report holds what the
import would do, see ``importers.preview``); only the user's confirmation queues it. A finished
import remembers the incidents it created and updated, so that it can be undone as one batch.

An ``ImportJob`` is bookkeeping, not mission information: it is not change-logged (the import
itself writes one audit entry) and carries no sensitivity class. Live progress is kept in a
small file beside the upload (see ``interop.tasks``); the row here holds the totals, the final
report and ``heartbeat_at``, the lease a running import renews so that a job whose worker was
killed can be told from one that is still working.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    GED = "ucdp-ged", _("UCDP GED (CSV)")
    ACLED = "acled", _("ACLED export (CSV)")
    HXL = "hxl", _("HXL-tagged table (CSV)")


class JobStatus(models.TextChoices):
    PREVIEW = "preview", _("Awaiting confirmation")
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ImportJob(models.Model):
    mission = models.ForeignKey(
        "core.Mission", on_delete=models.CASCADE, related_name="import_jobs"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("started by"),
    )
    kind = models.CharField(_("format"), max_length=20, choices=ImportKind.choices)
    file_name = models.CharField(_("file"), max_length=255)
    stored_as = models.CharField(max_length=255, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    rows_done = models.PositiveIntegerField(_("rows read"), default=0)
    rows_total = models.PositiveIntegerField(_("rows in the file"), default=0)
    report = models.JSONField(_("report"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # Renewed by the running import as it reads rows; an old one means its worker vanished.
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    # What the import wrote, so that it can be undone as one batch (``do_undo_import``):
    # the incidents it created (removed by the undo) and those it updated (which keep the
    # imported values: their earlier values are in the audit log, one entry each).
    created_ids = models.JSONField(_("incidents created"), default=list, blank=True)
    updated_ids = models.JSONField(_("incidents updated"), default=list, blank=True)
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("undone by"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("incident import")
        verbose_name_plural = _("incident imports")

    def __str__(self) -> str:
        return f"{self.mission_id}: {self.file_name} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in {JobStatus.DONE, JobStatus.FAILED}

    @property
    def undoable(self) -> bool:
        """A finished import that wrote incidents and has not been undone."""
        return self.finished and self.undone_at is None and bool(self.created_ids)

    @property
    def preview(self) -> dict[str, Any]:
        return dict((self.report or {}).get("preview") or {})

    @property
    def rejected(self) -> list[dict[str, Any]]:
        return list((self.report or {}).get("rejected", []))
