"""Crisis management: the JOC as the mission's crisis coordination hub (Capstone §7.2).

A crisis is opened and closed by ``do_open_crisis`` / ``do_close_crisis``; while open, the JOC
keeps a time-stamped log (append-only) and tracks the tasks it hands out.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range


class CrisisStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Crisis(MissionScopedModel):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("situation"), blank=True, max_length=TEXT_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=CrisisStatus.choices, default=CrisisStatus.OPEN
    )
    opened_at = models.DateTimeField(
        _("opened at"), default=timezone.now, validators=[validate_date_range]
    )
    closed_at = models.DateTimeField(
        _("closed at"), null=True, blank=True, validators=[validate_date_range]
    )
    incidents = models.ManyToManyField(
        "operations.Incident", blank=True, related_name="crises", verbose_name=_("incidents")
    )

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("crisis")
        verbose_name_plural = _("crises")

    def __str__(self) -> str:
        return f"{self.mission.code}: {self.title}"

    def clean(self) -> None:
        if self.closed_at and self.opened_at and self.closed_at < self.opened_at:
            raise ValidationError({"closed_at": _("The crisis closes before it opens.")})
        if (self.status == CrisisStatus.CLOSED) != (self.closed_at is not None):
            raise ValidationError({"closed_at": _("A closed crisis has a closing time.")})


def _crisis_checks(instance: Any) -> dict[str, Any]:
    crisis = instance.crisis if instance.crisis_id else None
    if crisis is not None and crisis.mission_id != instance.mission_id:
        return {"crisis": _("This crisis belongs to another mission.")}
    return {}


class LogEntryKind(models.TextChoices):
    INFORMATION = "information", _("Information received")
    DECISION = "decision", _("Decision")
    ACTION = "action", _("Action taken")
    COMMUNICATION = "communication", _("Message sent")


class CrisisLogEntry(MissionScopedModel):
    """One line of the crisis log; never edited once written."""

    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="log_entries")
    logged_at = models.DateTimeField(
        _("time"), default=timezone.now, validators=[validate_date_range]
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=LogEntryKind.choices, default=LogEntryKind.INFORMATION
    )
    text = models.TextField(_("entry"), max_length=TEXT_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )

    class Meta:
        ordering = ["crisis", "logged_at", "id"]
        verbose_name = _("crisis log entry")
        verbose_name_plural = _("crisis log entries")

    def __str__(self) -> str:
        return f"{self.logged_at:%Y-%m-%d %H:%M} {self.text[:60]}"

    def clean(self) -> None:
        errors = _crisis_checks(self)
        if not self.pk and self.crisis_id and self.crisis.status == CrisisStatus.CLOSED:
            errors["crisis"] = _("The crisis is closed; its log is final.")
        if errors:
            raise ValidationError(errors)


class TaskStatus(models.TextChoices):
    TODO = "todo", _("To do")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class CrisisTask(MissionScopedModel):
    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=200)
    details = models.TextField(_("details"), blank=True, max_length=TEXT_MAX_LENGTH)
    assigned_to = models.ForeignKey(
        "core.Post",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="crisis_tasks",
        verbose_name=_("assigned to (post)"),
    )
    assignee = models.CharField(_("assigned to (name)"), max_length=120, blank=True)
    due_at = models.DateTimeField(
        _("due at"), null=True, blank=True, validators=[validate_date_range]
    )
    status = models.CharField(
        _("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.TODO
    )
    completed_at = models.DateTimeField(
        _("completed at"), null=True, blank=True, validators=[validate_date_range]
    )

    class Meta:
        ordering = ["crisis", "status", "due_at", "id"]
        verbose_name = _("crisis task")
        verbose_name_plural = _("crisis tasks")

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        finished = self.status in {TaskStatus.DONE, TaskStatus.CANCELLED}
        if finished and self.completed_at is None:
            self.completed_at = timezone.now()
        elif not finished:
            self.completed_at = None
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = _crisis_checks(self)
        post = self.assigned_to
        if post is not None and post.mission_id != self.mission_id:
            errors["assigned_to"] = _("This post belongs to another mission.")
        if errors:
            raise ValidationError(errors)
