"""The referral and the investigation of a misconduct case (Capstone §3.2, §7.1).

Members of military contingents remain under their country's discipline: their cases are
referred to the troop-contributing country's national investigation. Other personnel are
referred to OIOS or investigated by the mission itself.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.conduct.models.base import CaseRecord
from bluehelmet.core.validators import validate_date_range


class ReferredTo(models.TextChoices):
    NATIONAL = "national", _("Troop-contributing country's national investigation")
    OIOS = "oios", _("Office of Internal Oversight Services (OIOS)")
    MISSION = "mission", _("The mission's own investigation")


class Outcome(models.TextChoices):
    SUBSTANTIATED = "substantiated", _("Substantiated")
    NOT_SUBSTANTIATED = "not_substantiated", _("Not substantiated")
    CLOSED_NO_FINDING = "closed_no_finding", _("Closed without a finding")


class Referral(CaseRecord):
    """A case sent to the body that investigates it (Capstone §3.2, §7.1)."""

    allegation = models.ForeignKey(
        "conduct.MisconductAllegation",
        on_delete=models.CASCADE,
        related_name="referrals",
        verbose_name=_("allegation"),
    )
    referred_to = models.CharField(_("referred to"), max_length=10, choices=ReferredTo.choices)
    referred_on = models.DateField(_("referred on"), validators=[validate_date_range])
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["allegation", "referred_on", "pk"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self) -> str:
        return f"{self.allegation} → {self.get_referred_to_display()}"


class Investigation(CaseRecord):
    """The investigation of a referred case and its outcome (Capstone §3.2)."""

    allegation = models.ForeignKey(
        "conduct.MisconductAllegation",
        on_delete=models.CASCADE,
        related_name="investigations",
        verbose_name=_("allegation"),
    )
    referral = models.ForeignKey(
        Referral,
        on_delete=models.CASCADE,
        related_name="investigations",
        verbose_name=_("referral"),
    )
    started_on = models.DateField(_("started on"), validators=[validate_date_range])
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_on = models.DateField(_("outcome on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["allegation", "started_on", "pk"]
        verbose_name = _("investigation")
        verbose_name_plural = _("investigations")

    def __str__(self) -> str:
        return f"{self.allegation}: {self.referral.get_referred_to_display()}"
