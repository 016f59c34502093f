"""The Secretary-General's report to the Security Council and its versions (Capstone §4.1, §4.3).

A report is assembled from the deployment records into a version: a frozen copy of what the
records said then, so a version reads the same whatever changes later. Clearing the report
freezes it: no new version after that.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.validators import TEXT_MAX_LENGTH
from bluehelmet.deployment.models import DeploymentRecord, StrategicAssessment


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CLEARED = "cleared", _("Cleared")


class CouncilReport(DeploymentRecord):
    """A draft report of the Secretary-General recommending options to the Council (§4.1).

    What the Council needs to know (§4.2) is the planner's own text; the rest is assembled from
    the records. ``status`` changes only through ``do_clear_council_report``.
    """

    mission_field = "assessment__situation__mission_id"
    parent_field = "assessment"

    assessment = models.ForeignKey(
        StrategicAssessment, on_delete=models.CASCADE, related_name="council_reports"
    )
    title = models.CharField(_("title"), max_length=300)
    symbol = models.CharField(
        _("document symbol"), max_length=40, blank=True, help_text=_("e.g. S/2023/150.")
    )
    council_needs_to_know = models.TextField(
        _("what the Council needs to know"),
        blank=True,
        max_length=TEXT_MAX_LENGTH,
        help_text=_("The risks, plainly, whether or not the Council wants to hear them (§4.2)."),
    )
    observations = models.TextField(_("observations"), blank=True, max_length=TEXT_MAX_LENGTH)
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
        ordering = ["-created_at"]
        verbose_name = _("report to the Council")
        verbose_name_plural = _("reports to the Council")

    def __str__(self) -> str:
        return self.title

    def record_errors(self) -> dict[str, str]:
        loaded = self.loaded_snapshot()
        if loaded and loaded.get("status") == ReportStatus.CLEARED:
            return {"title": str(_("A cleared report is frozen."))}
        return {}

    def latest_version(self) -> CouncilReportVersion | None:
        return self.versions.order_by("-number").first()


class CouncilReportVersion(DeploymentRecord):
    """One assembled version of a report: the text as the records gave it (Capstone §4.3)."""

    mission_field = "report__assessment__situation__mission_id"
    parent_field = "report"

    report = models.ForeignKey(CouncilReport, on_delete=models.CASCADE, related_name="versions")
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
            models.UniqueConstraint(fields=["report", "number"], name="reportversion_unique")
        ]
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")

    def __str__(self) -> str:
        return f"{self.report} v{self.number}"
