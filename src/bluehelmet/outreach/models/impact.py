"""The mission's footprint on its host community (Capstone §9.1): social, economic and
environmental indicators with a threshold per location, and the readings taken over time."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.models.verdicts import VerdictDecisionRecord
from bluehelmet.core.validators import TEXT_MAX_LENGTH


class ImpactKind(models.TextChoices):
    SOCIAL = "social", _("Social")
    ECONOMIC = "economic", _("Economic")
    ENVIRONMENTAL = "environmental", _("Environmental")


class ImpactMeasure(models.TextChoices):
    LOCAL_PRICES = "local_prices", _("Local prices near a base")
    LOCAL_EMPLOYMENT = "local_employment", _("Local employment")
    WATER_USE = "water_use", _("Water use")
    ENERGY_USE = "energy_use", _("Energy use")
    WASTE = "waste", _("Waste")
    LAND_USE = "land_use", _("Land use")
    OTHER = "other", _("Other")


class BreachWhen(models.TextChoices):
    ABOVE = "above", _("Above the threshold")
    BELOW = "below", _("Below the threshold")


class ImpactIndicator(MissionScopedModel):
    """What the mission watches of its own footprint at one place, and the level past which the
    leadership must look at it (Capstone §9.1). The place is a mission location (OrgUnit) or an
    admin area, with coordinates for the map (taken from the location when left blank)."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=ImpactKind.choices)
    measure = models.CharField(_("measure"), max_length=20, choices=ImpactMeasure.choices)
    unit = models.CharField(_("unit"), max_length=40)
    org_unit = models.ForeignKey(
        "core.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("mission location"),
    )
    admin1 = models.CharField(_("admin area (level 1)"), max_length=120, blank=True)
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    threshold = models.DecimalField(_("threshold"), max_digits=14, decimal_places=2)
    breach_when = models.CharField(
        _("breach when"), max_length=10, choices=BreachWhen.choices, default=BreachWhen.ABOVE
    )
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["mission__code", "name"]
        verbose_name = _("impact indicator")
        verbose_name_plural = _("impact indicators")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        unit = self.org_unit
        if unit is not None and self.mission_id and unit.mission_id != self.mission_id:
            raise ValidationError({"org_unit": _("The location belongs to another mission.")})
        if unit is None and not self.admin1.strip():
            raise ValidationError(
                {"admin1": _("Name the place: a mission location or an admin area.")}
            )
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both coordinates or neither.")})
        if unit is not None and self.latitude is None:
            self.latitude, self.longitude = unit.latitude, unit.longitude

    def save(self, *args: Any, **kwargs: Any) -> None:
        unit = self.org_unit if self.org_unit_id else None
        if unit is not None and self.latitude is None:
            self.latitude, self.longitude = unit.latitude, unit.longitude
        super().save(*args, **kwargs)

    @property
    def place(self) -> str:
        return str(self.org_unit) if self.org_unit_id else self.admin1

    def breached_by(self, value: object) -> bool:
        if self.breach_when == BreachWhen.BELOW:
            return value < self.threshold  # type: ignore[operator]
        return value > self.threshold  # type: ignore[operator]


class ImpactObservation(MissionScopedModel):
    """One reading of an impact indicator (Capstone §9.1); its mission is the indicator's."""

    indicator = models.ForeignKey(
        ImpactIndicator, on_delete=models.CASCADE, related_name="observations"
    )
    observed_on = models.DateField(_("observed on"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    source = models.CharField(_("source"), max_length=160, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["indicator", "-observed_on", "pk"]
        verbose_name = _("impact observation")
        verbose_name_plural = _("impact observations")

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.observed_on})"

    def inherit(self) -> None:
        """The record's mission is its indicator's; its class is at least the indicator's."""
        if self.indicator_id:
            self.mission_id = self.indicator.mission_id
            self.sensitivity = max(self.sensitivity or 0, self.indicator.sensitivity)

    def clean(self) -> None:
        self.inherit()
        super().clean()

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.inherit()
        super().save(*args, **kwargs)


class OutreachVerdictOverride(MissionScopedModel, VerdictDecisionRecord):
    """A leader's decision on an outreach flag, an impact breach or an overdue action item
    (Capstone §9.1, §7.2): the rules advise, people decide and say why."""

    class Meta:
        ordering = ["mission__code", "rule", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "rule", "subject"], name="outreachverdictoverride_unique"
            )
        ]
        verbose_name = _("outreach verdict override")
        verbose_name_plural = _("outreach verdict overrides")
