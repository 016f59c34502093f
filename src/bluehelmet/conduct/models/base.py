"""The base of every conduct record (Capstone §3.2): strictly confidential whatever is chosen,
seen only by the case roles (``conduct.access``), and kept out of the audit log's values.

The audit log is scoped by mission and sensitivity, not by role: an auditor with Headquarters
reach (``hq-oversight``) reads every strictly confidential entry. So a case's audit entries
keep who did what and when, which fields changed, and a keyed fingerprint of each value (a
change shows as a new fingerprint) but never the value itself; the case's own timeline is its
history for the conduct team.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.conduct.access import CaseQuerySet
from bluehelmet.core.case_access import redact
from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.permissions import Sensitivity

CaseManager = models.Manager.from_queryset(CaseQuerySet)


class CaseRecord(MissionScopedModel):
    """A record of a misconduct case: always strictly confidential (Capstone §3.2)."""

    # Fields an audit entry may show as they are: keys only, nothing about the case.
    audit_visible: ClassVar[frozenset[str]] = frozenset(
        {"id", "mission_id", "sensitivity", "allegation_id"}
    )

    sensitivity = models.PositiveSmallIntegerField(
        _("sensitivity"), choices=Sensitivity.choices, default=Sensitivity.STRICTLY_CONFIDENTIAL
    )

    # A narrower manager than the base's: the stubs see another type, the ORM the same API.
    objects: ClassVar[Any] = CaseManager()  # type: ignore[assignment]

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.sensitivity = Sensitivity.STRICTLY_CONFIDENTIAL
        super().save(*args, **kwargs)

    def snapshot(self) -> dict[str, Any]:
        return redact(super().snapshot(), self.audit_visible)

    def loaded_snapshot(self) -> dict[str, Any] | None:
        loaded = super().loaded_snapshot()
        return None if loaded is None else redact(loaded, self.audit_visible)
