"""The Secretary-General's periodic report to the Council on a mission, its versions and the
mission's reporting calendar (Capstone §9.1, §10.1; §7.1 for Headquarters' oversight).

A report covers a period; each assembly from the live records is a new version, a frozen copy
of what the records said then, read with the assembling user's reach. Clearing freezes the
report: no change and no new version afterwards.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.reports.cadence import MAX_CADENCE_DAYS, MEASURED_CADENCE_DAYS, MIN_CADENCE_DAYS
from bluehelmet.reports.models.council import ReportStatus

MAX_PERIOD_DAYS = 366


class PeriodicReport(MissionScopedModel):
    """A periodic report of the Secretary-General on one mission for one period (§9.1, §10.1).

    The sections are assembled from the records; ``observations`` is the author's own text.
    ``status`` changes only through ``do_clear_periodic_report``.
    """

    # A draft is confidential until cleared: it carries figures not yet published.
    sensitivity = models.PositiveSmallIntegerField(
        _("sensitivity"), choices=Sensitivity.choices, default=Sensitivity.CONFIDENTIAL
    )
    title = models.CharField(_("title"), max_length=300)
    symbol = models.CharField(
        _("document symbol"), max_length=40, blank=True, help_text=_("e.g. S/2026/812.")
    )
    period_start = models.DateField(_("period from"), validators=[validate_date_range])
    period_end = models.DateField(_("period to"), validators=[validate_date_range])
    # English and French are the Secretariat's working languages: the sections are assembled,
    # and the PDF and DOCX written, in the report's language (issue 20).
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    observations = models.TextField(
        _("observations"),
        blank=True,
        max_length=TEXT_MAX_LENGTH,
        help_text=_("The Secretary-General's observations, written by the author."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
        editable=False,
    )
    cleared_on = models.DateField(_("cleared on"), null=True, blank=True, editable=False)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("cleared by"),
    )

    class Meta:
        ordering = ["-period_end", "-created_at"]
        verbose_name = _("periodic report")
        verbose_name_plural = _("periodic reports")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        loaded = self.loaded_snapshot()
        if loaded and loaded.get("status") == ReportStatus.CLEARED:
            raise ValidationError(_("A cleared report is frozen: it cannot be changed."))
        if self.period_start and self.period_end:
            if self.period_end < self.period_start:
                raise ValidationError({"period_end": _("The period ends before it starts.")})
            if (self.period_end - self.period_start).days >= MAX_PERIOD_DAYS:
                raise ValidationError({"period_end": _("A reporting period is at most a year.")})

    @property
    def cleared(self) -> bool:
        return self.status == ReportStatus.CLEARED

    def latest_version(self) -> PeriodicReportVersion | None:
        return self.versions.order_by("-number").first()


class PeriodicReportVersion(MissionScopedModel):
    """One assembled version of a periodic report, as the records and the assembler's reach
    gave it (§9.1); never changed once written."""

    report = models.ForeignKey(PeriodicReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("content"), default=dict)
    assembled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assembled by"),
    )

    class Meta:
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"], name="periodicreportversion_unique"
            )
        ]
        verbose_name = _("periodic report version")
        verbose_name_plural = _("periodic report versions")

    def __str__(self) -> str:
        return f"{self.report} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.mission_id = self.report.mission_id
        super().save(*args, **kwargs)


class ReportingCalendar(MissionScopedModel):
    """When a mission's periodic reports fall due (§7.1): every ``cadence_days`` from
    ``starts_on`` (or from the resolution that asked for them). The Council's request is not
    stored with the resolutions, so the HQ planner sets the cadence; it defaults to the cadence
    measured from the Secretary-General's real reports (``reports.cadence``)."""

    resolution = models.ForeignKey(
        "mandates.Resolution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requesting resolution"),
        help_text=_("The resolution that asked the Secretary-General to report."),
    )
    starts_on = models.DateField(
        _("count from"),
        null=True,
        blank=True,
        validators=[validate_date_range],
        help_text=_("Empty: the date the resolution was adopted, else the mandate's date."),
    )
    cadence_days = models.PositiveSmallIntegerField(
        _("report every (days)"),
        default=MEASURED_CADENCE_DAYS,
        validators=[MinValueValidator(MIN_CADENCE_DAYS), MaxValueValidator(MAX_CADENCE_DAYS)],
        help_text=_(
            "Default: the median gap between the Secretary-General's reports on 21 past "
            "missions (PACT 2.0 data)."
        ),
    )
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["mission__code"]
        constraints = [
            models.UniqueConstraint(fields=["mission"], name="reportingcalendar_one_per_mission")
        ]
        verbose_name = _("reporting calendar")
        verbose_name_plural = _("reporting calendars")

    def __str__(self) -> str:
        return str(_("Reporting calendar of %(m)s") % {"m": self.mission.code})
