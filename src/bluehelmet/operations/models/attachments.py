"""Photos and documents attached to an incident (issue 13), kept under the same scoping as the
incident: the mission is the incident's and the sensitivity is at least the incident's.

The files live under ``DATA_DIR/attachments`` (never under the static or media roots): they
are served only by ``IncidentAttachmentDownloadView``, which looks the incident up through
``restrict()`` and logs every download.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel

# Extension -> the content type the file is served with (the client's claim is not trusted).
ALLOWED_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain",
}
# The first bytes each kind of file starts with (a .jpg that is not a JPEG is refused).
SIGNATURES = {
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
}


def attachment_root() -> Path:
    return Path(settings.DATA_DIR) / "attachments"


def max_attachment_bytes() -> int:
    return int(getattr(settings, "INCIDENT_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))


def extension(name: str) -> str:
    return Path(name).suffix.lower().lstrip(".")


class IncidentAttachment(MissionScopedModel):
    """One file attached to an incident (Capstone §7.2: the JOC keeps the evidence it reports)."""

    incident = models.ForeignKey(
        "operations.Incident",
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("incident"),
    )
    name = models.CharField(_("file name"), max_length=200)
    stored_as = models.CharField(max_length=100, editable=False, unique=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    content_type = models.CharField(_("content type"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        ordering = ["incident", "created_at", "id"]
        verbose_name = _("incident attachment")
        verbose_name_plural = _("incident attachments")

    def __str__(self) -> str:
        return self.name

    @property
    def path(self) -> Path:
        return attachment_root() / self.stored_as

    @staticmethod
    def new_stored_name(name: str) -> str:
        """A name of our own (the user's name is kept as ``name``, never used as a path)."""
        return f"{uuid.uuid4().hex}.{extension(name)}"

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        incident = self.incident if self.incident_id else None
        if incident is not None:
            if self.mission_id != incident.mission_id:
                errors["incident"] = _("The attachment belongs to the incident's mission.")
            if self.sensitivity is not None and self.sensitivity < incident.sensitivity:
                errors["sensitivity"] = _("An attachment is at least as sensitive as its incident.")
        if extension(self.name) not in ALLOWED_TYPES:
            errors["name"] = _("This kind of file is not accepted.")
        if errors:
            raise ValidationError(errors)


def remove_stored_file(sender: Any, instance: IncidentAttachment, **kwargs: Any) -> None:
    """``post_delete`` receiver (connected in ``OperationsConfig.ready``): once committed."""
    path = instance.path
    transaction.on_commit(lambda: path.unlink(missing_ok=True))
