"""Consultations owed to troop- and police-contributing countries (Capstone §4.3)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.mandates.models.resolutions import Mandate


class ConsultationTrigger(models.TextChoices):
    """When the doctrine expects consultations with contributors (Capstone §4.3 a-g)."""

    CONCEPT_OF_OPERATIONS = "concept_of_operations", _("Concept of operations being drawn up")
    MANDATE_CHANGE = "mandate_change", _("Change of mandate (scope, components, use of force)")
    RENEWAL = "renewal", _("Mandate renewal")
    SERIOUS_DEVELOPMENT = "serious_development", _("Serious political or military development")
    SECURITY_DETERIORATION = "security_deterioration", _("Rapid deterioration of security")
    DRAWDOWN = "drawdown", _("Drawdown, withdrawal or termination")
    COUNCIL_MISSION_BEFORE = "council_mission_before", _("Before a Council mission")
    COUNCIL_MISSION_AFTER = "council_mission_after", _("After a Council mission")


class ConsultationStatus(models.TextChoices):
    HELD = "held", _("Held")
    DUE = "due", _("Due")
    OVERDUE = "overdue", _("Overdue")


class Consultation(MissionScopedModel):
    """A consultation owed to the troop- and police-contributing countries (Capstone §4.3)."""

    trigger = models.CharField(_("trigger"), max_length=32, choices=ConsultationTrigger.choices)
    due_on = models.DateField(_("due on"), validators=[validate_date_range])
    countries = models.ManyToManyField(
        "core.ContributingCountry",
        blank=True,
        related_name="consultations",
        verbose_name=_("countries concerned"),
    )
    held_on = models.DateField(
        _("held on"), null=True, blank=True, validators=[validate_date_range]
    )
    summary = models.TextField(_("summary"), blank=True, max_length=TEXT_MAX_LENGTH)
    mandate = models.ForeignKey(
        Mandate, null=True, blank=True, on_delete=models.SET_NULL, related_name="consultations"
    )
    reason = models.CharField(_("why it is due"), max_length=300, blank=True)

    class Meta:
        ordering = ["mission__code", "due_on"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return f"{self.mission.code}: {self.get_trigger_display()} (due {self.due_on})"

    def status_on(self, day: Any = None) -> str:
        if self.held_on:
            return ConsultationStatus.HELD
        today = day or timezone.now().date()
        return ConsultationStatus.OVERDUE if self.due_on < today else ConsultationStatus.DUE

    @property
    def status(self) -> str:
        return self.status_on()
