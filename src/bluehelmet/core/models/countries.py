"""Contributing countries and their contingents (Capstone §7.1, §8.1)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import ChangeLoggedModel, MissionScopedModel
from bluehelmet.core.validators import country_name, validate_date_range, validate_real_country


class ContributingCountry(ChangeLoggedModel):
    """A Member State contributing troops or police (TCC/PCC); reference data for all missions."""

    mission_field = None
    sensitivity_field = None

    iso3 = models.CharField(
        _("ISO 3166-1 alpha-3"), max_length=3, unique=True, validators=[validate_real_country]
    )
    name = models.CharField(_("name"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("contributing country")
        verbose_name_plural = _("contributing countries")

    def __str__(self) -> str:
        return self.name or self.iso3

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        self.iso3 = self.iso3.upper()
        if not self.name:
            self.name = country_name(self.iso3) or self.iso3
        super().save(*args, **kwargs)


class UnitType(models.TextChoices):
    INFANTRY = "infantry_battalion", _("Infantry battalion")
    QRF = "quick_reaction_force", _("Quick reaction force")
    SPECIAL_FORCES = "special_forces", _("Special forces company")
    ENGINEERING = "engineering", _("Engineering company")
    MEDICAL = "medical", _("Medical unit (level 1-3 hospital)")
    AVIATION = "aviation", _("Aviation unit")
    SIGNALS = "signals", _("Signals company")
    TRANSPORT = "transport", _("Transport / logistics company")
    RIVERINE = "riverine", _("Riverine unit")
    EOD = "eod", _("Explosive ordnance disposal")
    STAFF_OFFICERS = "staff_officers", _("Staff officers")
    MILITARY_OBSERVERS = "military_observers", _("Military observers")
    FORMED_POLICE_UNIT = "formed_police_unit", _("Formed police unit")
    INDIVIDUAL_POLICE = "individual_police", _("Individual police officers")


POLICE_UNIT_TYPES = {UnitType.FORMED_POLICE_UNIT, UnitType.INDIVIDUAL_POLICE}


class ContingentStatus(models.TextChoices):
    PLEDGED = "pledged", _("Pledged")
    DEPLOYING = "deploying", _("Deploying")
    DEPLOYED = "deployed", _("Deployed")
    REPATRIATED = "repatriated", _("Repatriated")


class Contingent(MissionScopedModel):
    """A national unit placed under UN operational control, not UN command (Capstone §7.1)."""

    country = models.ForeignKey(
        ContributingCountry,
        on_delete=models.PROTECT,
        related_name="contingents",
        verbose_name=_("contributing country"),
    )
    name = models.CharField(_("name"), max_length=120)
    unit_type = models.CharField(_("unit type"), max_length=32, choices=UnitType.choices)
    strength = models.PositiveIntegerField(_("strength"), validators=[MinValueValidator(1)])
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ContingentStatus.choices,
        default=ContingentStatus.PLEDGED,
    )
    arrival_date = models.DateField(
        _("arrival date"), null=True, blank=True, validators=[validate_date_range]
    )
    repatriation_date = models.DateField(
        _("repatriation date"), null=True, blank=True, validators=[validate_date_range]
    )
    org_unit = models.ForeignKey(
        "core.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contingents",
        verbose_name=_("deployed at"),
    )
    operational_control = models.ForeignKey(
        "core.Post",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contingents_under_control",
        verbose_name=_("under UN operational control of"),
        help_text=_("The head of the military or police component (Capstone §7.1)."),
    )

    class Meta:
        ordering = ["mission__code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "name"], name="contingent_unique_name")
        ]
        verbose_name = _("contingent")
        verbose_name_plural = _("contingents")

    def __str__(self) -> str:
        return self.name

    @property
    def is_police(self) -> bool:
        return self.unit_type in POLICE_UNIT_TYPES

    @property
    def controlling_role(self) -> str:
        from bluehelmet.core.models.organisation import PostRole

        return PostRole.POLICE_COMMISSIONER if self.is_police else PostRole.FORCE_COMMANDER

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.org_unit is not None and self.org_unit.mission_id != self.mission_id:
            errors["org_unit"] = _("That location belongs to another mission.")
        post = self.operational_control
        wrong_post = post is not None and (
            post.mission_id != self.mission_id or post.role != self.controlling_role
        )
        if wrong_post:
            errors["operational_control"] = _(
                "Operational control rests with this mission's head of the %(component)s "
                "component (Capstone §7.1)."
            ) % {"component": _("police") if self.is_police else _("military")}
        arrived = {ContingentStatus.DEPLOYED, ContingentStatus.REPATRIATED}
        if self.status in arrived and not self.arrival_date:
            errors["arrival_date"] = _("A deployed contingent needs its arrival date.")
        if self.status == ContingentStatus.REPATRIATED and not self.repatriation_date:
            errors["repatriation_date"] = _("Give the repatriation date.")
        if (
            self.repatriation_date
            and self.arrival_date
            and self.repatriation_date < self.arrival_date
        ):
            errors["repatriation_date"] = _("Repatriated before arriving.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if not self.operational_control_id and self.mission_id:
            from bluehelmet.core.models.organisation import Post

            head = Post.objects.filter(mission_id=self.mission_id, role=self.controlling_role)
            self.operational_control = head.first()
        super().save(*args, **kwargs)
