"""A planner's recorded decision on a coverage verdict (Capstone §5.2), the same
fields and meaning as every app's (``core.models.verdicts``): rules advise, people decide."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.models.verdicts import VerdictDecisionRecord


class PlanVerdictOverride(MissionScopedModel, VerdictDecisionRecord):
    """A decision on one coverage verdict: ``rule`` about ``subject`` (``task:<code>``,
    ``objective:<code>``, ``review:<id>``), kept per mission so it holds across revisions
    (Capstone §5.2)."""

    class Meta:
        ordering = ["mission__code", "rule", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "rule", "subject"], name="planverdictoverride_unique"
            )
        ]
        verbose_name = _("plan verdict override")
        verbose_name_plural = _("plan verdict overrides")
