"""Lifecycle records: transitions between phases and start-up milestones (Capstone §6.1-6.3)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.phases import Phase
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range


class MilestoneKind(models.TextChoices):
    """Start-up structures and decisions the gates look for (Capstone §6.2-6.3, §7.2, §10)."""

    ADVANCE_TEAM_DEPLOYED = "advance_team_deployed", _("Advance team deployed")
    LEADERSHIP_TEAM_IN_PLACE = "leadership_team_in_place", _("Mission Leadership Team in place")
    JOC_ESTABLISHED = "joc_established", _("Joint Operations Centre established")
    JMAC_ESTABLISHED = "jmac_established", _("Joint Mission Analysis Centre established")
    JLOC_ESTABLISHED = "jloc_established", _("Joint Logistics Operations Centre established")
    DECISION_FORUMS = "decision_forums", _("Decision-making forums established")
    INFORMATION_MANAGEMENT = "information_management", _("Information-management protocols")
    REPORTING_LINES = "reporting_lines", _("Reporting lines defined")
    COUNCIL_DRAWDOWN_DECISION = (
        "council_drawdown_decision",
        _("Security Council decision to draw down"),
    )
    HANDOVER_PLAN = "handover_plan", _("Hand-over plan agreed with partners")
    ASSET_DISPOSAL_COMPLETE = "asset_disposal_complete", _("Asset disposal complete")


class StartUpMilestone(MissionScopedModel):
    """A start-up structure or decision recorded as achieved on a date (Capstone §6.3)."""

    kind = models.CharField(_("milestone"), max_length=40, choices=MilestoneKind.choices)
    achieved_on = models.DateField(_("achieved on"), validators=[validate_date_range])
    evidence = models.TextField(
        _("evidence"),
        blank=True,
        help_text=_("Decision, directive or document that shows it."),
        max_length=TEXT_MAX_LENGTH,
    )

    class Meta:
        ordering = ["mission__code", "achieved_on"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "kind"], name="milestone_unique_kind")
        ]
        verbose_name = _("start-up milestone")
        verbose_name_plural = _("start-up milestones")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.achieved_on})"


class PhaseTransition(MissionScopedModel):
    """A decided move of a mission from one lifecycle phase to the next (Capstone §6.1).

    The gate report is kept as it stood at the decision; an override keeps its reason.
    Transitions are history: never edited, only appended.
    """

    from_phase = models.CharField(_("from"), max_length=32, choices=Phase.choices)
    to_phase = models.CharField(_("to"), max_length=32, choices=Phase.choices)
    effective_on = models.DateField(_("effective on"), validators=[validate_date_range])
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    gate_report = models.JSONField(_("gate report"), default=list)
    overridden = models.BooleanField(_("gates overridden"), default=False)
    override_reason = models.TextField(_("override reason"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["mission__code", "effective_on", "id"]
        verbose_name = _("phase transition")
        verbose_name_plural = _("phase transitions")

    def __str__(self) -> str:
        return (
            f"{self.mission.code}: {self.get_from_phase_display()} -> {self.get_to_phase_display()}"
        )
