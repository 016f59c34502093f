"""Situation and flash reports (Capstone §7.2: the JOC collates situation reports; §6.3:
reporting lines set up from start-up)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class FlashStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")


def _unit_in_mission(instance: Any) -> dict[str, Any]:
    unit = instance.org_unit
    if unit is not None and unit.mission_id != instance.mission_id:
        return {"org_unit": _("This unit belongs to another mission.")}
    return {}


class SituationReport(MissionScopedModel):
    """The daily SITREP, mission-wide (no unit) or for one sector, compiled from incidents."""

    org_unit = models.ForeignKey(
        "core.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="situation_reports",
        verbose_name=_("sector"),
        help_text=_("Empty for the mission-wide report."),
    )
    report_date = models.DateField(_("report date"), validators=[validate_date_range])
    period_start = models.DateTimeField(
        _("period start (UTC)"),
        blank=True,
        help_text=_("Default: the report date, 00:00 UTC."),
        validators=[validate_date_range],
    )
    period_end = models.DateTimeField(
        _("period end (UTC)"),
        blank=True,
        help_text=_("Default: 24 hours after the start."),
        validators=[validate_date_range],
    )
    narrative = models.TextField(_("JOC assessment"), blank=True, max_length=TEXT_MAX_LENGTH)
    incidents = models.ManyToManyField(
        "operations.Incident", blank=True, related_name="situation_reports"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        ordering = ["-report_date", "mission__code", "org_unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "report_date"],
                condition=models.Q(org_unit__isnull=True),
                name="sitrep_one_mission_wide_a_day",
                violation_error_message=_(
                    "There is already a mission-wide situation report for this day: open it, "
                    "or choose the unit this report covers."
                ),
            ),
            models.UniqueConstraint(
                fields=["mission", "org_unit", "report_date"],
                condition=models.Q(org_unit__isnull=False),
                name="sitrep_one_per_sector_a_day",
                violation_error_message=_(
                    "There is already a situation report of this unit for this day: open it "
                    "instead."
                ),
            ),
        ]
        verbose_name = _("situation report")
        verbose_name_plural = _("situation reports")

    def __str__(self) -> str:
        scope = self.org_unit.name if self.org_unit is not None else _("mission-wide")
        return f"SITREP {self.mission.code} {self.report_date} ({scope})"

    def _default_period(self) -> None:
        if self.report_date and not self.period_start:
            self.period_start = datetime.datetime.combine(
                self.report_date, datetime.time(), tzinfo=datetime.UTC
            )
        if self.period_start and not self.period_end:
            self.period_end = self.period_start + datetime.timedelta(days=1)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self._default_period()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self._default_period()
        errors = _unit_in_mission(self)
        if self.period_start and self.period_end and self.period_end <= self.period_start:
            errors["period_end"] = _("The period ends before it starts.")
        if errors:
            raise ValidationError(errors)


class FlashReport(MissionScopedModel):
    """An immediate report of a significant incident, ahead of the next SITREP."""

    org_unit = models.ForeignKey(
        "core.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="flash_reports",
        verbose_name=_("reporting unit"),
    )
    incident = models.ForeignKey(
        "operations.Incident",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="flash_reports",
        verbose_name=_("incident"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("what happened, what is being done"), max_length=TEXT_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=FlashStatus.choices, default=FlashStatus.DRAFT
    )
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("flash report")
        verbose_name_plural = _("flash reports")

    def __str__(self) -> str:
        return f"FLASH {self.mission.code}: {self.title}"

    def clean(self) -> None:
        errors = _unit_in_mission(self)
        if self.incident is not None and self.incident.mission_id != self.mission_id:
            errors["incident"] = _("This incident belongs to another mission.")
        if errors:
            raise ValidationError(errors)
