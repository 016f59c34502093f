"""Mandatory training, per rotation of each contingent and per person (Capstone §8.2: the
mission's personnel; §3.2: conduct and the prevention of sexual exploitation and abuse)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import validate_date_range
from bluehelmet.support.models.base import related_text, same_mission


class Course(models.TextChoices):
    """The training every member of a contingent needs before each rotation deploys."""

    PRE_DEPLOYMENT = "pre_deployment", _("Pre-deployment training")
    SEA_PREVENTION = "sea_prevention", _("Prevention of sexual exploitation and abuse")
    POC = "poc", _("Protection of civilians")


MANDATORY_COURSES = tuple(Course)


class Rotation(MissionScopedModel):
    """A contingent's rotation: the personnel who arrive together and must all be trained
    (Capstone §8.2, §3.2). A contingent with no rotation recorded counts its first arrival."""

    contingent = models.ForeignKey(
        "core.Contingent",
        on_delete=models.CASCADE,
        related_name="rotations",
        verbose_name=_("contingent"),
    )
    arrives_on = models.DateField(_("arrives on"), validators=[validate_date_range])
    strength = models.PositiveIntegerField(_("personnel"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["mission__code", "contingent__name", "-arrives_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["contingent", "arrives_on"], name="rotation_unique_arrival"
            )
        ]
        verbose_name = _("rotation")
        verbose_name_plural = _("rotations")

    def __str__(self) -> str:
        return f"{related_text(self, 'contingent')} · {self.arrives_on}"

    def clean(self) -> None:
        super().clean()
        same_mission(self, "contingent")


class TrainingRecord(MissionScopedModel):
    """A mandatory course completed: by the members of a rotation (``personnel_trained`` of
    them) or by one person (Capstone §8.2, §3.2)."""

    course = models.CharField(_("course"), max_length=20, choices=Course.choices)
    rotation = models.ForeignKey(
        Rotation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="training",
        verbose_name=_("rotation"),
    )
    person = models.ForeignKey(
        "core.Person",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="training_records",
        verbose_name=_("person"),
    )
    personnel_trained = models.PositiveIntegerField(
        _("personnel trained"), default=1, validators=[MinValueValidator(1)]
    )
    completed_on = models.DateField(_("completed on"), validators=[validate_date_range])
    provider = models.CharField(_("given by"), max_length=160, blank=True)

    class Meta:
        ordering = ["mission__code", "-completed_on", "-pk"]
        verbose_name = _("training record")
        verbose_name_plural = _("training records")

    def __str__(self) -> str:
        who = related_text(self, "person" if self.person_id else "rotation")
        return f"{self.get_course_display()} · {who}"

    def clean(self) -> None:
        super().clean()
        same_mission(self, "rotation", "person")
        errors: dict[str, Any] = {}
        if not self.rotation_id and not self.person_id:
            errors["rotation"] = _("Record the training of a rotation or of a person.")
        if self.person_id and self.personnel_trained != 1:
            errors["personnel_trained"] = _("A person's record counts one person.")
        rotation = self.rotation if self.rotation_id else None
        if rotation is not None and self.personnel_trained > rotation.strength:
            errors["personnel_trained"] = _("More trained than the rotation's personnel.")
        if errors:
            raise ValidationError(errors)
