"""Forecast runs and the forecasts they produce (Capstone §7.2: the JMAC's integrated analysis
of medium-term threats, to support the Mission Leadership Team's decisions; §4.2: telling
leadership what it needs to know, including how often the analysis was wrong).

Both are confidential by default. A forecast of where violence will happen is an analytic
product of the JMAC: shared beyond the mission's cleared staff it can stigmatise communities,
reveal where the mission expects to deploy, or be taken as a prediction the mission stands
behind. Cleared roles (JMAC analysts, JOC officers, mission leadership, HQ planners) see it;
unclassified roles (component staff, partners, researchers) do not. A run may be raised to
strictly confidential; its forecasts carry the run's class.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.permissions import Sensitivity


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


def _confidential() -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        _("sensitivity"), choices=Sensitivity.choices, default=Sensitivity.CONFIDENTIAL
    )


class ForecastRun(MissionScopedModel):
    """One fit of the forecaster at an origin month, with its backtest track record.

    ``track_record`` holds, per horizon, the rolling backtest over the last months before the
    origin: the model's and each baseline's Brier score, average precision and MSE on
    log(1 + fatalities), so every forecast is shown beside how well the method did lately.
    """

    sensitivity = _confidential()
    unit = models.CharField(_("unit"), max_length=10, help_text=_("admin1 or h3:<resolution>"))
    origin_month = models.DateField(_("origin month"), null=True, blank=True)
    horizon_min = models.PositiveSmallIntegerField(_("first horizon (months)"), default=1)
    horizon_max = models.PositiveSmallIntegerField(_("last horizon (months)"), default=3)
    model_version = models.CharField(_("model version"), max_length=40, blank=True)
    params = models.JSONField(_("model parameters"), default=dict, blank=True)
    track_record = models.JSONField(_("track record"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    progress_note = models.CharField(_("step"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    n_areas = models.PositiveIntegerField(_("areas"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("started by"),
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    duration_seconds = models.FloatField(_("duration (s)"), null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True, editable=False)

    audit_exclude = MissionScopedModel.audit_exclude | {"progress", "progress_note"}

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["mission", "unit", "status", "origin_month"])]
        verbose_name = _("forecast run")
        verbose_name_plural = _("forecast runs")

    def __str__(self) -> str:
        origin = f"{self.origin_month:%Y-%m}" if self.origin_month else "?"
        return f"Forecast {self.unit} from {origin} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in {RunStatus.DONE, RunStatus.FAILED}


class Forecast(MissionScopedModel):
    """The forecast for one area and target month (Capstone §7.2): the probability of at least
    one fatal incident, the expected fatalities and their 10-90 % interval."""

    sensitivity = _confidential()
    run = models.ForeignKey(
        ForecastRun, on_delete=models.CASCADE, related_name="forecasts", verbose_name=_("run")
    )
    area_code = models.CharField(_("area"), max_length=120)
    area_label = models.CharField(_("area name"), max_length=120, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    target_month = models.DateField(_("target month"))
    horizon = models.PositiveSmallIntegerField(_("horizon (months)"))
    probability = models.FloatField(_("probability of a fatal incident"))
    expected_fatalities = models.FloatField(_("expected fatalities"))
    fatalities_low = models.FloatField(_("fatalities, 10 % quantile"), default=0)
    fatalities_high = models.FloatField(_("fatalities, 90 % quantile"), default=0)
    events_last_month = models.PositiveIntegerField(_("incidents in the origin month"), default=0)
    fatalities_last_month = models.PositiveIntegerField(
        _("fatalities in the origin month"), default=0
    )

    class Meta:
        ordering = ["run", "horizon", "-probability", "area_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "area_code", "target_month"], name="forecast_unique_area_month"
            )
        ]
        indexes = [models.Index(fields=["mission", "target_month"])]
        verbose_name = _("forecast")
        verbose_name_plural = _("forecasts")

    def __str__(self) -> str:
        month = self.target_month.strftime("%Y-%m") if self.target_month else "?"
        return f"{self.area_label or self.area_code} {month}: {self.probability:.0%}"

    @property
    def target_label(self) -> str:
        return (
            self.target_month.strftime("%Y-%m")
            if isinstance(self.target_month, datetime.date)
            else ""
        )
