"""Strategic assessments and the deployment factors they weigh (Capstone §4.1)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.deployment.models.base import DeploymentRecord
from bluehelmet.deployment.models.situations import CrisisSituation


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    FINAL = "final", _("Final")


class CouncilBacking(models.TextChoices):
    """How united the Council stands behind an operation (Capstone §4.2)."""

    UNITED = "united", _("United")
    MAJORITY = "majority", _("Majority, with reservations")
    DIVIDED = "divided", _("Divided")
    UNKNOWN = "unknown", _("Not yet known")


class StrategicAssessment(DeploymentRecord):
    """The UN system's assessment of a crisis and its options for engagement (Capstone §4.1).

    Political, security, humanitarian and development lines; who took part; the recommended
    option. Its status moves draft -> in review -> final only through ``do_`` actions, and a
    recommendation becomes final only with a worst case written for it (§4.2).
    """

    mission_field = "situation__mission_id"
    parent_field = "situation"

    situation = models.ForeignKey(
        CrisisSituation, on_delete=models.CASCADE, related_name="assessments"
    )
    title = models.CharField(_("title"), max_length=200)
    started_on = models.DateField(_("started on"), validators=[validate_date_range])
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.DRAFT,
        editable=False,
    )
    political_options = models.TextField(
        _("political line"), blank=True, max_length=TEXT_MAX_LENGTH
    )
    security_options = models.TextField(_("security line"), blank=True, max_length=TEXT_MAX_LENGTH)
    humanitarian_options = models.TextField(
        _("humanitarian line"), blank=True, max_length=TEXT_MAX_LENGTH
    )
    development_options = models.TextField(
        _("development line"), blank=True, max_length=TEXT_MAX_LENGTH
    )
    participants = models.TextField(
        _("who took part"),
        blank=True,
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Departments, agencies, Member States and partners consulted, one a line."),
    )
    council_backing = models.CharField(
        _("Council backing"),
        max_length=10,
        choices=CouncilBacking.choices,
        default=CouncilBacking.UNKNOWN,
    )
    council_backing_note = models.TextField(
        _("Council backing: basis"), blank=True, max_length=TEXT_MAX_LENGTH
    )
    recommended_option = models.ForeignKey(
        "deployment.DeploymentOption",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("recommended option"),
    )

    class Meta:
        ordering = ["-started_on", "title"]
        verbose_name = _("strategic assessment")
        verbose_name_plural = _("strategic assessments")

    def __str__(self) -> str:
        return self.title


class FactorKind(models.TextChoices):
    """The factors the Council weighs before establishing an operation (Capstone §4.1)."""

    THREAT_TO_PEACE = "threat_to_peace", _("Threat to international peace and security")
    REGIONAL_ARRANGEMENTS = "regional_arrangements", _("Regional arrangements ready to help")
    CEASEFIRE_PROCESS = "ceasefire_process", _("Cease-fire and commitment to a political process")
    POLITICAL_GOAL = "political_goal", _("A clear political goal a mandate can reflect")
    PRECISE_MANDATE = "precise_mandate", _("A precise mandate can be formulated")
    PERSONNEL_SAFETY = "personnel_safety", _("Safety and security of UN personnel")


class Judgement(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")
    UNKNOWN = "unknown", _("Unknown")


class Confidence(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class DeploymentFactor(DeploymentRecord):
    """One §4.1 factor as the assessment judges it, with its evidence and confidence."""

    mission_field = "assessment__situation__mission_id"
    parent_field = "assessment"

    assessment = models.ForeignKey(
        StrategicAssessment, on_delete=models.CASCADE, related_name="factors"
    )
    factor = models.CharField(_("factor"), max_length=24, choices=FactorKind.choices)
    judgement = models.CharField(
        _("judgement"), max_length=8, choices=Judgement.choices, default=Judgement.UNKNOWN
    )
    confidence = models.CharField(
        _("confidence"), max_length=8, choices=Confidence.choices, default=Confidence.LOW
    )
    evidence = models.TextField(_("evidence"), blank=True, max_length=TEXT_MAX_LENGTH)
    sources = models.TextField(
        _("sources and documents"),
        blank=True,
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Documents and sources, one a line."),
    )
    incidents = models.ManyToManyField(
        "operations.Incident", blank=True, related_name="+", verbose_name=_("incidents")
    )
    ucdp_conflict_id = models.PositiveIntegerField(_("UCDP conflict id"), null=True, blank=True)
    ucdp_summary = models.CharField(
        _("UCDP conflict data"),
        max_length=300,
        blank=True,
        help_text=_("e.g. intensity and years active, as read from the UCDP data."),
    )

    class Meta:
        ordering = ["assessment", "factor"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "factor"], name="deploymentfactor_unique_factor"
            )
        ]
        verbose_name = _("deployment factor")
        verbose_name_plural = _("deployment factors")

    def __str__(self) -> str:
        return f"{self.get_factor_display()}: {self.get_judgement_display()}"
