"""A planner's recorded decision on a coverage verdict (Capstone §5.2), the same shape and
meaning as the principles app's verdict overrides: rules advise, people decide."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH
from bluehelmet.principles.models import VerdictDecision


class PlanVerdictOverride(MissionScopedModel):
    """A decision on one coverage verdict: ``rule`` about ``subject`` (``task:<code>``,
    ``objective:<code>``, ``review:<id>``), kept per mission so it holds across revisions
    (Capstone §5.2)."""

    rule = models.CharField(_("rule code"), max_length=40)
    subject = models.CharField(_("subject"), max_length=200)
    decision = models.CharField(_("decision"), max_length=10, choices=VerdictDecision.choices)
    reason = models.TextField(_("reason for the decision"), max_length=TEXT_MAX_LENGTH)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"))

    class Meta:
        ordering = ["mission__code", "rule", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "rule", "subject"], name="planverdictoverride_unique"
            )
        ]
        verbose_name = _("plan verdict override")
        verbose_name_plural = _("plan verdict overrides")

    def __str__(self) -> str:
        return f"{self.rule} {self.subject}: {self.decision}"
