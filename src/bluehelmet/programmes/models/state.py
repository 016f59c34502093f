"""The restoration and extension of State authority, and security sector reform and the rule
of law (Capstone §2.4): the presence of officials and services by admin area over time, and
the police stations, courts and prisons with their operating status, personnel trained and
vetted, and prison population."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH


class StateService(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator (prefect)")
    POLICE = "police", _("Police")
    JUSTICE = "justice", _("Justice")
    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education")


class StatePresence(MissionScopedModel):
    """Whether one State service works in one admin area on a day (Capstone §2.4): read over
    time, the series shows State authority extending or receding."""

    admin1 = models.CharField(_("admin area (level 1)"), max_length=120)
    service = models.CharField(_("service"), max_length=14, choices=StateService.choices)
    observed_on = models.DateField(_("observed on"))
    present = models.BooleanField(_("present and working"), default=False)
    officials = models.PositiveIntegerField(_("officials in post"), default=0)
    note = models.TextField(_("note"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["mission__code", "admin1", "service", "-observed_on"]
        verbose_name = _("State presence observation")
        verbose_name_plural = _("State presence")

    def __str__(self) -> str:
        return f"{self.admin1} · {self.get_service_display()} · {self.observed_on}"


class InstitutionKind(models.TextChoices):
    POLICE_STATION = "police_station", _("Police station")
    COURT = "court", _("Court")
    PRISON = "prison", _("Prison")


class OperatingStatus(models.TextChoices):
    OPERATING = "operating", _("Operating")
    PARTIAL = "partial", _("Partly operating")
    CLOSED = "closed", _("Not operating")


class RuleOfLawInstitution(MissionScopedModel):
    """A police station, court or prison the mission supports (Capstone §2.4: SSR and other
    rule of law activities)."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=InstitutionKind.choices)
    admin1 = models.CharField(_("admin area (level 1)"), max_length=120)

    class Meta:
        ordering = ["mission__code", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "name"], name="rolinstitution_unique_name")
        ]
        verbose_name = _("rule of law institution")
        verbose_name_plural = _("rule of law institutions")

    def __str__(self) -> str:
        return self.name


class SsrActivity(MissionScopedModel):
    """One report on an institution (Capstone §2.4): its operating status, personnel trained
    and vetted, and for a prison its population and how many await trial."""

    institution = models.ForeignKey(
        RuleOfLawInstitution,
        on_delete=models.CASCADE,
        related_name="reports",
        verbose_name=_("institution"),
    )
    reported_on = models.DateField(_("reported on"))
    status = models.CharField(_("operating status"), max_length=10, choices=OperatingStatus.choices)
    personnel = models.PositiveIntegerField(_("personnel"), default=0)
    personnel_trained = models.PositiveIntegerField(_("of whom trained"), default=0)
    personnel_vetted = models.PositiveIntegerField(_("of whom vetted"), default=0)
    prison_population = models.PositiveIntegerField(_("prison population"), null=True, blank=True)
    pretrial_detainees = models.PositiveIntegerField(
        _("of whom awaiting trial"), null=True, blank=True
    )

    class Meta:
        ordering = ["mission__code", "-reported_on"]
        verbose_name = _("SSR and rule of law report")
        verbose_name_plural = _("SSR and rule of law reports")

    def __str__(self) -> str:
        return f"{self.institution} · {self.reported_on}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if self.personnel_trained > self.personnel or self.personnel_vetted > self.personnel:
            errors["personnel"] = _("Trained and vetted personnel are counted among them.")
        if (self.pretrial_detainees or 0) > (self.prison_population or 0):
            errors["pretrial_detainees"] = _("Detainees awaiting trial are in the population.")
        if self.institution_id and self.institution.mission_id != self.mission_id:
            errors["institution"] = _("The institution belongs to another mission.")
        if errors:
            raise ValidationError(errors)
