"""Security Council resolutions and the mandate versions that rest on them (Capstone §1.4).

``DataSource`` records where a row came from; the strength figures share it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import ChangeLoggedModel, MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range


class DataSource(models.TextChoices):
    MANUAL = "manual", _("Entered in bluehelmet")
    TAMM = "tamm", _("TAMM v2.1 (Lloyd 2021)")
    SHORTFALL = "shortfall", _("Authorised-vs-deployed research dataset")
    DEMO = "demo", _("Demo scenario")


class Resolution(ChangeLoggedModel):
    """A Security Council resolution; reference data shared by every mission (Capstone §1.4)."""

    mission_field = None
    sensitivity_field = None

    number = models.PositiveIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1)]
    )
    adopted_on = models.DateField(
        _("adopted on"), null=True, blank=True, validators=[validate_date_range]
    )
    chapter_vii = models.BooleanField(
        _("acting under Chapter VII"),
        default=False,
        help_text=_("Capstone §1.1, §3.1: authority for robust action, 'all necessary means'."),
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    text_reference = models.CharField(
        _("text reference"), max_length=200, blank=True, help_text=_("e.g. S/RES/2149 (2014)")
    )
    source = models.CharField(
        _("source"), max_length=20, choices=DataSource.choices, default=DataSource.MANUAL
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")

    def __str__(self) -> str:
        return f"S/RES/{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.text_reference:
            year = f" ({self.adopted_on.year})" if self.adopted_on else ""
            self.text_reference = f"S/RES/{self.number}{year}"
        super().save(*args, **kwargs)


class Mandate(MissionScopedModel):
    """One version of a mission's mandate, in force from one resolution to the next.

    Versions are never overwritten: a change creates a new version and records the diff
    against the previous one (Capstone §1.4; DESIGN: plans are revised, never overwritten).
    """

    resolution = models.ForeignKey(
        Resolution, null=True, blank=True, on_delete=models.PROTECT, related_name="mandates"
    )
    joint_resolutions = models.ManyToManyField(
        Resolution,
        blank=True,
        related_name="joint_mandates",
        verbose_name=_("resolutions adopted jointly"),
        help_text=_("e.g. UNIFIL rests on resolutions 425 and 426 (1978)."),
    )
    basis_reference = models.CharField(
        _("other basis"),
        max_length=100,
        blank=True,
        help_text=_(
            "When the mandate rests on another document, e.g. a General Assembly "
            "resolution or a Council presidential statement, its symbol."
        ),
    )
    version = models.PositiveIntegerField(_("version"))
    effective_from = models.DateField(_("effective from"), validators=[validate_date_range])
    effective_to = models.DateField(
        _("effective to"), null=True, blank=True, validators=[validate_date_range]
    )
    chapter_vii = models.BooleanField(_("Chapter VII"), default=False)
    all_necessary_means = models.BooleanField(
        _("'all necessary means' authorised"),
        default=False,
        help_text=_("Robust mandate to defend itself and the mandate (Capstone §3.1)."),
    )
    summary = models.TextField(_("summary"), blank=True, max_length=TEXT_MAX_LENGTH)
    diff = models.JSONField(_("changes from the previous version"), default=dict, blank=True)
    source = models.CharField(
        _("source"), max_length=20, choices=DataSource.choices, default=DataSource.MANUAL
    )

    class Meta:
        ordering = ["mission__code", "version"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "version"], name="mandate_unique_version")
        ]
        verbose_name = _("mandate version")
        verbose_name_plural = _("mandate versions")

    def __str__(self) -> str:
        return f"{self.mission.code} v{self.version} ({self.basis})"

    def resolution_numbers(self) -> list[int]:
        """Every resolution this version rests on: the main one, then any adopted jointly."""
        first = [self.resolution.number] if self.resolution is not None else []
        return first + sorted(r.number for r in self.joint_resolutions.all())

    @property
    def basis(self) -> str:
        return str(self.resolution) if self.resolution_id else self.basis_reference

    def clean(self) -> None:
        if not self.resolution_id and not self.basis_reference:
            raise ValidationError({"resolution": _("Give the resolution or other basis.")})
        if self.effective_to and self.effective_to < self.effective_from:
            raise ValidationError({"effective_to": _("The mandate ends before it starts.")})

    @property
    def is_current(self) -> bool:
        today = timezone.now().date()
        return self.effective_from <= today and (
            self.effective_to is None or self.effective_to >= today
        )


class TaskPriority(models.TextChoices):
    PRIORITY = "priority", _("Priority task")
    STANDARD = "standard", _("Task")


class MandatedTask(MissionScopedModel):
    """A task the Council gave in one mandate version, on the doctrine's taxonomy (§1.4, §2.3)."""

    mandate = models.ForeignKey(Mandate, on_delete=models.CASCADE, related_name="tasks")
    task_type = models.ForeignKey(
        "doctrine.TaskType", on_delete=models.PROTECT, related_name="mandated_tasks"
    )
    wording = models.TextField(_("wording"), blank=True)
    priority = models.CharField(
        _("priority"), max_length=10, choices=TaskPriority.choices, default=TaskPriority.STANDARD
    )

    class Meta:
        ordering = ["mandate__mission__code", "mandate__version", "task_type__order"]
        constraints = [
            models.UniqueConstraint(fields=["mandate", "task_type"], name="mandatedtask_unique")
        ]
        verbose_name = _("mandated task")
        verbose_name_plural = _("mandated tasks")

    def __str__(self) -> str:
        return f"{self.mandate}: {self.task_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.mission_id = self.mandate.mission_id
        super().save(*args, **kwargs)
