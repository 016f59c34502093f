"""A recorded decision on an overdue-step flag of a case (Capstone §3.2; rules advise, people
decide: ``core.models.verdicts``). As confidential as the case it is about."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.conduct.models.base import CaseRecord
from bluehelmet.core.models.verdicts import VerdictDecisionRecord


class ConductVerdictOverride(CaseRecord, VerdictDecisionRecord):
    """A decision on one step's time-limit flag: ``rule`` about ``allegation:<id>``."""

    class Meta:
        ordering = ["mission__code", "rule", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "rule", "subject"], name="conductverdictoverride_unique"
            )
        ]
        verbose_name = _("conduct verdict decision")
        verbose_name_plural = _("conduct verdict decisions")
