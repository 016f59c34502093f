"""Quick-impact projects (Capstone §2.5, §7.2): small projects that build confidence in the
mission, proposed, approved, completed and handed over, coordinated with the humanitarian
country team so that they are not taken for humanitarian aid."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH


class QipStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved")
    COMPLETED = "completed", _("Completed")
    HANDED_OVER = "handed_over", _("Handed over")
    CANCELLED = "cancelled", _("Cancelled")


class QuickImpactProject(MissionScopedModel):
    """One QIP (Capstone §2.5): budget, place, beneficiaries, implementing partner, whether the
    community and the humanitarian country team were consulted (§7.2; rules
    ``qip-no-humanitarian-coordination`` and ``qip-no-community-consultation``), and its
    approval, completion and hand-over (``actions``)."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX_LENGTH)
    admin1 = models.CharField(_("admin area (level 1)"), max_length=120)
    location = models.CharField(_("place"), max_length=120, blank=True)
    budget_usd = models.DecimalField(_("budget (USD)"), max_digits=12, decimal_places=2)
    beneficiaries = models.PositiveIntegerField(_("beneficiaries"), default=0)
    implementing_partner = models.ForeignKey(
        "core.Partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("implementing partner"),
    )
    community_consulted = models.BooleanField(_("community consulted"), default=False)
    humanitarian_coordination = models.BooleanField(
        _("humanitarian country team consulted"),
        default=False,
        help_text=_("Capstone §7.2: QIPs must not blur the line with humanitarian action."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=QipStatus.choices, default=QipStatus.PROPOSED
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("approved by"),
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True, editable=False)
    completed_on = models.DateField(_("completed on"), null=True, blank=True, editable=False)
    handed_over_to = models.CharField(_("handed over to"), max_length=200, blank=True)
    handed_over_on = models.DateField(_("handed over on"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["mission__code", "title"]
        verbose_name = _("quick-impact project")
        verbose_name_plural = _("quick-impact projects")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.budget_usd is not None and self.budget_usd < 0:
            raise ValidationError({"budget_usd": _("A budget is not negative.")})
