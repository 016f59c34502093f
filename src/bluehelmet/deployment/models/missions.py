"""The technical assessment mission and its findings (Capstone §4.1)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.deployment.models.assessments import DeploymentFactor, StrategicAssessment
from bluehelmet.deployment.models.base import DeploymentRecord


class AssessmentMission(DeploymentRecord):
    """A technical assessment mission sent to the country (Capstone §4.1).

    Its members come from several departments, agencies and the country team; its findings,
    by area, inform the factors of the strategic assessment and the report to the Council.
    """

    mission_field = "assessment__situation__mission_id"
    parent_field = "assessment"

    assessment = models.ForeignKey(
        StrategicAssessment, on_delete=models.CASCADE, related_name="assessment_missions"
    )
    started_on = models.DateField(_("started on"), validators=[validate_date_range])
    ended_on = models.DateField(
        _("ended on"), null=True, blank=True, validators=[validate_date_range]
    )
    led_by = models.CharField(_("led by"), max_length=200, blank=True)
    sites_visited = models.TextField(
        _("sites visited"), blank=True, max_length=TEXT_MAX_LENGTH, help_text=_("One a line.")
    )
    meetings = models.TextField(
        _("meetings with the parties"),
        blank=True,
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Who was met, where and when; one a line."),
    )

    class Meta:
        ordering = ["assessment", "started_on"]
        verbose_name = _("technical assessment mission")
        verbose_name_plural = _("technical assessment missions")

    def __str__(self) -> str:
        return f"{_('Technical assessment mission')} {self.started_on:%B %Y}"

    def record_errors(self) -> dict[str, str]:
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            return {"ended_on": str(_("The mission cannot end before it starts."))}
        return {}

    def site_list(self) -> list[str]:
        return [s.strip() for s in self.sites_visited.splitlines() if s.strip()]


class AssessmentMissionMember(DeploymentRecord):
    """A member of the technical assessment mission, by department or agency (Capstone §4.1)."""

    mission_field = "assessment_mission__assessment__situation__mission_id"
    parent_field = "assessment_mission"

    assessment_mission = models.ForeignKey(
        AssessmentMission, on_delete=models.CASCADE, related_name="members"
    )
    name = models.CharField(_("name"), max_length=200)
    department = models.CharField(
        _("department, agency or office"),
        max_length=120,
        help_text=_("e.g. DPO, DPPA, DOS, UNDSS, OHCHR, OCHA, UNDP, UN country team."),
    )
    function = models.CharField(_("function"), max_length=120, blank=True)

    class Meta:
        ordering = ["assessment_mission", "department", "name"]
        verbose_name = _("assessment mission member")
        verbose_name_plural = _("assessment mission members")

    def __str__(self) -> str:
        return f"{self.name} ({self.department})"


class FindingArea(models.TextChoices):
    POLITICAL = "political", _("Political")
    SECURITY = "security", _("Security")
    MILITARY = "military", _("Military")
    POLICE = "police", _("Police")
    HUMANITARIAN = "humanitarian", _("Humanitarian")
    HUMAN_RIGHTS = "human_rights", _("Human rights")
    RULE_OF_LAW = "rule_of_law", _("Rule of law")
    LOGISTICS = "logistics", _("Logistics and infrastructure")


class AssessmentFinding(DeploymentRecord):
    """What the technical assessment mission found in one area, and the factors it informs
    (Capstone §4.1)."""

    mission_field = "assessment_mission__assessment__situation__mission_id"
    parent_field = "assessment_mission"

    assessment_mission = models.ForeignKey(
        AssessmentMission, on_delete=models.CASCADE, related_name="findings"
    )
    area = models.CharField(_("area"), max_length=16, choices=FindingArea.choices)
    finding = models.TextField(_("finding"), max_length=TEXT_MAX_LENGTH)
    factors = models.ManyToManyField(
        DeploymentFactor,
        blank=True,
        related_name="findings",
        verbose_name=_("factors it informs"),
    )

    class Meta:
        ordering = ["assessment_mission", "area", "pk"]
        verbose_name = _("assessment finding")
        verbose_name_plural = _("assessment findings")

    def __str__(self) -> str:
        return f"{self.get_area_display()}: {self.finding[:60]}"
