"""Abstract bases every bluehelmet model builds on.

``ChangeLoggedModel`` gives timestamps, the restricted manager and a snapshot used by the audit
log; ``MissionScopedModel`` adds the owning mission and the information-sensitivity class
(Capstone §7.2: only non-sensitive information leaves the mission, e.g. to humanitarian partners).
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.permissions import RestrictedQuerySet, Sensitivity

RestrictedManager = models.Manager.from_queryset(RestrictedQuerySet)


class ChangeLoggedModel(models.Model):
    """Timestamps, a permission-aware manager and before/after snapshots for the audit log."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RestrictedManager()

    # Path from this model to its mission's id, or None for reference data shared by all.
    mission_field: ClassVar[str | None] = "mission_id"
    sensitivity_field: ClassVar[str | None] = "sensitivity"
    audit_exclude: ClassVar[frozenset[str]] = frozenset({"created_at", "updated_at"})

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db: Any, field_names: Any, values: Any) -> ChangeLoggedModel:
        instance = super().from_db(db, field_names, values)
        instance._loaded_snapshot = instance.snapshot()  # type: ignore[attr-defined]
        return instance

    def snapshot(self) -> dict[str, Any]:
        """JSON-safe values of the concrete fields, as stored in audit before/after."""
        deferred = self.get_deferred_fields()  # reading one would cost a query per row
        data = {
            f.attname: getattr(self, f.attname, None)
            for f in self._meta.concrete_fields
            if f.attname not in self.audit_exclude and f.attname not in deferred
        }
        return json.loads(json.dumps(data, cls=DjangoJSONEncoder))

    @property
    def audit_mission_id(self) -> int | None:
        if self.mission_field is None:
            return None
        value: Any = self
        for part in self.mission_field.split("__"):
            value = getattr(value, part, None)
        return value

    @property
    def audit_sensitivity(self) -> int:
        if self.sensitivity_field is None:
            return Sensitivity.UNCLASSIFIED
        return int(getattr(self, self.sensitivity_field))


class MissionScopedModel(ChangeLoggedModel):
    """A record that belongs to one mission and carries an information-sensitivity class."""

    mission = models.ForeignKey(
        "core.Mission",
        on_delete=models.CASCADE,
        related_name="%(class)s_set",
        verbose_name=_("mission"),
    )
    sensitivity = models.PositiveSmallIntegerField(
        _("sensitivity"), choices=Sensitivity.choices, default=Sensitivity.UNCLASSIFIED
    )

    class Meta:
        abstract = True
