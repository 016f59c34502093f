"""Roles and memberships: who may do what in which mission (Capstone §7.1-7.2)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import ChangeLoggedModel
from bluehelmet.core.permissions import Action, Sensitivity


class RoleScope(models.TextChoices):
    MISSION = "mission", _("One mission")
    HQ = "hq", _("Every mission (Headquarters)")


def validate_actions(value: object) -> None:
    allowed = set(Action.values)
    if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
        raise ValidationError(_("Actions are a list of action names."))
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise ValidationError(
            _("Unknown actions: %(names)s."), params={"names": ", ".join(unknown)}
        )


class Role(ChangeLoggedModel):
    """A role a user can hold: its scope, the actions it allows and its clearance.

    Roles are rows, not code: HQ planners, JOC officers or a partner liaison differ only in data.
    """

    mission_field = None
    sensitivity_field = None

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    scope = models.CharField(_("scope"), max_length=10, choices=RoleScope.choices)
    clearance = models.PositiveSmallIntegerField(
        _("clearance"), choices=Sensitivity.choices, default=Sensitivity.UNCLASSIFIED
    )
    actions = models.JSONField(_("actions"), default=list, validators=[validate_actions])

    class Meta:
        ordering = ["scope", "name"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return self.name


class Membership(ChangeLoggedModel):
    """A user's role in one mission, or in all missions when the role is an HQ role."""

    sensitivity_field = None

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="memberships")
    mission = models.ForeignKey(
        "core.Mission",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("mission"),
    )
    active = models.BooleanField(_("active"), default=True)
    on_behalf_of = models.ForeignKey(
        "core.Partner",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("acting for partner"),
        help_text=_(
            "The partner organisation this user acts for. For a humanitarian partner the role "
            "is capped at unclassified records without their sources (Capstone §7.2)."
        ),
    )

    class Meta:
        ordering = ["user__username", "mission__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "mission"],
                name="membership_unique_mission",
                condition=models.Q(mission__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                name="membership_unique_hq",
                condition=models.Q(mission__isnull=True),
            ),
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        where = self.mission.code if self.mission is not None else _("all missions")
        return f"{self.user} - {self.role} ({where})"

    def clean(self) -> None:
        if not self.role_id:
            return
        if self.role.scope == RoleScope.HQ and self.mission_id:
            raise ValidationError({"mission": _("A Headquarters role covers every mission.")})
        if self.role.scope == RoleScope.MISSION and not self.mission_id:
            raise ValidationError({"mission": _("Choose the mission this role is held in.")})
        partner = self.on_behalf_of
        if partner is not None and partner.mission_id != self.mission_id:
            raise ValidationError(
                {"on_behalf_of": _("Choose a partner of the mission this role is held in.")}
            )

    @property
    def humanitarian(self) -> bool:
        """Held for a humanitarian partner: humanitarian space applies (Capstone §7.2)."""
        partner = self.on_behalf_of
        return partner is not None and partner.is_humanitarian
