"""The decision on a crisis: deploy, do not, or another option (Capstone §1.4, §4.1)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.deployment.models.assessments import StrategicAssessment
from bluehelmet.deployment.models.base import DeploymentRecord
from bluehelmet.deployment.models.options import DeploymentOption


class DecisionOutcome(models.TextChoices):
    DEPLOY = "deploy", _("Deploy a peacekeeping operation")
    NOT_DEPLOY = "not_deploy", _("Do not deploy")
    OTHER_OPTION = "other_option", _("Another form of engagement")


class DeploymentDecision(DeploymentRecord):
    """What was decided on the assessment, when, by whom and on which resolution (§1.4, §4.1).

    It is the Council's prerogative to deploy (§4.1); the record keeps its decision and the
    resolution, and, for a decision to deploy, the mission it created in pre-deployment.
    """

    mission_field = "assessment__situation__mission_id"
    parent_field = "assessment"

    assessment = models.OneToOneField(
        StrategicAssessment, on_delete=models.CASCADE, related_name="decision"
    )
    outcome = models.CharField(_("outcome"), max_length=14, choices=DecisionOutcome.choices)
    decided_on = models.DateField(_("decided on"), validators=[validate_date_range])
    decided_by = models.CharField(
        _("decided by"), max_length=200, help_text=_("e.g. the Security Council.")
    )
    option = models.ForeignKey(
        DeploymentOption,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("option chosen"),
    )
    resolution = models.ForeignKey(
        "mandates.Resolution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("resolution"),
    )
    mission = models.ForeignKey(
        "core.Mission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("mission created"),
    )
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["-decided_on"]
        verbose_name = _("deployment decision")
        verbose_name_plural = _("deployment decisions")

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.decided_on})"
