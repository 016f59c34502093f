"""Authorised and deployed strength: the resources that match a mandate (Capstone §4.2)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import validate_date_range
from bluehelmet.mandates.models.resolutions import DataSource, Resolution


class StrengthFigures(models.Model):
    troops = models.PositiveIntegerField(_("troops"), null=True, blank=True)
    police = models.PositiveIntegerField(_("police"), null=True, blank=True)
    military_observers = models.PositiveIntegerField(_("military observers"), null=True, blank=True)
    civilians = models.PositiveIntegerField(_("civilians"), null=True, blank=True)

    class Meta:
        abstract = True

    CATEGORIES = ("troops", "police", "military_observers", "civilians")


class AuthorisedStrength(MissionScopedModel, StrengthFigures):
    """Ceilings the Council authorised for a period (Capstone §4.2: resources to match)."""

    resolution = models.ForeignKey(
        Resolution,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authorised_strengths",
    )
    effective_from = models.DateField(_("effective from"), validators=[validate_date_range])
    effective_to = models.DateField(
        _("effective to"), null=True, blank=True, validators=[validate_date_range]
    )
    source = models.CharField(
        _("source"), max_length=20, choices=DataSource.choices, default=DataSource.MANUAL
    )

    class Meta:
        ordering = ["mission__code", "effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "effective_from"], name="authorised_unique_start"
            )
        ]
        verbose_name = _("authorised strength")
        verbose_name_plural = _("authorised strengths")

    def __str__(self) -> str:
        return f"{self.mission.code} authorised from {self.effective_from}"

    def clean(self) -> None:
        if self.effective_to and self.effective_to < self.effective_from:
            raise ValidationError({"effective_to": _("The period ends before it starts.")})


class DeployedStrength(MissionScopedModel, StrengthFigures):
    """Personnel actually deployed in a month (Capstone §4.2)."""

    month = models.DateField(
        _("month"), help_text=_("The first day of the month."), validators=[validate_date_range]
    )
    source = models.CharField(
        _("source"), max_length=20, choices=DataSource.choices, default=DataSource.MANUAL
    )

    class Meta:
        ordering = ["mission__code", "month"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "month"], name="deployed_unique_month")
        ]
        verbose_name = _("deployed strength")
        verbose_name_plural = _("deployed strengths")

    def __str__(self) -> str:
        return f"{self.mission.code} {self.month:%Y-%m}"

    def clean(self) -> None:
        if self.month and self.month.day != 1:
            raise ValidationError({"month": _("Give the first day of the month.")})
