"""Coordination with partners (Capstone §7.2): meetings with the UN country team, the
humanitarian clusters, the host government and regional organisations, the action items they
agree, and each sharing of information with a partner."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.core.validators import TEXT_MAX_LENGTH


class Forum(models.TextChoices):
    UNCT = "unct", _("UN country team")
    CLUSTER = "cluster", _("Humanitarian cluster")
    HOST_GOVERNMENT = "host_government", _("Host government")
    REGIONAL = "regional", _("Regional organisation")
    OTHER = "other", _("Other partners")


class CoordinationMeeting(MissionScopedModel):
    """A coordination meeting and what it decided (Capstone §7.2: one strategic direction with
    the country team, humanitarian space respected)."""

    forum = models.CharField(_("forum"), max_length=20, choices=Forum.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("held on"))
    chair = models.CharField(_("chaired by"), max_length=160, blank=True)
    partners = models.ManyToManyField(
        "core.Partner", blank=True, related_name="+", verbose_name=_("partners present")
    )
    decisions = models.TextField(_("decisions"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["mission__code", "-held_on", "pk"]
        verbose_name = _("coordination meeting")
        verbose_name_plural = _("coordination meetings")

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on})"


class ActionItem(MissionScopedModel):
    """Something a meeting asked someone to do by a date (Capstone §7.2); past the date and not
    done it is flagged (``rules.action_overdue``)."""

    meeting = models.ForeignKey(
        CoordinationMeeting, on_delete=models.CASCADE, related_name="action_items"
    )
    text = models.CharField(_("action"), max_length=300)
    owner = models.CharField(_("owner"), max_length=160)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def __str__(self) -> str:
        return self.text

    def inherit(self) -> None:
        """The record's mission is its meeting's; its class is at least the meeting's."""
        if self.meeting_id:
            self.mission_id = self.meeting.mission_id
            self.sensitivity = max(self.sensitivity or 0, self.meeting.sensitivity)

    def clean(self) -> None:
        self.inherit()
        super().clean()

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.inherit()
        super().save(*args, **kwargs)

    def overdue_on(self, today: datetime.date) -> bool:
        return self.done_on is None and self.due_on < today


class SharingRecord(MissionScopedModel):
    """One piece of information given to a partner (Capstone §7.2): what, its class, whether it
    is operational, and when. Recorded only through ``actions.do_share_with_partner``, which
    applies the partner-safe rule (humanitarian actors get unclassified, non-operational
    information only)."""

    partner = models.ForeignKey(
        "core.Partner", on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    meeting = models.ForeignKey(
        CoordinationMeeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sharings",
        verbose_name=_("at meeting"),
    )
    item = models.CharField(_("information shared"), max_length=300)
    item_class = models.PositiveSmallIntegerField(
        _("class of the information"), choices=Sensitivity.choices, default=Sensitivity.UNCLASSIFIED
    )
    operational = models.BooleanField(_("operational information"), default=False)
    record = models.CharField(_("record shared"), max_length=120, blank=True)
    shared_on = models.DateField(_("shared on"))
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("shared by"),
    )

    class Meta:
        ordering = ["mission__code", "-shared_on", "pk"]
        verbose_name = _("sharing record")
        verbose_name_plural = _("sharing records")

    def __str__(self) -> str:
        return f"{self.item} → {self.partner}"

    def clean(self) -> None:
        super().clean()
        if self.partner_id and self.mission_id and self.partner.mission_id != self.mission_id:
            raise ValidationError({"partner": _("The partner belongs to another mission.")})
