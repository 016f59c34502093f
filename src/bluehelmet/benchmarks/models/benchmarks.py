"""Benchmarks of progress towards a sustainable peace and the indicators that measure them
(Capstone §10.2): each benchmark belongs to one area of progress, each indicator has a baseline,
a target and a threshold, and is read from several sources, some of them independent of the
mission."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.registry import INDICATOR_CODE_MAX_LENGTH, registry
from bluehelmet.core.validators import TEXT_MAX_LENGTH
from bluehelmet.planning.models import Direction, IndicatorLevel


class BenchmarkArea(models.TextChoices):
    """The areas whose progress decides the move from stabilisation to peacebuilding
    (Capstone §10.2)."""

    SECURITY = "security", _("Security")
    POLITICAL_PROCESS = "political_process", _("Political process")
    RULE_OF_LAW = "rule_of_law", _("Rule of law")
    STATE_AUTHORITY = "state_authority", _("State authority")
    HUMAN_RIGHTS = "human_rights", _("Human rights")
    SOCIO_ECONOMIC = "socio_economic", _("Socio-economic recovery")


# The area each doctrine benchmark template serves (doctrine catalogue, Capstone §10.2).
TEMPLATE_AREAS = {
    "violence-and-abuses-ended": BenchmarkArea.HUMAN_RIGHTS,
    "ddr-completed": BenchmarkArea.SECURITY,
    "national-forces-provide-security": BenchmarkArea.SECURITY,
    "justice-and-corrections": BenchmarkArea.RULE_OF_LAW,
    "state-authority-and-services": BenchmarkArea.STATE_AUTHORITY,
    "displaced-returned": BenchmarkArea.SOCIO_ECONOMIC,
    "legitimate-institutions": BenchmarkArea.POLITICAL_PROCESS,
}


class Benchmark(MissionScopedModel):
    """A condition the mission and national actors agree must hold before hand-over, in one
    area of progress, optionally drawn from a doctrine template (Capstone §10.2)."""

    code = models.CharField(_("code"), max_length=16, help_text=_("e.g. B1"))
    title = models.CharField(_("title"), max_length=200)
    area = models.CharField(_("area"), max_length=20, choices=BenchmarkArea.choices)
    template = models.ForeignKey(
        "doctrine.BenchmarkTemplate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("doctrine template"),
    )
    statement = models.TextField(_("statement"), blank=True, max_length=TEXT_MAX_LENGTH)
    target_date = models.DateField(_("target date"), null=True, blank=True)

    class Meta:
        ordering = ["mission__code", "code"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "code"], name="benchmark_unique_code")
        ]
        verbose_name = _("benchmark")
        verbose_name_plural = _("benchmarks")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Computation(models.TextChoices):
    """Readings the platform can compute from records it already holds (Capstone §10.2 asks
    for reliable indicators; §7.2 for the JOC and JMAC data that feed them): the built-in
    indicator sources (``computed.register``). Other apps register theirs in
    ``core.registry``; an indicator's ``computation`` is checked against the registry."""

    INCIDENTS = "incidents", _("Incidents recorded by the JOC")
    FATALITIES = "fatalities", _("Fatalities recorded by the JOC")
    POC_RESPONSE = "poc_response", _("Median hours to answer a protection alert")
    CONSENT_RESTRICTIONS = "consent_restrictions", _("Restrictions of freedom of movement")
    STAFFING_GAP = "staffing_gap", _("Troop gap against authorised strength (%)")
    FORECAST_RISK = "forecast_risk", _("Forecast risk of a fatal incident (%)")


def unknown_computation(code: str) -> str:
    return gettext(
        "Unknown computation “%(code)s”: no indicator source of that code is registered. "
        "Choose one of the sources offered, or none for an indicator that is observed."
    ) % {"code": code}


