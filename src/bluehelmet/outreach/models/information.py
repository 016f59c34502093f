"""Public information (Capstone §9.2): what the mission says to the population, and what the
population hears about the mission: outreach activities and the rumour log."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH


class ActivityKind(models.TextChoices):
    RADIO = "radio", _("Radio programme")
    COMMUNITY_MEETING = "community_meeting", _("Community meeting")
    VISIT = "visit", _("Visit")
    CAMPAIGN = "campaign", _("Campaign")


class Audience(models.TextChoices):
    GENERAL = "general", _("General public")
    COMMUNITY_LEADERS = "community_leaders", _("Community and religious leaders")
    WOMEN = "women", _("Women's groups")
    YOUTH = "youth", _("Youth")
    DISPLACED = "displaced", _("Displaced people")
    AUTHORITIES = "authorities", _("Local authorities")


class OutreachActivity(MissionScopedModel):
    """A radio programme, community meeting, visit or campaign, where and for whom
    (Capstone §9.2: explaining the mandate and managing expectations)."""

    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("held on"))
    admin1 = models.CharField(_("admin area (level 1)"), max_length=120)
    place = models.CharField(_("place"), max_length=160, blank=True)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    reached = models.PositiveIntegerField(_("people reached (estimate)"), null=True, blank=True)
    messages = models.TextField(_("key messages"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["mission__code", "-held_on", "pk"]
        verbose_name = _("outreach activity")
        verbose_name_plural = _("outreach activities")

    def __str__(self) -> str:
        return self.title


class Spread(models.TextChoices):
    LOCAL = "local", _("One place")
    AREA = "area", _("Across the area")
    NATIONAL = "national", _("Nationwide or on national media")


class Risk(models.IntegerChoices):
    LOW = 1, _("Low")
    MEDIUM = 2, _("Medium")
    HIGH = 3, _("High")


class RiskTo(models.TextChoices):
    MISSION = "mission", _("The mission")
    CIVILIANS = "civilians", _("Civilians")
    BOTH = "both", _("The mission and civilians")


class Verification(models.TextChoices):
    UNVERIFIED = "unverified", _("Not yet verified")
    FALSE = "false", _("False")
    PARTLY = "partly", _("Partly true")
    TRUE = "true", _("True")


class Rumour(MissionScopedModel):
    """Something said about the mission or the situation, where and how widely, the risk it
    carries, how it was checked and answered (Capstone §9.2: countering misinformation); the
    incidents it preceded are linked by ``actions.do_link_rumour_incidents``."""

    said = models.TextField(_("what is said"), max_length=TEXT_MAX_LENGTH)
    heard_at = models.DateTimeField(_("first heard at"))
    admin1 = models.CharField(_("admin area (level 1)"), max_length=120)
    place = models.CharField(_("place"), max_length=160, blank=True)
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    channel = models.CharField(_("heard through"), max_length=120, blank=True)
    spread = models.CharField(_("how widely"), max_length=10, choices=Spread.choices)
    risk = models.PositiveSmallIntegerField(_("risk"), choices=Risk.choices, default=Risk.MEDIUM)
    risk_to = models.CharField(_("risk to"), max_length=10, choices=RiskTo.choices)
    verification = models.CharField(
        _("verification"),
        max_length=12,
        choices=Verification.choices,
        default=Verification.UNVERIFIED,
    )
    verification_note = models.TextField(
        _("how it was checked"), blank=True, max_length=TEXT_MAX_LENGTH
    )
    response = models.TextField(_("response given"), blank=True, max_length=TEXT_MAX_LENGTH)
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)
    incidents = models.ManyToManyField(
        "operations.Incident",
        blank=True,
        related_name="+",
        verbose_name=_("incidents it preceded"),
    )

    class Meta:
        ordering = ["mission__code", "-heard_at", "pk"]
        verbose_name = _("rumour")
        verbose_name_plural = _("rumours")

    def __str__(self) -> str:
        text = " ".join(self.said.split())
        return text if len(text) <= 80 else text[:79] + "…"

    def clean(self) -> None:
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both coordinates or neither.")})
        if self.responded_at is not None and self.responded_at < self.heard_at:
            raise ValidationError({"responded_at": _("The response cannot precede the rumour.")})
        if self.responded_at is not None and not self.response.strip():
            raise ValidationError({"response": _("Say what the response was.")})

    @property
    def hours_to_respond(self) -> float | None:
        """Hours from first hearing to the response (None while unanswered)."""
        if self.responded_at is None:
            return None
        return round((self.responded_at - self.heard_at).total_seconds() / 3600, 1)
