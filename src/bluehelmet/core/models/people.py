"""People and who holds which post when (Capstone §7.1: the Mission Leadership Team)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.permissions import RestrictedQuerySet
from bluehelmet.core.validators import validate_date_range, validate_real_country


class PersonnelCategory(models.TextChoices):
    INTERNATIONAL_CIVILIAN = "international_civilian", _("International civilian staff")
    NATIONAL_CIVILIAN = "national_civilian", _("National civilian staff")
    UN_VOLUNTEER = "un_volunteer", _("UN Volunteer")
    MILITARY = "military", _("Military")
    POLICE = "police", _("Police")


class Person(MissionScopedModel):
    """Someone on a mission's roster; ``user`` links the login, when they have one."""

    full_name = models.CharField(_("full name"), max_length=160)
    nationality = models.CharField(
        _("nationality (ISO alpha-3)"), max_length=3, blank=True, validators=[validate_real_country]
    )
    category = models.CharField(_("category"), max_length=32, choices=PersonnelCategory.choices)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        verbose_name=_("login"),
    )

    class Meta:
        ordering = ["mission__code", "full_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.full_name


class AssignmentQuerySet(RestrictedQuerySet):
    def current(self, on: datetime.date | None = None) -> AssignmentQuerySet:
        day = on or timezone.now().date()
        return self.filter(start_date__lte=day).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=day)
        )


class Assignment(MissionScopedModel):
    """A person holding a post for a period; ``mission`` is the post's mission."""

    post = models.ForeignKey(
        "core.Post", on_delete=models.CASCADE, related_name="assignments", verbose_name=_("post")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("person")
    )
    start_date = models.DateField(_("start date"), validators=[validate_date_range])
    end_date = models.DateField(
        _("end date"), null=True, blank=True, validators=[validate_date_range]
    )
    acting = models.BooleanField(_("acting (officer-in-charge)"), default=False)

    objects = models.Manager.from_queryset(AssignmentQuerySet)()  # type: ignore[assignment,misc]

    class Meta:
        ordering = ["mission__code", "-start_date"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self) -> str:
        return f"{self.person} - {self.post}"

    def clean(self) -> None:
        if self.post_id:
            self.mission_id = self.post.mission_id
        errors: dict[str, Any] = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The assignment ends before it starts.")
        if self.person_id and self.post_id and self.person.mission_id != self.post.mission_id:
            errors["person"] = _("The person is on another mission's roster.")
        if not errors and self.post_id and self.start_date and self._overlaps():
            errors["start_date"] = _("Someone else holds this post during these dates.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if self.post_id:
            self.mission_id = self.post.mission_id
        super().save(*args, **kwargs)

    def _overlaps(self) -> bool:
        others = Assignment.objects.filter(post_id=self.post_id, acting=self.acting)
        others = others.exclude(pk=self.pk)
        if self.end_date:
            others = others.filter(start_date__lte=self.end_date)
        return others.filter(Q(end_date__isnull=True) | Q(end_date__gte=self.start_date)).exists()
