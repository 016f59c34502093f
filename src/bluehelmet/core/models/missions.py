"""Missions and their components (Capstone §2.2-2.3, §6, §7.1)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import ChangeLoggedModel, MissionScopedModel
from bluehelmet.core.phases import Phase
from bluehelmet.core.validators import (
    TEXT_MAX_LENGTH,
    country_name,
    validate_date_range,
    validate_host_country,
    validate_mission_code,
)


class MissionType(models.TextChoices):
    """Capstone §2.2-2.3: traditional operations observe and separate; multi-dimensional ones
    also support a peace process and the restoration of state authority."""

    TRADITIONAL = "traditional", _("Traditional")
    MULTIDIMENSIONAL = "multidimensional", _("Multi-dimensional")


class MissionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    DRAWING_DOWN = "drawing_down", _("Drawing down")
    CLOSED = "closed", _("Closed")


class SofaStatus(models.TextChoices):
    """Capstone §6.2: a status-of-forces/mission agreement is negotiated before deployment."""

    NONE = "none", _("Not started")
    NEGOTIATING = "negotiating", _("Under negotiation")
    SIGNED = "signed", _("Signed")
    IN_FORCE = "in_force", _("In force")
    MODEL_APPLIED = "model_applied", _("Model SOFA applied provisionally")


class Mission(ChangeLoggedModel):
    """A UN peacekeeping operation (Capstone §2.2-2.3); its phase follows §6.1-6.2."""

    mission_field = "id"
    sensitivity_field = None

    code = models.CharField(
        _("code"), max_length=20, unique=True, validators=[validate_mission_code]
    )
    name = models.CharField(_("name"), max_length=200)
    host_country = models.CharField(
        _("host country (ISO 3166-1 alpha-3)"), max_length=3, validators=[validate_host_country]
    )
    host_country_name = models.CharField(
        _("host country name"),
        max_length=100,
        blank=True,
        help_text=_("Filled from ISO 3166 when left blank; required for fictional countries."),
    )
    mission_type = models.CharField(_("type"), max_length=20, choices=MissionType.choices)
    mandate_authorised_on = models.DateField(
        _("mandate authorised on"), null=True, blank=True, validators=[validate_date_range]
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MissionStatus.choices, default=MissionStatus.PLANNED
    )
    phase = models.CharField(
        _("lifecycle phase"),
        max_length=32,
        choices=Phase.choices,
        default=Phase.PRE_DEPLOYMENT,
        editable=False,
        help_text=_("Changed only through a lifecycle transition (Capstone §6.1)."),
    )
    sofa_status = models.CharField(
        _("SOFA/SOMA status"), max_length=20, choices=SofaStatus.choices, default=SofaStatus.NONE
    )
    sofa_signed_on = models.DateField(
        _("SOFA/SOMA signed on"), null=True, blank=True, validators=[validate_date_range]
    )
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["code"]
        verbose_name = _("mission")
        verbose_name_plural = _("missions")

    def __str__(self) -> str:
        return self.code

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        self.code = (self.code or "").strip().upper()
        self.host_country = (self.host_country or "").strip().upper()
        if not self.host_country_name and self.host_country:
            name = country_name(self.host_country)
            if name is None:
                raise ValidationError(
                    {"host_country_name": _("Name the country: its code is user-assigned.")}
                )
            self.host_country_name = name
        if self.sofa_signed_on and self.sofa_status in {SofaStatus.NONE, SofaStatus.NEGOTIATING}:
            raise ValidationError(
                {"sofa_signed_on": _("A signing date needs the status signed or in force.")}
            )

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if not self.host_country_name and self.host_country:
            self.host_country_name = country_name(self.host_country) or ""
        super().save(*args, **kwargs)

    @property
    def deployment_target_days(self) -> int:
        """Capstone §6.2: 30 days for a traditional mission, 90 for a multi-dimensional one."""
        return 30 if self.mission_type == MissionType.TRADITIONAL else 90


class ComponentKind(models.TextChoices):
    MILITARY = "military", _("Military")
    POLICE = "police", _("Police")
    CIVILIAN = "civilian", _("Civilian substantive")
    SUPPORT = "support", _("Mission support")


class Component(MissionScopedModel):
    """A functional component of a mission (Capstone §7.2: civilian, police, military, support)."""

    kind = models.CharField(_("kind"), max_length=20, choices=ComponentKind.choices)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["mission__code", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "name"], name="component_unique_name")
        ]
        verbose_name = _("component")
        verbose_name_plural = _("components")

    def __str__(self) -> str:
        return f"{self.mission.code} {self.name}"
