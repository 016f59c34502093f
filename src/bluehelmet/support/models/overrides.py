"""A leader's recorded decision on a support verdict (Capstone §8.1-8.3), the same fields and
meaning as every app's (``core.models.verdicts``): rules advise, people decide."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.models.verdicts import VerdictDecisionRecord


class SupportVerdictOverride(MissionScopedModel, VerdictDecisionRecord):
    """A decision on one support verdict: ``rule`` about ``subject`` (e.g.
    ``equipmentinspection:12`` or ``selfsufficiency:3|commodity:fuel``) (Capstone §8.1-8.3)."""

    class Meta:
        ordering = ["mission__code", "rule", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "rule", "subject"], name="supportverdictoverride_unique"
            )
        ]
        verbose_name = _("support verdict decision")
        verbose_name_plural = _("support verdict decisions")
