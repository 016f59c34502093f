"""A person's recorded decision on a programmes verdict (Capstone §2.4, §7.2): rules advise,
people decide (``core.models.verdicts``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.models.verdicts import VerdictDecisionRecord


class ProgrammeVerdictOverride(MissionScopedModel, VerdictDecisionRecord):
    """A decision on one programmes verdict: ``rule`` about ``subject`` (``participant:<id>``,
    ``site:<id>``, ``qip:<id>``, ``event:<id>``, ``centre:<id>``, ``presence:<id>``,
    ``institution:<id>``: ``rules``) (Capstone §2.4-2.5, §7.2)."""

    class Meta:
        ordering = ["mission__code", "rule", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "rule", "subject"], name="programmeverdictoverride_unique"
            )
        ]
        verbose_name = _("programme verdict decision")
        verbose_name_plural = _("programme verdict decisions")
