"""Options for UN engagement, their scenarios and the decisions on their conditions
(Capstone §4.1-4.2)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.verdicts import VerdictDecisionRecord
from bluehelmet.core.validators import TEXT_MAX_LENGTH
from bluehelmet.deployment.models.assessments import StrategicAssessment
from bluehelmet.deployment.models.base import DeploymentRecord


class OptionType(models.TextChoices):
    """The range of engagement the Secretariat may put to the Council (Capstone §2.1, §4.1)."""

    NO_OPERATION = "no_operation", _("No operation")
    GOOD_OFFICES = "good_offices", _("Good offices or special political mission")
    TRADITIONAL = "traditional", _("Traditional observation operation")
    MULTIDIMENSIONAL = "multidimensional", _("Multi-dimensional operation")
    REGIONAL_SUPPORT = "regional_support", _("Support to a regional or non-UN force")


# Option types that deploy a UN peacekeeping operation: the §4.2 conditions apply in full.
PEACEKEEPING_TYPES = frozenset({OptionType.TRADITIONAL, OptionType.MULTIDIMENSIONAL})


class DeploymentOption(DeploymentRecord):
    """One option for UN engagement with its tasks, size, risks and resources (Capstone §4.2).

    The figures are the planner's: a force estimate from comparable missions advises, the
    option records what the planner decides.
    """

    mission_field = "assessment__situation__mission_id"
    parent_field = "assessment"

    assessment = models.ForeignKey(
        StrategicAssessment, on_delete=models.CASCADE, related_name="options"
    )
    title = models.CharField(_("title"), max_length=200)
    option_type = models.CharField(_("type"), max_length=20, choices=OptionType.choices)
    summary = models.TextField(_("summary"), blank=True, max_length=TEXT_MAX_LENGTH)
    tasks = models.ManyToManyField(
        "doctrine.TaskType", blank=True, related_name="+", verbose_name=_("tasks")
    )
    chapter_vii = models.BooleanField(_("under Chapter VII"), default=False)
    troops = models.PositiveIntegerField(_("troops"), default=0)
    police = models.PositiveIntegerField(_("police"), default=0)
    military_observers = models.PositiveIntegerField(_("military observers"), default=0)
    civilians = models.PositiveIntegerField(_("civilians"), default=0)
    risks = models.TextField(_("risks"), blank=True, max_length=TEXT_MAX_LENGTH)
    resources = models.TextField(
        _("resources and contributors"),
        blank=True,
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Financing, capabilities and the contributors expected to provide them."),
    )
    contributors_to_consult = models.ManyToManyField(
        "core.ContributingCountry",
        blank=True,
        related_name="+",
        verbose_name=_("troop and police contributors to consult"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["assessment", "order", "pk"]
        verbose_name = _("deployment option")
        verbose_name_plural = _("deployment options")

    def __str__(self) -> str:
        return self.title

    @property
    def total_personnel(self) -> int:
        return self.troops + self.police + self.military_observers + self.civilians

    def worst_case(self) -> Scenario | None:
        return next((s for s in self.scenarios.all() if s.kind == ScenarioKind.WORST), None)


class ScenarioKind(models.TextChoices):
    BEST = "best", _("Best case")
    MOST_LIKELY = "most_likely", _("Most likely")
    WORST = "worst", _("Worst case")


class Scenario(DeploymentRecord):
    """How an option could unfold; the worst case is planned for, not wished away (§4.2)."""

    mission_field = "option__assessment__situation__mission_id"
    parent_field = "option"

    option = models.ForeignKey(DeploymentOption, on_delete=models.CASCADE, related_name="scenarios")
    kind = models.CharField(_("kind"), max_length=12, choices=ScenarioKind.choices)
    description = models.TextField(_("description"), max_length=TEXT_MAX_LENGTH)
    implications = models.TextField(
        _("implications for the operation"), blank=True, max_length=TEXT_MAX_LENGTH
    )

    class Meta:
        ordering = ["option", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["option", "kind"], name="scenario_unique_kind")
        ]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")

    def __str__(self) -> str:
        return f"{self.option}: {self.get_kind_display()}"

    def record_errors(self) -> dict[str, str]:
        if not (self.description or "").strip():
            return {"description": str(_("Describe the scenario."))}
        return {}


class ConditionOverride(DeploymentRecord, VerdictDecisionRecord):
    """A planner's recorded decision on a computed success-condition verdict (Capstone §4.2).

    Same shape and meaning as the principles app's verdict overrides (``rule``, ``subject``,
    ``decision``, ``reason``), kept per assessment because a crisis has no mission yet.
    """

    mission_field = "assessment__situation__mission_id"
    parent_field = "assessment"

    assessment = models.ForeignKey(
        StrategicAssessment, on_delete=models.CASCADE, related_name="condition_overrides"
    )

    class Meta:
        ordering = ["assessment", "rule", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "rule", "subject"], name="conditionoverride_unique_subject"
            )
        ]
        verbose_name = _("condition override")
        verbose_name_plural = _("condition overrides")
