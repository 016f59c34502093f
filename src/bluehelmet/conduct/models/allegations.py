"""Misconduct allegations and their timeline (Capstone §3.2: legitimacy and credibility rest on
the conduct of the mission's personnel, with zero tolerance for sexual exploitation and abuse;
§7.1: contingents serve under UN operational control while discipline stays national).

One allegation is one case: received, assessed, referred (to the contributing country's
national investigation for military members of contingents, to OIOS or the mission for
others), investigated, decided, acted on, and its victims assisted. The referral and the
investigation are records of their own (``steps.py``); the other steps are dates and notes on
the case. Every field is strictly confidential and seen only by the case roles.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.conduct.models.base import CaseRecord
from bluehelmet.core.models import PersonnelCategory
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range


class MisconductCategory(models.TextChoices):
    """The categories the UN counts misconduct by (Capstone §3.2)."""

    SEA = "sea", _("Sexual exploitation and abuse")
    SERIOUS = "serious", _("Other serious misconduct")
    MINOR = "minor", _("Minor misconduct")


class Stage(models.TextChoices):
    """Where the case stands on its timeline, in order."""

    RECEIVED = "received", _("Received")
    ASSESSED = "assessed", _("Initially assessed")
    REFERRED = "referred", _("Referred")
    INVESTIGATING = "investigating", _("Under investigation")
    DECIDED = "decided", _("Outcome known")
    CLOSED = "closed", _("Closed")


STAGE_ORDER = list(Stage.values)


class AssessmentFinding(models.TextChoices):
    PURSUE = "pursue", _("Enough to pursue: refer for investigation")
    NOT_PURSUED = "not_pursued", _("Not pursued: no case to answer")


class MisconductAllegation(CaseRecord):
    """An allegation of misconduct against mission personnel, a strictly confidential case
    seen only by the conduct and discipline team and the Head of Mission (Capstone §3.2)."""

    reference = models.CharField(_("reference"), max_length=32, editable=False)
    category = models.CharField(_("category"), max_length=10, choices=MisconductCategory.choices)
    personnel_category = models.CharField(
        _("personnel category"), max_length=32, choices=PersonnelCategory.choices
    )
    contingent = models.ForeignKey(
        "core.Contingent",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("contingent"),
        help_text=_("For members of a military or police contingent (Capstone §7.1)."),
    )
    received_on = models.DateField(_("received on"), validators=[validate_date_range])
    summary = models.TextField(_("what is alleged"), max_length=TEXT_MAX_LENGTH)
    victim_details = models.TextField(
        _("victim details"),
        blank=True,
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Kept on the case only; never in figures, exports to others or the log."),
    )
    stage = models.CharField(
        _("stage"), max_length=16, choices=Stage.choices, default=Stage.RECEIVED, editable=False
    )
    assessed_on = models.DateField(_("initially assessed on"), null=True, blank=True)
    finding = models.CharField(
        _("assessment"), max_length=16, choices=AssessmentFinding.choices, blank=True
    )
    assessment_note = models.TextField(_("assessment note"), blank=True)
    action_taken_on = models.DateField(_("action taken on"), null=True, blank=True)
    action_taken = models.TextField(_("action taken"), blank=True)
    victim_assisted_on = models.DateField(
        _("victim referred to assistance on"), null=True, blank=True
    )
    victim_assistance = models.TextField(_("victim assistance"), blank=True)

    class Meta:
        ordering = ["mission__code", "-received_on", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "reference"], name="misconductallegation_unique_reference"
            )
        ]
        verbose_name = _("misconduct allegation")
        verbose_name_plural = _("misconduct allegations")

    def __str__(self) -> str:
        # The reference alone: it names no one and says nothing of what is alleged, so it may
        # appear in the audit log's object column.
        return self.reference or str(_("new case"))

    @property
    def is_sea(self) -> bool:
        return self.category == MisconductCategory.SEA

    @property
    def is_contingent_member(self) -> bool:
        return self.personnel_category in {PersonnelCategory.MILITARY, PersonnelCategory.POLICE}

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        contingent = self.contingent if self.contingent_id is not None else None
        if contingent is not None and contingent.mission_id != self.mission_id:
            errors["contingent"] = _("That contingent serves in another mission.")
        uniformed = {PersonnelCategory.MILITARY, PersonnelCategory.POLICE}
        if self.contingent_id is not None and self.personnel_category not in uniformed:
            errors["contingent"] = _("Only military and police personnel belong to a contingent.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.reference:
            self.reference = next_reference(self)
        super().save(*args, **kwargs)


def next_reference(case: MisconductAllegation) -> str:
    """``<MISSION>-CDT-<year>-<n>``: a number in the mission's series for the year received."""
    year = case.received_on.year
    prefix = f"{case.mission.code}-CDT-{year}-"
    taken = MisconductAllegation._base_manager.filter(
        mission_id=case.mission_id, reference__startswith=prefix
    ).count()
    return f"{prefix}{taken + 1:03d}"
