"""A mission's setting of a parameter its rules judge by (``core.parameters``).

The doctrine sets principles, not numbers (Capstone §3.1, §2.3, §4.3); the counts, hours and
days the platform's rules use are the mission's, chosen by Headquarters with a reason. Each
change is audited (``ChangeLoggedModel``; ``do_set_mission_parameter`` writes one entry).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import ChangeLoggedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH


class MissionParameter(ChangeLoggedModel):
    """The value a mission gives one registered parameter, who set it and why."""

    mission_field = "mission_id"
    sensitivity_field = None

    mission = models.ForeignKey(
        "core.Mission",
        on_delete=models.CASCADE,
        related_name="parameters",
        verbose_name=_("mission"),
    )
    key = models.CharField(_("parameter"), max_length=80)
    value = models.IntegerField(_("value"))
    reason = models.TextField(_("reason for the setting"), max_length=TEXT_MAX_LENGTH)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        ordering = ["mission__code", "key"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "key"], name="missionparameter_unique_key")
        ]
        verbose_name = _("mission parameter")
        verbose_name_plural = _("mission parameters")

    def __str__(self) -> str:
        return f"{self.key} = {self.value}"
