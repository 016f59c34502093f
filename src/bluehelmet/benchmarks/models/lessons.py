"""Lessons captured on the way out (Capstone §10.2): after-action reviews, end-of-assignment
reports and best-practice notes, tagged by doctrine area and linked to the records they are
about, so that those who plan the next mission find them where the record is. One model for the
benchmarks and the outreach work alike."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH


class LessonKind(models.TextChoices):
    AFTER_ACTION_REVIEW = "after_action_review", _("After-action review")
    END_OF_ASSIGNMENT = "end_of_assignment", _("End-of-assignment report")
    BEST_PRACTICE = "best_practice", _("Best-practice note")


class LessonLearned(MissionScopedModel):
    """An after-action review, an end-of-assignment report or a best-practice note: what
    happened, what worked, what to do differently, and the doctrine areas (task categories of
    Capstone §2.3-2.5) it speaks to (Capstone §10.2)."""

    kind = models.CharField(_("kind"), max_length=20, choices=LessonKind.choices)
    title = models.CharField(_("title"), max_length=200)
    written_on = models.DateField(_("written on"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    summary = models.TextField(_("what happened"), max_length=TEXT_MAX_LENGTH)
    worked = models.TextField(_("what worked"), blank=True, max_length=TEXT_MAX_LENGTH)
    change = models.TextField(_("what to do differently"), blank=True, max_length=TEXT_MAX_LENGTH)
    areas = models.ManyToManyField(
        "doctrine.TaskCategory",
        blank=True,
        related_name="+",
        verbose_name=_("doctrine areas"),
        help_text=_("The areas of the doctrine this lesson speaks to."),
    )

    class Meta:
        ordering = ["mission__code", "-written_on", "pk"]
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")

    def __str__(self) -> str:
        return self.title


class LessonLink(MissionScopedModel):
    """A record a lesson is about: any record of the mission (an incident, a crisis, a hand-over
    item, an indicator ...), shown only to those who may see that record (Capstone §10.2)."""

    lesson = models.ForeignKey(LessonLearned, on_delete=models.CASCADE, related_name="links")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField(_("record id"))

    class Meta:
        ordering = ["lesson", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["lesson", "content_type", "object_id"], name="lessonlink_unique"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("lesson link")
        verbose_name_plural = _("lesson links")

    def __str__(self) -> str:
        kind = self.content_type
        return f"{self.lesson}: {kind.app_label}.{kind.model}:{self.object_id}"
