"""Strategic objectives, the actors who deliver them and their results framework
(Capstone §5.1-5.2 IMPP, §7.2 UN country team and partners, §10.2 outcome indicators)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.planning.models.base import PlanPart
from bluehelmet.planning.models.plans import PlanRevision


class PlanLine(models.TextChoices):
    """The line of effort an objective sits on (Capstone §2.3 core functions, §7.2)."""

    POLITICAL = "political", _("Political process")
    SECURITY = "security", _("Security and military")
    PROTECTION = "protection", _("Protection and human rights")
    RULE_OF_LAW = "rule_of_law", _("Rule of law and State authority")
    RECOVERY = "recovery", _("Recovery, humanitarian and development")
    SUPPORT = "support", _("Mission support")


class Modality(models.TextChoices):
    """How the objective is delivered (Capstone §5.2, §7.2)."""

    MISSION_LED = "mission_led", _("Mission-led")
    JOINT = "joint", _("Joint (mission and UN country team)")
    AGENCY_LED = "agency_led", _("Agency-led with mission support")
    PARTNER_LED = "partner_led", _("Partner-led")


class StrategicObjective(PlanPart):
    """A shared strategic objective of the integrated plan, serving mandated tasks (§5.2).

    ``code`` (e.g. SO1) names the objective across revisions, so revisions can be compared.
    """

    revision = models.ForeignKey(PlanRevision, on_delete=models.CASCADE, related_name="objectives")
    code = models.CharField(
        _("code"), max_length=12, help_text=_("e.g. SO1; kept across revisions.")
    )
    title = models.CharField(_("title"), max_length=200)
    statement = models.TextField(_("statement"), blank=True, max_length=TEXT_MAX_LENGTH)
    line = models.CharField(_("line of effort"), max_length=12, choices=PlanLine.choices)
    modality = models.CharField(
        _("implementation modality"),
        max_length=12,
        choices=Modality.choices,
        default=Modality.MISSION_LED,
    )
    tasks = models.ManyToManyField(
        "mandates.MandatedTask",
        blank=True,
        related_name="objectives",
        verbose_name=_("mandated tasks served"),
    )
    starts_on = models.DateField(_("starts on"), validators=[validate_date_range])
    ends_on = models.DateField(
        _("ends on"), null=True, blank=True, validators=[validate_date_range]
    )
    resources = models.TextField(
        _("resources"),
        blank=True,
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Budget lines, assets and staff it relies on, and who funds them."),
    )

    class Meta:
        ordering = ["revision", "code"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "code"], name="objective_unique_code")
        ]
        verbose_name = _("strategic objective")
        verbose_name_plural = _("strategic objectives")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def clean(self) -> None:
        super().clean()
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The objective ends before it starts.")})


class ActorRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    CONTRIBUTING = "contributing", _("Contributing")


class PlanActor(PlanPart):
    """Who delivers an objective: a mission component or unit, a UN country team entity or an
    external partner (Capstone §5.1, §7.2), as lead or contributor. Exactly one is named."""

    revision_path = "objective__revision"

    objective = models.ForeignKey(
        StrategicObjective, on_delete=models.CASCADE, related_name="actors"
    )
    role = models.CharField(_("role"), max_length=12, choices=ActorRole.choices)
    component = models.ForeignKey(
        "core.Component", null=True, blank=True, on_delete=models.RESTRICT, related_name="+"
    )
    org_unit = models.ForeignKey(
        "core.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="+",
        verbose_name=_("mission unit"),
    )
    partner = models.ForeignKey(
        "core.Partner",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="+",
        verbose_name=_("UN country team entity or partner"),
    )
    contribution = models.CharField(_("contribution"), max_length=300, blank=True)

    class Meta:
        ordering = ["objective", "role", "pk"]
        verbose_name = _("plan actor")
        verbose_name_plural = _("plan actors")

    def __str__(self) -> str:
        return f"{self.actor_name} ({self.get_role_display()})"

    @property
    def actor(self) -> Any:
        return self.component or self.org_unit or self.partner

    @property
    def actor_name(self) -> str:
        actor = self.actor
        if actor is None:
            return ""
        return getattr(actor, "name", "") if self.partner_id is None else str(actor)

    @property
    def actor_key(self) -> str:
        """Which actor, the same across revisions: ``component:3``, ``unit:7``, ``partner:2``."""
        for kind, value in (
            ("component", self.component_id),
            ("unit", self.org_unit_id),
            ("partner", self.partner_id),
        ):
            if value:
                return f"{kind}:{value}"
        return ""

    def clean(self) -> None:
        super().clean()
        named = [x for x in (self.component_id, self.org_unit_id, self.partner_id) if x]
        if len(named) != 1:
            raise ValidationError(_("Name exactly one actor: a component, a unit or a partner."))
        objective = self.objective if self.objective_id else None
        actor = self.actor
        if objective is not None and getattr(actor, "mission_id", None) != objective.mission_id:
            raise ValidationError(_("The actor belongs to another mission."))


class ExpectedResult(PlanPart):
    """A result the objective is expected to achieve (Capstone §5.2, §10.2)."""

    revision_path = "objective__revision"

    objective = models.ForeignKey(
        StrategicObjective, on_delete=models.CASCADE, related_name="results"
    )
    code = models.CharField(_("code"), max_length=16, help_text=_("e.g. 1.1"))
    statement = models.TextField(_("statement"), max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["objective", "code"]
        verbose_name = _("expected result")
        verbose_name_plural = _("expected results")

    def __str__(self) -> str:
        return f"{self.code} {self.statement[:80]}"


class IndicatorLevel(models.TextChoices):
    """What an indicator measures: the doctrine wants outcomes, not inputs (Capstone §10.2)."""

    OUTCOME = "outcome", _("Outcome")
    OUTPUT = "output", _("Output")
    INPUT = "input", _("Input")


class Direction(models.TextChoices):
    INCREASE = "increase", _("Increase")
    DECREASE = "decrease", _("Decrease")
    MAINTAIN = "maintain", _("Maintain")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Every six months")
    YEARLY = "yearly", _("Yearly")


class ResultIndicator(PlanPart):
    """How progress towards a result will be known (Capstone §10.2): measured later by the
    benchmarks work; the planner marks inputs and outputs as such."""

    revision_path = "result__objective__revision"

    result = models.ForeignKey(ExpectedResult, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(
        _("level"), max_length=8, choices=IndicatorLevel.choices, default=IndicatorLevel.OUTCOME
    )
    unit = models.CharField(_("unit"), max_length=60)
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    frequency = models.CharField(_("frequency"), max_length=12, choices=Frequency.choices)
    source = models.CharField(_("source of data"), max_length=200)

    class Meta:
        ordering = ["result", "pk"]
        verbose_name = _("result indicator")
        verbose_name_plural = _("result indicators")

    def __str__(self) -> str:
        return self.name
