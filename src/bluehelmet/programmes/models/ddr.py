"""Disarmament, demobilisation and reintegration (Capstone §2.4): cantonment sites, the
combatants registered there by armed group, and the weapons and ammunition collected and
destroyed. Children leave the adults at once for child protection (res. 1612, §1.4)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.permissions import Sensitivity


class SiteKind(models.TextChoices):
    CANTONMENT = "cantonment", _("Cantonment site")
    DEMOBILISATION = "demobilisation", _("Demobilisation site")
    DISARMAMENT = "disarmament", _("Disarmament point")


class DdrSite(MissionScopedModel):
    """A cantonment, demobilisation or disarmament site the mission secures (Capstone §2.4),
    with its capacity and how many are in it now (a site over capacity is flagged)."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=16, choices=SiteKind.choices)
    admin1 = models.CharField(_("admin area (level 1)"), max_length=120, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("capacity (people)"))
    occupancy = models.PositiveIntegerField(_("people in the site now"), default=0)
    opened_on = models.DateField(_("opened on"), null=True, blank=True)

    class Meta:
        ordering = ["mission__code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "name"], name="ddrsite_unique_name")
        ]
        verbose_name = _("DDR site")
        verbose_name_plural = _("DDR sites")

    def __str__(self) -> str:
        return self.name


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class AgeGroup(models.TextChoices):
    CHILD = "child", _("Child (under 18)")
    YOUTH = "youth", _("18-24")
    ADULT = "adult", _("25-59")
    OLDER = "older", _("60 and over")


class Reintegration(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    DISARMED = "disarmed", _("Disarmed")
    DEMOBILISED = "demobilised", _("Demobilised")
    IN_REINTEGRATION = "in_reintegration", _("In a reintegration programme")
    REINTEGRATED = "reintegrated", _("Reintegrated")
    DROPPED_OUT = "dropped_out", _("Dropped out")


class DdrParticipant(MissionScopedModel):
    """A former combatant registered by armed group (actor register), sex and age group
    (Capstone §2.4). No name is kept: the registration number is the participant's key. A
    child is never placed in a site with adults and must be referred to child protection
    within the mission's time limit (res. 1612, §1.4; rule ``ddr-child-not-referred``)."""

    registration_number = models.CharField(_("registration number"), max_length=30)
    armed_group = models.ForeignKey(
        "analysis.Actor",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("armed group"),
    )
    sex = models.CharField(_("sex"), max_length=6, choices=Sex.choices)
    age_group = models.CharField(_("age group"), max_length=6, choices=AgeGroup.choices)
    registered_at = models.DateTimeField(_("registered at (UTC)"))
    site = models.ForeignKey(
        DdrSite,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participants",
        verbose_name=_("site"),
    )
    referred_at = models.DateTimeField(
        _("referred to child protection at (UTC)"), null=True, blank=True
    )
    referred_to = models.ForeignKey(
        "core.Partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("child protection partner"),
    )
    status = models.CharField(
        _("reintegration status"),
        max_length=16,
        choices=Reintegration.choices,
        default=Reintegration.REGISTERED,
    )
    sensitivity = models.PositiveSmallIntegerField(
        _("sensitivity"), choices=Sensitivity.choices, default=Sensitivity.CONFIDENTIAL
    )

    class Meta:
        ordering = ["mission__code", "registration_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "registration_number"], name="ddrparticipant_unique_number"
            )
        ]
        verbose_name = _("DDR participant")
        verbose_name_plural = _("DDR participants")

    def __str__(self) -> str:
        return self.registration_number

    @property
    def is_child(self) -> bool:
        return self.age_group == AgeGroup.CHILD

    def clean(self) -> None:
        super().clean()
        if self.is_child and self.site_id is not None:
            raise ValidationError(
                {"site": _("A child is separated at once: never placed in a site with adults.")}
            )
        if not self.is_child and self.referred_at is not None:
            raise ValidationError({"referred_at": _("Only children are referred.")})
        if self.referred_at and self.registered_at and self.referred_at < self.registered_at:
            raise ValidationError({"referred_at": _("A referral follows the registration.")})


class WeaponCollection(MissionScopedModel):
    """Weapons and ammunition handed in at one site on one day, how many were destroyed and
    where the rest is stored (Capstone §2.4); the gap collected minus destroyed is shown."""

    collected_on = models.DateField(_("collected on"))
    site = models.ForeignKey(
        DdrSite,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="collections",
        verbose_name=_("site"),
    )
    armed_group = models.ForeignKey(
        "analysis.Actor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("armed group"),
    )
    weapons_collected = models.PositiveIntegerField(_("weapons collected"), default=0)
    weapons_destroyed = models.PositiveIntegerField(_("weapons destroyed"), default=0)
    ammunition_collected = models.PositiveIntegerField(_("rounds collected"), default=0)
    ammunition_destroyed = models.PositiveIntegerField(_("rounds destroyed"), default=0)
    stored_at = models.CharField(_("stored at"), max_length=120, blank=True)
    sensitivity = models.PositiveSmallIntegerField(
        _("sensitivity"), choices=Sensitivity.choices, default=Sensitivity.CONFIDENTIAL
    )

    class Meta:
        ordering = ["mission__code", "-collected_on"]
        verbose_name = _("weapons collection")
        verbose_name_plural = _("weapons collections")

    def __str__(self) -> str:
        return f"{self.collected_on} · {self.site or self.mission}"

    @property
    def weapons_gap(self) -> int:
        return self.weapons_collected - self.weapons_destroyed

    def clean(self) -> None:
        super().clean()
        if self.weapons_destroyed > self.weapons_collected:
            raise ValidationError({"weapons_destroyed": _("More destroyed than collected.")})
        if self.ammunition_destroyed > self.ammunition_collected:
            raise ValidationError({"ammunition_destroyed": _("More destroyed than collected.")})
