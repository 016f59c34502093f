"""Parallel planning frameworks the plan links to (Capstone §5.1-5.2: CAP, UNDAF, PCNA, PRSP,
national plans), and the concept of operations with its versions (§4.3)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.planning.models.base import PlanPart
from bluehelmet.planning.models.objectives import StrategicObjective


class FrameworkKind(models.TextChoices):
    CAP = "cap", _("Consolidated appeal (CAP)")
    UNDAF = "undaf", _("UN development assistance framework (UNDAF)")
    PCNA = "pcna", _("Post-conflict needs assessment (PCNA)")
    PRSP = "prsp", _("Poverty reduction strategy paper (PRSP)")
    NATIONAL = "national", _("National plan or strategy")
    OTHER = "other", _("Other framework")


class ParallelFramework(MissionScopedModel):
    """A planning framework of the UN country team, the host government or donors that the
    mission plan must stay coherent with (Capstone §5.1-5.2)."""

    kind = models.CharField(_("kind"), max_length=10, choices=FrameworkKind.choices)
    name = models.CharField(_("name"), max_length=200)
    owner = models.CharField(_("owned by"), max_length=200, blank=True)
    reference = models.CharField(_("reference"), max_length=120, blank=True)
    starts_on = models.DateField(
        _("starts on"), null=True, blank=True, validators=[validate_date_range]
    )
    ends_on = models.DateField(
        _("ends on"), null=True, blank=True, validators=[validate_date_range]
    )

    class Meta:
        ordering = ["mission__code", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "name"], name="framework_unique_name")
        ]
        verbose_name = _("parallel framework")
        verbose_name_plural = _("parallel frameworks")

    def __str__(self) -> str:
        return self.name


class FrameworkLink(PlanPart):
    """Where an objective meets a parallel framework, by that framework's own reference (e.g.
    "UNDAF outcome 2.1") (Capstone §5.2)."""

    revision_path = "objective__revision"

    objective = models.ForeignKey(
        StrategicObjective, on_delete=models.CASCADE, related_name="framework_links"
    )
    framework = models.ForeignKey(
        ParallelFramework, on_delete=models.RESTRICT, related_name="links"
    )
    reference = models.CharField(_("reference in the framework"), max_length=120)

    class Meta:
        ordering = ["objective", "framework__name"]
        verbose_name = _("framework link")
        verbose_name_plural = _("framework links")

    def __str__(self) -> str:
        return f"{self.framework}: {self.reference}"

    def clean(self) -> None:
        super().clean()
        linked = self.objective_id and self.framework_id
        if linked and self.framework.mission_id != self.objective.mission_id:
            raise ValidationError(_("The framework belongs to another mission."))


class ConceptKind(models.TextChoices):
    MISSION = "mission", _("Mission concept")
    MILITARY = "military", _("Military concept of operations")
    POLICE = "police", _("Police concept of operations")


class ConceptOfOperations(MissionScopedModel):
    """One version of a concept of operations. Drawing one up, or changing it, is when troop
    and police contributors are consulted (Capstone §4.3 a); the version keeps the
    consultation it opened. Versions are issued by ``do_issue_concept``, never overwritten."""

    kind = models.CharField(_("kind"), max_length=10, choices=ConceptKind.choices)
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=TEXT_MAX_LENGTH)
    changes = models.TextField(_("what changed"), blank=True, max_length=TEXT_MAX_LENGTH)
    issued_on = models.DateField(_("issued on"), validators=[validate_date_range])
    consultation = models.ForeignKey(
        "mandates.Consultation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("consultation with contributors"),
    )

    class Meta:
        ordering = ["mission__code", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "kind", "version"], name="concept_unique_version"
            )
        ]
        verbose_name = _("concept of operations")
        verbose_name_plural = _("concepts of operations")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version}"
