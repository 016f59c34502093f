"""Incidents an import is still writing (Capstone §7.2: the JOC collates every source, and what
it shows must be what was decided to be shown: a half-read file is not information).

A bulk import writes its new incidents in short batches, so that SQLite's single write lock is
held briefly and the platform keeps working; until the whole file is in, those incidents carry
the id of an open ``IncidentImportBatch`` and every query of ``Incident.objects`` leaves them
out. Publishing deletes the batch row, one statement, and the incidents appear all at once. A
failed import deletes its incidents; one whose process died (kill -9) is found by its stale
heartbeat and cleaned up by the next import or worker start (``interop.importers.bulk``).
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class IncidentImportBatch(models.Model):
    """An open (unpublished) import: bookkeeping, not mission information, so not audited."""

    mission = models.ForeignKey("core.Mission", on_delete=models.CASCADE, related_name="+")
    source_name = models.CharField(max_length=255, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    # Renewed by the writing process after each batch; an old one means the process is gone.
    heartbeat_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "incident import batch"

    def __str__(self) -> str:
        return f"{self.source_name} (open since {self.started_at:%Y-%m-%d %H:%M})"
