"""Written threat assessments of the JMAC, with the incidents they rest on (Capstone §7.2, §4.2).

The JMAC integrates information from every source to assess medium- and long-term threats to
the mandate for the leadership (§7.2). An assessment states a threat level for an area and a
period, its narrative, the worst case planners must be ready for (§4.2: tell decision-makers
what they need to know), and cites the incidents behind it. It is reviewed before it informs
decisions: draft, in review, approved (``analysis.actions``).
"""

from __future__ import annotations

from typing import Any

import h3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range


class ThreatLevel(models.TextChoices):
    LOW = "low", _("Low")
    MODERATE = "moderate", _("Moderate")
    HIGH = "high", _("High")
    CRITICAL = "critical", _("Critical")


THREAT_RANK = {
    ThreatLevel.LOW: 1,
    ThreatLevel.MODERATE: 2,
    ThreatLevel.HIGH: 3,
    ThreatLevel.CRITICAL: 4,
}


class AreaKind(models.TextChoices):
    ADMIN1 = "admin1", _("Admin area (level 1)")
    H3 = "h3", _("H3 cell")
    TEXT = "text", _("Described area")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")


class ThreatAssessment(MissionScopedModel):
    """A JMAC threat assessment for one area and period, citing its incidents (§7.2, §4.2)."""

    title = models.CharField(_("title"), max_length=200)
    area_kind = models.CharField(
        _("area given as"), max_length=8, choices=AreaKind.choices, default=AreaKind.ADMIN1
    )
    area = models.CharField(
        _("area"),
        max_length=200,
        help_text=_("An admin-1 name, an H3 cell (e.g. 8559a8c3fffffff) or a described area."),
    )
    period_start = models.DateField(_("period from"), validators=[validate_date_range])
    period_end = models.DateField(_("period to"), validators=[validate_date_range])
    threat_level = models.CharField(_("threat level"), max_length=10, choices=ThreatLevel.choices)
    narrative = models.TextField(_("assessment"), max_length=TEXT_MAX_LENGTH)
    worst_case = models.TextField(
        _("worst case"),
        blank=True,
        help_text=_("The most dangerous plausible development (§4.2); needed for review."),
        max_length=TEXT_MAX_LENGTH,
    )
    recommendations = models.TextField(_("recommendations"), blank=True, max_length=TEXT_MAX_LENGTH)
    cited_incidents = models.ManyToManyField(
        "operations.Incident",
        blank=True,
        related_name="threat_assessments",
        verbose_name=_("cited incidents"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
        editable=False,
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.DRAFT,
        editable=False,
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewer"),
        editable=False,
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True, editable=False)
    review_reason = models.TextField(_("review note"), blank=True, editable=False)
    sensitivity = models.PositiveSmallIntegerField(
        _("sensitivity"), choices=Sensitivity.choices, default=Sensitivity.CONFIDENTIAL
    )

    class Meta:
        ordering = ["-period_end", "-id"]
        indexes = [models.Index(fields=["mission", "status"], name="threatassess_mission_status")]
        verbose_name = _("threat assessment")
        verbose_name_plural = _("threat assessments")

    def __str__(self) -> str:
        return self.title

    @property
    def area_label(self) -> str:
        """The area as a reader names it: an H3 cell by its place, the cell id second."""
        from bluehelmet.analysis.areas import area_label  # reads incidents and sites

        return area_label(self)

    @property
    def editable_now(self) -> bool:
        """Only drafts change: what is in review or approved is what was reviewed."""
        return self.status == AssessmentStatus.DRAFT

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The period ends before it starts.")
        area = (self.area or "").strip()
        self.area = area
        if self.area_kind == AreaKind.H3 and area and not h3.is_valid_cell(area):
            errors["area"] = _("“%(cell)s” is not an H3 cell (e.g. 8559a8c3fffffff).") % {
                "cell": area
            }
        if errors:
            raise ValidationError(errors)


# What an analyst writes in an assessment (the form and the API take the same fields).
ASSESSMENT_CONTENT_FIELDS = (
    "title",
    "area_kind",
    "area",
    "period_start",
    "period_end",
    "threat_level",
    "narrative",
    "worst_case",
    "recommendations",
)
