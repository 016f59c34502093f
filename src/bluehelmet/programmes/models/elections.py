"""Electoral support (Capstone §2.4): the electoral calendar, the polling centres with the
logistics they ask of the mission, and their security risk read from the JOC's incidents
around them (``elections.centre_risk``)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH


class ElectoralEventKind(models.TextChoices):
    REGISTRATION = "registration", _("Voter registration")
    CANDIDATES = "candidates", _("Candidate lists")
    CAMPAIGN = "campaign", _("Campaign")
    POLLING = "polling", _("Polling day")
    RESULTS = "results", _("Results")
    RUN_OFF = "run_off", _("Run-off")
    OTHER = "other", _("Other")


class ElectoralEvent(MissionScopedModel):
    """One step of the electoral calendar the mission supports (Capstone §2.4); the day it was
    done, if it was (``rules.electoral_step_done``)."""

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=14, choices=ElectoralEventKind.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    completed_on = models.DateField(
        _("completed on"),
        null=True,
        blank=True,
        help_text=_("When the step was done; until then a step past its date is flagged."),
    )
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["mission__code", "starts_on", "title"]
        verbose_name = _("electoral event")
        verbose_name_plural = _("electoral calendar")

    def __str__(self) -> str:
        return f"{self.starts_on} {self.title}"

    @property
    def due_on(self) -> datetime.date:
        """The day by which the step is done: its last day, or its only one."""
        return self.ends_on or self.starts_on

    def clean(self) -> None:
        super().clean()
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("It ends after it starts.")})


class PollingCentre(MissionScopedModel):
    """A polling centre (Capstone §2.4): where it is, how many vote there, and the logistics
    it asks of the mission (transport of materials, security, communications)."""

    code = models.CharField(_("code"), max_length=30)
    name = models.CharField(_("name"), max_length=200)
    admin1 = models.CharField(_("admin area (level 1)"), max_length=120)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    registered_voters = models.PositiveIntegerField(_("registered voters"), default=0)
    polling_stations = models.PositiveSmallIntegerField(_("polling stations"), default=1)
    logistics_needs = models.TextField(
        _("logistics requested from the mission"), blank=True, max_length=TEXT_MAX_LENGTH
    )

    class Meta:
        ordering = ["mission__code", "code"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "code"], name="pollingcentre_unique_code")
        ]
        verbose_name = _("polling centre")
        verbose_name_plural = _("polling centres")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def clean(self) -> None:
        super().clean()
        if not (-90 <= (self.latitude or 0) <= 90 and -180 <= (self.longitude or 0) <= 180):
            raise ValidationError(_("The coordinates lie outside [-90,90]x[-180,180]."))
