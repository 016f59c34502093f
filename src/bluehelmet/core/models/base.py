"""Abstract bases every bluehelmet model builds on.

``ChangeLoggedModel`` gives timestamps, the restricted manager and a snapshot used by the audit
log; ``MissionScopedModel`` adds the owning mission and the information-sensitivity class
(Capstone §7.2: only non-sensitive information leaves the mission, e.g. to humanitarian partners).
"""

from __future__ import annotations

import copy
import json
from typing import Any, ClassVar

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.permissions import RestrictedQuerySet, Sensitivity

RestrictedManager = models.Manager.from_queryset(RestrictedQuerySet)


def _json_safe(data: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


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
        # Keep the loaded values as they are; they become JSON only if the row is saved, so
        # reading thousands of rows costs no encoding (lists and the API stay fast).
        instance._loaded_values = {  # type: ignore[attr-defined]
            name: copy.deepcopy(value) if isinstance(value, dict | list) else value
            for name, value in zip(field_names, values, strict=False)
        }
        return instance

    def _field_values(self) -> dict[str, Any]:
        deferred = self.get_deferred_fields()  # reading one would cost a query per row
        return {
            f.attname: getattr(self, f.attname, None)
            for f in self._meta.concrete_fields
            if f.attname not in self.audit_exclude and f.attname not in deferred
        }

    def snapshot(self) -> dict[str, Any]:
        """JSON-safe values of the concrete fields, as stored in audit before/after."""
        return _json_safe(self._field_values())

    def loaded_snapshot(self) -> dict[str, Any] | None:
        """The values as last loaded or saved, or None for a row not read from the database."""
        loaded = getattr(self, "_loaded_values", None)
        if loaded is None:
            return None
        return _json_safe({k: v for k, v in loaded.items() if k not in self.audit_exclude})

    def remember_saved_values(self) -> None:
        self._loaded_values = {  # type: ignore[attr-defined]
            k: copy.deepcopy(v) if isinstance(v, dict | list) else v
            for k, v in self._field_values().items()
        }

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
