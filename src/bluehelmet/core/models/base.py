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
_CONTAINERS = (dict, list)


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
        # Keep the loaded row as it came; it becomes a dict, then JSON, only if the record is
        # saved, so reading thousands of rows costs no per-field work (lists and the API stay
        # fast). Containers (JSON fields) are copied: the instance may change them in place.
        row = tuple(values)
        if any(type(value) in _CONTAINERS for value in row):
            row = tuple(copy.deepcopy(v) if type(v) in _CONTAINERS else v for v in row)
        instance._loaded_row = (field_names, row)  # type: ignore[attr-defined]
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
        loaded = getattr(self, "_loaded_row", None)
        if loaded is None:
            return None
        names, row = loaded
        exclude = self.audit_exclude
        return _json_safe({k: v for k, v in zip(names, row, strict=False) if k not in exclude})

    def remember_saved_values(self) -> None:
        values = self._field_values()
        self._loaded_row = (  # type: ignore[attr-defined]
            tuple(values),
            tuple(copy.deepcopy(v) if isinstance(v, dict | list) else v for v in values.values()),
        )

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
