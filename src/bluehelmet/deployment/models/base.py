"""The base of every deployment record: confidential by default, Headquarters' business.

A crisis under assessment has no mission yet (Capstone §4.1): its records reach their mission,
if any, through the crisis situation. Without one, only Headquarters roles (grants over every
mission) see them; once a decision to deploy creates the mission, its leadership does too.
A record is never classified below the crisis it belongs to, so that its existence does not
leak to someone who may not see the crisis.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import ChangeLoggedModel
from bluehelmet.core.permissions import Sensitivity


class DeploymentRecord(ChangeLoggedModel):
    """Confidential by default and never classified below confidential (Capstone §4.1-4.2)."""

    # The path to the record's parent, whose sensitivity is the floor of this one's.
    parent_field: ClassVar[str | None] = None

    sensitivity = models.PositiveSmallIntegerField(
        _("sensitivity"), choices=Sensitivity.choices, default=Sensitivity.CONFIDENTIAL
    )

    class Meta:
        abstract = True

    def parent(self) -> Any:
        if self.parent_field is None or not getattr(self, f"{self.parent_field}_id", None):
            return None
        return getattr(self, self.parent_field)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        parent = self.parent()
        floor = max(Sensitivity.CONFIDENTIAL, getattr(parent, "sensitivity", 0))
        if self.sensitivity is None or self.sensitivity < floor:
            errors["sensitivity"] = str(
                _("Deployment records are at least confidential, and no less than %(p)s.")
                % {"p": parent if parent is not None else _("the crisis")}
            )
        errors = {**self.record_errors(), **errors}
        if errors:
            raise ValidationError(errors)

    def record_errors(self) -> dict[str, str]:
        """The record's own validation errors, by field (none by default)."""
        return {}
