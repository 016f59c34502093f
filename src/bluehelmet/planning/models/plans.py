"""The mission plan's revisions and the reviews a mandate change opens (Capstone §5.1-5.2).

A mission's integrated plan is the sequence of its revisions: each is kept as it was adopted;
a new revision starts as a draft copy of the latest one (``actions.do_draft_revision``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range


class RevisionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADOPTED = "adopted", _("Adopted (in force)")
    SUPERSEDED = "superseded", _("Superseded")


class PlanRevision(MissionScopedModel):
    """One revision of the mission's integrated plan (Capstone §5.2: the plan is revised as the
    mandate and the situation change; earlier revisions are kept, never overwritten)."""

    number = models.PositiveIntegerField(_("revision"))
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=12, choices=RevisionStatus.choices, default=RevisionStatus.DRAFT
    )
    reason = models.TextField(_("why the plan is revised"), blank=True, max_length=TEXT_MAX_LENGTH)
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,  # kept while the mission is; gone with it
        related_name="+",
        verbose_name=_("previous revision"),
    )
    mandate = models.ForeignKey(
        "mandates.Mandate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("mandate version it plans for"),
    )
    adopted_on = models.DateField(
        _("adopted on"), null=True, blank=True, validators=[validate_date_range]
    )
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("adopted by"),
    )

    class Meta:
        ordering = ["mission__code", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "number"], name="planrevision_unique")
        ]
        verbose_name = _("plan revision")
        verbose_name_plural = _("plan revisions")

    def __str__(self) -> str:
        return f"{self.mission.code} plan r{self.number}: {self.title}"

    @property
    def is_draft(self) -> bool:
        return self.status == RevisionStatus.DRAFT


class PlanReview(MissionScopedModel):
    """A review of the plan that a new mandate version calls for (Capstone §5.2, §4.3: a
    mandate change changes what the plan must deliver). It is closed by the next revision
    adopted after it opened; until then, once past its due date, the plan is flagged."""

    mandate = models.ForeignKey(
        "mandates.Mandate", on_delete=models.CASCADE, related_name="plan_reviews"
    )
    opened_on = models.DateField(_("opened on"), validators=[validate_date_range])
    due_on = models.DateField(_("due on"), validators=[validate_date_range])
    closed_on = models.DateField(
        _("closed on"), null=True, blank=True, validators=[validate_date_range]
    )
    closed_by = models.ForeignKey(
        PlanRevision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="closed_reviews",
        verbose_name=_("closed by revision"),
    )
    reason = models.CharField(_("why it is due"), max_length=300, blank=True)

    class Meta:
        ordering = ["mission__code", "-opened_on"]
        constraints = [
            models.UniqueConstraint(fields=["mandate"], name="planreview_one_per_mandate")
        ]
        verbose_name = _("plan review")
        verbose_name_plural = _("plan reviews")

    def __str__(self) -> str:
        return f"{self.mission.code} plan review for {self.mandate} (due {self.due_on})"

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        self.mission_id = self.mandate.mission_id
        super().save(*args, **kwargs)
