"""Lifecycle records: transitions between phases, start-up milestones (Capstone §6.1-6.3), and
the way out: hand-over items, the drawdown plan and the liquidation asset register (Capstone
§6.1, §10.1-10.2)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.phases import Phase
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range


class MilestoneKind(models.TextChoices):
    """Start-up structures and decisions the gates look for (Capstone §6.2-6.3, §7.2, §10)."""

    ADVANCE_TEAM_DEPLOYED = "advance_team_deployed", _("Advance team deployed")
    LEADERSHIP_TEAM_IN_PLACE = "leadership_team_in_place", _("Mission Leadership Team in place")
    JOC_ESTABLISHED = "joc_established", _("Joint Operations Centre established")
    JMAC_ESTABLISHED = "jmac_established", _("Joint Mission Analysis Centre established")
    JLOC_ESTABLISHED = "jloc_established", _("Joint Logistics Operations Centre established")
    DECISION_FORUMS = "decision_forums", _("Decision-making forums established")
    INFORMATION_MANAGEMENT = "information_management", _("Information-management protocols")
    REPORTING_LINES = "reporting_lines", _("Reporting lines defined")
    COUNCIL_DRAWDOWN_DECISION = (
        "council_drawdown_decision",
        _("Security Council decision to draw down"),
    )
    HANDOVER_PLAN = "handover_plan", _("Hand-over plan agreed with partners")
    ASSET_DISPOSAL_COMPLETE = "asset_disposal_complete", _("Asset disposal complete")


class StartUpMilestone(MissionScopedModel):
    """A start-up structure or decision recorded as achieved on a date (Capstone §6.3)."""

    kind = models.CharField(_("milestone"), max_length=40, choices=MilestoneKind.choices)
    achieved_on = models.DateField(_("achieved on"), validators=[validate_date_range])
    evidence = models.TextField(
        _("evidence"),
        blank=True,
        help_text=_("Decision, directive or document that shows it."),
        max_length=TEXT_MAX_LENGTH,
    )

    class Meta:
        ordering = ["mission__code", "achieved_on"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "kind"], name="milestone_unique_kind")
        ]
        verbose_name = _("start-up milestone")
        verbose_name_plural = _("start-up milestones")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.achieved_on})"


class PhaseTransition(MissionScopedModel):
    """A decided move of a mission from one lifecycle phase to the next (Capstone §6.1).

    The gate report is kept as it stood at the decision; an override keeps its reason.
    Transitions are history: never edited, only appended.
    """

    from_phase = models.CharField(_("from"), max_length=32, choices=Phase.choices)
    to_phase = models.CharField(_("to"), max_length=32, choices=Phase.choices)
    effective_on = models.DateField(_("effective on"), validators=[validate_date_range])
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    gate_report = models.JSONField(_("gate report"), default=list)
    overridden = models.BooleanField(_("gates overridden"), default=False)
    override_reason = models.TextField(_("override reason"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["mission__code", "effective_on", "id"]
        verbose_name = _("phase transition")
        verbose_name_plural = _("phase transitions")

    def __str__(self) -> str:
        return (
            f"{self.mission.code}: {self.get_from_phase_display()} -> {self.get_to_phase_display()}"
        )


class ReceiverKind(models.TextChoices):
    """Who takes over a responsibility when the mission leaves (Capstone §10.1-10.2)."""

    HOST_GOVERNMENT = "host_government", _("Host government")
    UN_COUNTRY_TEAM = "un_country_team", _("UN country team")
    REGIONAL_ORGANISATION = "regional_organisation", _("Regional organisation")
    OTHER = "other", _("Other partner")


class HandoverStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    UNDER_WAY = "under_way", _("Under way")
    HANDED_OVER = "handed_over", _("Handed over")
    DEFERRED = "deferred", _("Deferred")


class HandoverItem(MissionScopedModel):
    """One responsibility of the mission (usually a mandated task, possibly in one province)
    handed over to a receiving actor on conditions and dates: a line of the drawdown plan
    (Capstone §10.1-10.2, §6.1)."""

    task = models.ForeignKey(
        "mandates.MandatedTask",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("mandated task"),
    )
    responsibility = models.CharField(_("responsibility handed over"), max_length=200)
    receiver_kind = models.CharField(
        _("kind of receiver"), max_length=24, choices=ReceiverKind.choices
    )
    receiver = models.CharField(_("receiving actor"), max_length=200)
    admin1 = models.CharField(
        _("admin area (level 1)"), max_length=120, blank=True, help_text=_("Blank: nationwide.")
    )
    conditions = models.TextField(_("conditions"), blank=True, max_length=TEXT_MAX_LENGTH)
    planned_on = models.DateField(_("planned for"), validators=[validate_date_range])
    completed_on = models.DateField(
        _("handed over on"), null=True, blank=True, validators=[validate_date_range]
    )
    status = models.CharField(
        _("status"), max_length=12, choices=HandoverStatus.choices, default=HandoverStatus.PLANNED
    )

    class Meta:
        ordering = ["mission__code", "planned_on", "pk"]
        verbose_name = _("hand-over item")
        verbose_name_plural = _("hand-over items")

    def __str__(self) -> str:
        where = f" ({self.admin1})" if self.admin1 else ""
        return f"{self.responsibility}{where} → {self.receiver}"

    def clean(self) -> None:
        super().clean()
        done = self.status == HandoverStatus.HANDED_OVER
        if done != (self.completed_on is not None):
            raise ValidationError(
                {"completed_on": _("Give the hand-over date exactly when it is handed over.")}
            )
        task = self.task if self.task_id else None
        if task is not None and self.mission_id and task.mission_id != self.mission_id:
            raise ValidationError({"task": _("The task belongs to another mission.")})


class AssetCategory(models.TextChoices):
    VEHICLES = "vehicles", _("Vehicles")
    POWER = "power", _("Generators and power")
    PREFABRICATED = "prefabricated", _("Prefabricated buildings")
    COMMUNICATIONS = "communications", _("Communications and IT")
    MEDICAL = "medical", _("Medical equipment")
    ENGINEERING = "engineering", _("Engineering equipment")
    OTHER = "other", _("Other")


class DisposalMethod(models.TextChoices):
    TRANSFER = "transfer", _("Transfer to another mission")
    GIFT = "gift", _("Gift to the host government")
    SALE = "sale", _("Sale")
    WRITE_OFF = "write_off", _("Write-off")


class DisposalStatus(models.TextChoices):
    UNDECIDED = "undecided", _("Undecided")
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved")
    COMPLETED = "completed", _("Completed")


class AssetDisposal(MissionScopedModel):
    """A line of the liquidation asset register: an asset, its value, how it is to be disposed
    of, who approved that and whether it is done (Capstone §6.1: liquidation)."""

    asset = models.CharField(_("asset"), max_length=200)
    category = models.CharField(_("category"), max_length=16, choices=AssetCategory.choices)
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    value = models.DecimalField(_("value (USD, whole line)"), max_digits=14, decimal_places=2)
    method = models.CharField(
        _("disposal method"), max_length=12, choices=DisposalMethod.choices, blank=True
    )
    recipient = models.CharField(_("recipient"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=DisposalStatus.choices, default=DisposalStatus.UNDECIDED
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        ordering = ["mission__code", "category", "asset"]
        verbose_name = _("asset disposal")
        verbose_name_plural = _("asset disposals")

    def __str__(self) -> str:
        return f"{self.asset} ({self.quantity})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Choosing a method proposes it; approval is a separate decision (the action).
        if self.status in {DisposalStatus.UNDECIDED, DisposalStatus.PROPOSED}:
            self.status = DisposalStatus.PROPOSED if self.method else DisposalStatus.UNDECIDED
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.status != DisposalStatus.UNDECIDED and not self.method:
            raise ValidationError({"method": _("Choose how the asset is to be disposed of.")})
        if self.status == DisposalStatus.COMPLETED and self.completed_on is None:
            raise ValidationError({"completed_on": _("Give the date the disposal was completed.")})


class DrawdownKind(models.TextChoices):
    REPATRIATION = "repatriation", _("Contingent repatriated")
    SITE_CLOSURE = "site_closure", _("Site closed")


class DrawdownStep(MissionScopedModel):
    """A line of the drawdown plan: a contingent to repatriate or a site (team site, field
    office, sector headquarters) to close, with its date (Capstone §6.1: withdrawal). The
    personnel it takes out read against the deployed-strength series; completing it (the
    action) marks the contingent repatriated or the site closed in the organisation."""

    kind = models.CharField(_("kind"), max_length=14, choices=DrawdownKind.choices)
    contingent = models.ForeignKey(
        "core.Contingent",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("contingent"),
    )
    org_unit = models.ForeignKey(
        "core.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("site"),
    )
    personnel = models.PositiveIntegerField(
        _("personnel leaving"),
        default=0,
        help_text=_("Uniformed personnel who leave with this step (a contingent: its strength)."),
    )
    planned_on = models.DateField(_("planned for"), validators=[validate_date_range])
    completed_on = models.DateField(
        _("completed on"), null=True, blank=True, validators=[validate_date_range]
    )
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["mission__code", "planned_on", "pk"]
        verbose_name = _("drawdown step")
        verbose_name_plural = _("drawdown steps")

    def __str__(self) -> str:
        what = self.contingent if self.contingent_id else self.org_unit
        return f"{self.get_kind_display()}: {what}"

    @property
    def done(self) -> bool:
        return self.completed_on is not None

    def clean(self) -> None:
        super().clean()
        repatriation = self.kind == DrawdownKind.REPATRIATION
        if repatriation and (not self.contingent_id or self.org_unit_id):
            raise ValidationError({"contingent": _("A repatriation names one contingent.")})
        if not repatriation and (not self.org_unit_id or self.contingent_id):
            raise ValidationError({"org_unit": _("A site closure names one site.")})
        target = self.contingent if self.contingent_id else self.org_unit
        if target is not None and self.mission_id and target.mission_id != self.mission_id:
            raise ValidationError(_("The contingent or site belongs to another mission."))
