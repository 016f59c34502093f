"""What every part of a plan revision shares: it belongs to the revision's mission and is
changed only while the revision is a draft (Capstone §5.2: plans are revised, not overwritten)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel


class PlanPart(MissionScopedModel):
    """A record inside one plan revision; ``revision_path`` reaches the revision."""

    revision_path: ClassVar[str] = "revision"

    class Meta:
        abstract = True

    def owning_revision(self) -> Any:
        value: Any = self
        for part in self.revision_path.split("__"):
            if not getattr(value, f"{part}_id", None):
                return None
            value = getattr(value, part)
        return value

    def clean(self) -> None:
        super().clean()
        revision = self.owning_revision()
        if revision is not None and not revision.is_draft:
            raise ValidationError(
                _(
                    "Revision %(n)d is %(s)s and kept as it was: start a new revision to change "
                    "the plan."
                )
                % {"n": revision.number, "s": revision.get_status_display().lower()}
            )

    def save(self, *args: Any, **kwargs: Any) -> None:
        revision = self.owning_revision()
        if revision is not None:
            self.mission_id = revision.mission_id
            self.sensitivity = max(self.sensitivity or 0, revision.sensitivity)
        super().save(*args, **kwargs)
