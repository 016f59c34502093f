"""A leader's recorded decision on a benchmark verdict (Capstone §10.2), the same fields and
meaning as every app's (``core.models.verdicts``): rules advise, people decide."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.models.verdicts import VerdictDecisionRecord


class BenchmarkVerdictOverride(MissionScopedModel, VerdictDecisionRecord):
    """A decision on one indicator verdict: ``rule`` about ``subject`` (``indicator:<id>``, or
    ``indicator:<id>|since:<date>`` for a deterioration, so that a new one is judged afresh)
    (Capstone §10.2)."""

    class Meta:
        ordering = ["mission__code", "rule", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "rule", "subject"], name="benchmarkverdictoverride_unique"
            )
        ]
        verbose_name = _("benchmark verdict override")
        verbose_name_plural = _("benchmark verdict overrides")
