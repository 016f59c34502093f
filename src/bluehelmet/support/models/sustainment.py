"""Contingent self-sufficiency and the UN contracts that take over from it (Capstone §8.1)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.support.models.base import inherit, related_text, same_mission

# The doctrine's range for a contingent's self-sufficiency on arrival (Capstone §8.1).
MIN_DAYS, MAX_DAYS = 30, 90


class Commodity(models.TextChoices):
    """What the UN must supply once the contingent's own stocks run out (Capstone §8.1)."""

    RATIONS = "rations", _("Rations")
    WATER = "water", _("Water")
    FUEL = "fuel", _("Fuel")


class ContractStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    TENDERING = "tendering", _("Tendering")
    AWARDED = "awarded", _("Awarded")
    IN_PLACE = "in_place", _("In place (delivering)")
    ENDED = "ended", _("Ended")


class SelfSufficiency(MissionScopedModel):
    """How long a contingent lives on its own stocks after arrival, as its agreement with the
    UN sets it (30 to 90 days, Capstone §8.1); UN contracts must deliver from ``ends_on``."""

    contingent = models.OneToOneField(
        "core.Contingent",
        on_delete=models.CASCADE,
        related_name="self_sufficiency",
        verbose_name=_("contingent"),
    )
    days = models.PositiveSmallIntegerField(
        _("self-sufficiency period (days)"),
        validators=[MinValueValidator(MIN_DAYS), MaxValueValidator(MAX_DAYS)],
        help_text=_("30 to 90 days, from the agreement with the contributing country."),
    )
    starts_on = models.DateField(
        _("counted from"),
        null=True,
        blank=True,
        validators=[validate_date_range],
        help_text=_("Leave empty to count from the contingent's arrival date."),
    )
    agreement = models.CharField(_("agreement reference"), max_length=120, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["mission__code", "contingent__name"]
        verbose_name = _("self-sufficiency period")
        verbose_name_plural = _("self-sufficiency periods")

    def __str__(self) -> str:
        return f"{related_text(self, 'contingent')} ({self.days} d)"

    @property
    def start(self) -> datetime.date | None:
        return self.starts_on or self.contingent.arrival_date

    @property
    def ends_on(self) -> datetime.date | None:
        """The day UN contracts must take over (rations, water, fuel)."""
        start = self.start
        return start + datetime.timedelta(days=self.days) if start else None

    def clean(self) -> None:
        super().clean()
        same_mission(self, "contingent")
        if not (MIN_DAYS <= (self.days or 0) <= MAX_DAYS):
            raise ValidationError({"days": _("The period is 30 to 90 days (Capstone §8.1).")})


class SupportContract(MissionScopedModel):
    """A UN contract that supplies a contingent with one commodity when its self-sufficiency
    ends (Capstone §8.1)."""

    period = models.ForeignKey(
        SelfSufficiency,
        on_delete=models.CASCADE,
        related_name="contracts",
        verbose_name=_("self-sufficiency period"),
    )
    commodity = models.CharField(_("commodity"), max_length=12, choices=Commodity.choices)
    contractor = models.CharField(_("contractor"), max_length=160, blank=True)
    reference = models.CharField(_("contract reference"), max_length=80, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ContractStatus.choices, default=ContractStatus.PLANNED
    )
    delivers_from = models.DateField(
        _("delivers from"), null=True, blank=True, validators=[validate_date_range]
    )

    class Meta:
        ordering = ["period", "commodity"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "commodity"], name="supportcontract_one_per_commodity"
            )
        ]
        verbose_name = _("support contract")
        verbose_name_plural = _("support contracts")

    def __str__(self) -> str:
        return f"{self.get_commodity_display()} · {related_text(self, 'period')}"

    @property
    def in_place(self) -> bool:
        return self.status == ContractStatus.IN_PLACE

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if self.status == ContractStatus.IN_PLACE and not self.delivers_from:
            errors["delivers_from"] = _("Give the day the contract delivers from.")
        if self.period_id and self.mission_id and self.period.mission_id != self.mission_id:
            errors["period"] = _("It belongs to another mission.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        inherit(self, "period")
        super().save(*args, **kwargs)
