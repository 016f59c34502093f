"""Transition readiness (Capstone §10.2, §6.1): how ready each area of progress, and each
province, is for the mission to hand over, as judged by the leadership on a date."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.benchmarks.models.benchmarks import BenchmarkArea
from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH


class ReadinessLevel(models.TextChoices):
    NOT_READY = "not_ready", _("Not ready")
    PARTLY_READY = "partly_ready", _("Partly ready")
    READY = "ready", _("Ready")


class ReadinessAssessment(MissionScopedModel):
    """A judgement of readiness for hand-over in one benchmark area or one admin area, on a
    date, with its reasons (Capstone §10.2: an honest assessment of real progress). The latest
    one per area is the current reading; older ones are kept."""

    area = models.CharField(
        _("benchmark area"), max_length=20, choices=BenchmarkArea.choices, blank=True
    )
    admin1 = models.CharField(_("admin area (level 1)"), max_length=120, blank=True)
    level = models.CharField(_("readiness"), max_length=14, choices=ReadinessLevel.choices)
    assessed_on = models.DateField(_("assessed on"))
    rationale = models.TextField(_("reasons"), max_length=TEXT_MAX_LENGTH)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assessed by"),
    )

    class Meta:
        ordering = ["mission__code", "-assessed_on", "pk"]
        verbose_name = _("readiness assessment")
        verbose_name_plural = _("readiness assessments")

    def __str__(self) -> str:
        where = self.get_area_display() if self.area else self.admin1
        return f"{where}: {self.get_level_display()} ({self.assessed_on})"

    def clean(self) -> None:
        super().clean()
        if bool(self.area) == bool(self.admin1.strip()):
            raise ValidationError(_("Assess either one benchmark area or one admin area."))
