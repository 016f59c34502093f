"""The base of every principles record: at least confidential (Capstone §3.1, §7.2).

Use-of-force reports, protection alerts, consent and impartiality analysis all touch the
mission's relations with the parties; none of it is released below the confidential class.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.permissions import Sensitivity


class PrinciplesRecord(MissionScopedModel):
    """Mission-scoped, confidential by default and never classified below confidential."""

    sensitivity = models.PositiveSmallIntegerField(
        _("sensitivity"), choices=Sensitivity.choices, default=Sensitivity.CONFIDENTIAL
    )

    class Meta:
        abstract = True

    def clean(self) -> None:
        """Collect every problem at once: the classification, then the record's own rules."""
        super().clean()
        errors: dict[str, str] = {}
        if self.sensitivity is None or self.sensitivity < Sensitivity.CONFIDENTIAL:
            errors["sensitivity"] = str(
                _("These records are at least confidential (Capstone §3.1).")
            )
        errors = {**self.record_errors(), **errors}
        if errors:
            raise ValidationError(errors)

    def record_errors(self) -> dict[str, str]:
        """The record's own validation errors, by field (none by default)."""
        return {}

    def same_mission(self, **related: object) -> dict[str, str]:
        """Errors for related records that belong to another mission."""
        errors = {}
        for name, obj in related.items():
            if obj is not None and getattr(obj, "mission_id", self.mission_id) != self.mission_id:
                errors[name] = str(_("This record belongs to another mission."))
        return errors