class Indicator(MissionScopedModel):
    """How progress towards a benchmark is known: an outcome, measured against a baseline, a
    target and a threshold beyond which it is off track (Capstone §10.2). It may be the plan's
    own indicator (``plan_indicator``) and may be computed from the platform's records."""

    benchmark = models.ForeignKey(Benchmark, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=200)
    plan_indicator = models.ForeignKey(
        "planning.ResultIndicator",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("plan indicator"),
    )
    level = models.CharField(
        _("level"), max_length=8, choices=IndicatorLevel.choices, default=IndicatorLevel.OUTCOME
    )
    unit = models.CharField(_("unit"), max_length=60)
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    threshold = models.DecimalField(
        _("alert threshold"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("A reading beyond this value, in the wrong direction, is a deterioration."),
    )
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    # A code of an indicator source of ``core.registry`` (checked in ``clean``): the sources
    # are registered by the apps at start-up, so the column holds no fixed list of choices.
    computation = models.CharField(
        _("computed from"), max_length=INDICATOR_CODE_MAX_LENGTH, blank=True
    )
    admin1 = models.CharField(_("admin area (level 1)"), max_length=120, blank=True)

    class Meta:
        ordering = ["benchmark", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        planned = self.plan_indicator if self.plan_indicator_id else None
        owner = self.benchmark.mission_id if self.benchmark_id else None
        if planned is not None and owner is not None and planned.mission_id != owner:
            raise ValidationError(_("The plan indicator belongs to another mission."))
        if self.computation and registry.indicator_source(self.computation) is None:
            raise ValidationError({"computation": unknown_computation(self.computation)})

    def get_computation_display(self) -> str:
        """What the indicator is computed from, in words (the source's label; the code itself
        if no source of that code is registered any more; blank when it is observed)."""
        source = registry.indicator_source(self.computation) if self.computation else None
        return str(source.label) if source is not None else self.computation

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.benchmark_id:
            self.mission_id = self.benchmark.mission_id
            self.sensitivity = max(self.sensitivity or 0, self.benchmark.sensitivity)
        super().save(*args, **kwargs)


class SourceKind(models.TextChoices):
    """Who says so (Capstone §10.2): the mission's word is checked against others'."""

    SELF_ASSESSMENT = "self_assessment", _("Mission self-assessment")
    MISSION_DATA = "mission_data", _("Mission data (JOC, JMAC records)")
    HOST_GOVERNMENT = "host_government", _("Host government")
    UN_COUNTRY_TEAM = "un_country_team", _("UN country team")
    INDEPENDENT_RESEARCH = "independent_research", _("Independent research")
    SURVEY = "survey", _("Population survey")


# The mission's own sources are never independent of it.
MISSION_SOURCES = frozenset({SourceKind.SELF_ASSESSMENT, SourceKind.MISSION_DATA})


class Observation(MissionScopedModel):
    """One reading of an indicator on a date, naming its source and whether that source is
    independent of the mission (Capstone §10.2). A computed reading keeps the query that
    produced it, so that it can be run again."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="observations")
    observed_on = models.DateField(_("observed on"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    source_kind = models.CharField(_("kind of source"), max_length=24, choices=SourceKind.choices)
    source_name = models.CharField(_("source"), max_length=200)
    independent = models.BooleanField(_("independent of the mission"), default=False)
    note = models.TextField(_("note"), blank=True, max_length=TEXT_MAX_LENGTH)
    query = models.JSONField(_("query that produced it"), default=dict, blank=True)

    class Meta:
        ordering = ["indicator", "observed_on", "pk"]
        indexes = [models.Index(fields=["indicator", "observed_on"])]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.source_name}, {self.observed_on})"

    def clean(self) -> None:
        super().clean()
        if self.independent and self.source_kind in MISSION_SOURCES:
            raise ValidationError(
                {"independent": _("The mission's own assessment or data is not independent.")}
            )

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.indicator_id:
            self.mission_id = self.indicator.mission_id
            self.sensitivity = max(self.sensitivity or 0, self.indicator.sensitivity)
        if self.source_kind in MISSION_SOURCES:
            self.independent = False
        super().save(*args, **kwargs)
