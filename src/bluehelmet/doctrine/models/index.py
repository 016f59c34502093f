"""The guidance index (Capstone Annex 1): the documents of the DPKO/DFS guidance series and the
basic principles each one cites, so that staff find the guidance that applies to their work.

Reference data (``mission_field = None``): anyone signed in may read it, only Headquarters roles
may change it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import ChangeLoggedModel
from bluehelmet.core.models.verdicts import VerdictDecisionRecord
from bluehelmet.core.validators import TEXT_MAX_LENGTH
from bluehelmet.doctrine.models.guidance import GuidanceSeries
from bluehelmet.doctrine.models.principles import Principle


class GuidanceStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_FORCE = "in_force", _("In force")
    UNDER_REVIEW = "under_review", _("Under review")
    SUPERSEDED = "superseded", _("Superseded")


class GuidanceDocument(ChangeLoggedModel):
    """One policy, directive, SOP or guideline of the series 1000-6000 (Capstone Annex 1);
    a document below the 1000 series should say which basic principles it applies."""

    mission_field = None
    sensitivity_field = None

    title = models.CharField(_("title"), max_length=200)
    reference = models.CharField(_("reference"), max_length=60, blank=True)
    series = models.ForeignKey(
        GuidanceSeries, on_delete=models.PROTECT, related_name="documents", verbose_name=_("series")
    )
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    issuing_office = models.CharField(_("issuing office"), max_length=120)
    status = models.CharField(
        _("status"), max_length=20, choices=GuidanceStatus.choices, default=GuidanceStatus.IN_FORCE
    )
    link = models.URLField(_("link"), blank=True)
    file_reference = models.CharField(_("file reference"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True, max_length=TEXT_MAX_LENGTH)
    principles = models.ManyToManyField(
        Principle,
        blank=True,
        related_name="guidance_documents",
        verbose_name=_("principles cited"),
        help_text=_("The 1000-series principles this document applies (Capstone Annex 1)."),
    )

    class Meta:
        ordering = ["series__series", "title"]
        verbose_name = _("guidance document")
        verbose_name_plural = _("guidance documents")

    def __str__(self) -> str:
        return self.title


class GuidanceVerdictOverride(ChangeLoggedModel, VerdictDecisionRecord):
    """Headquarters' decision on a guidance-index flag (Capstone Annex 1): reference data like
    the index itself, so read by all and decided by HQ only."""

    mission_field = None
    sensitivity_field = None

    class Meta:
        ordering = ["rule", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "subject"], name="guidanceverdictoverride_unique"
            )
        ]
        verbose_name = _("guidance verdict override")
        verbose_name_plural = _("guidance verdict overrides")
