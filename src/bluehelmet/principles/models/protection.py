"""Threats to civilians, alerts and the mission's response (Capstone §2.3, §1.4 res. 1674)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.principles.models.base import PrinciplesRecord
from bluehelmet.principles.models.consent import Party


class Imminence(models.TextChoices):
    IMMINENT = "imminent", _("Imminent")
    LIKELY = "likely", _("Likely")
    POSSIBLE = "possible", _("Possible")


# What staff record about a threat, named once for the page form and the API.
THREAT_FIELDS = (
    "threatened",
    "perpetrator",
    "perpetrator_other",
    "org_unit",
    "admin1",
    "place",
    "imminence",
    "women_at_risk",
    "children_at_risk",
    "displaced_at_risk",
    "other_vulnerability",
    "identified_on",
    "description",
)


class ProtectionThreat(PrinciplesRecord):
    """Who is threatened, by whom, where, how soon, and who is most vulnerable."""

    threatened = models.CharField(_("who is threatened"), max_length=200)
    perpetrator = models.ForeignKey(
        Party,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="threats",
        verbose_name=_("threatened by (party)"),
    )
    perpetrator_other = models.CharField(_("threatened by (other)"), max_length=200, blank=True)
    org_unit = models.ForeignKey(
        "core.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("nearest mission office"),
    )
    admin1 = models.CharField(_("admin area (level 1)"), max_length=120, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    imminence = models.CharField(_("imminence"), max_length=10, choices=Imminence.choices)
    women_at_risk = models.BooleanField(_("women at particular risk"), default=False)
    children_at_risk = models.BooleanField(_("children at particular risk"), default=False)
    displaced_at_risk = models.BooleanField(_("displaced people at risk"), default=False)
    other_vulnerability = models.CharField(_("other vulnerability"), max_length=200, blank=True)
    identified_on = models.DateField(_("identified on"), validators=[validate_date_range])
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["-identified_on", "id"]
        verbose_name = _("protection threat")
        verbose_name_plural = _("protection threats")

    def __str__(self) -> str:
        return f"{self.threatened} ({self.imminence})"

    def record_errors(self) -> dict[str, str]:
        errors = self.same_mission(
            perpetrator=getattr(self, "perpetrator", None),
            org_unit=getattr(self, "org_unit", None),
        )
        if not (self.admin1.strip() or self.place.strip() or self.org_unit_id):
            errors["place"] = str(_("Say where: a place, an admin area or a mission office."))
        return errors


class AlertSource(models.TextChoices):
    COMPONENT = "component", _("Mission component")
    COMMUNITY = "community", _("Community alert network")
    PARTNER = "partner", _("Partner or humanitarian actor")


class ProtectionResponseKind(models.TextChoices):
    PATROL = "patrol", _("Patrol")
    PRESENCE = "presence", _("Presence / deployment")
    ESCORT = "escort", _("Escort")
    ENGAGEMENT = "engagement", _("Engagement with the parties")
    EVACUATION = "evacuation", _("Evacuation or shelter")
    USE_OF_FORCE = "use_of_force", _("Use of force")
    REFERRAL = "referral", _("Referral to authorities or partners")


class ProtectionAlert(PrinciplesRecord):
    """An alert of a threat to civilians, and the mission's response and its timing."""

    threat = models.ForeignKey(
        ProtectionThreat,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="alerts",
        verbose_name=_("threat"),
    )
    source = models.CharField(_("source"), max_length=12, choices=AlertSource.choices)
    component = models.ForeignKey(
        "core.Component",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("component"),
    )
    received_at = models.DateTimeField(_("received at (UTC)"), validators=[validate_date_range])
    description = models.TextField(_("what was reported"), max_length=TEXT_MAX_LENGTH)
    response_kind = models.CharField(
        _("response"), max_length=14, choices=ProtectionResponseKind.choices, blank=True
    )
    responded_at = models.DateTimeField(
        _("responded at (UTC)"), null=True, blank=True, validators=[validate_date_range]
    )
    response_note = models.TextField(_("response"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["-received_at", "id"]
        verbose_name = _("protection alert")
        verbose_name_plural = _("protection alerts")

    def __str__(self) -> str:
        return f"Alert {self.pk} {self.received_at:%Y-%m-%d %H:%M}" if self.received_at else "Alert"

    @property
    def response_hours(self) -> float | None:
        if self.responded_at is None or self.received_at is None:
            return None
        return (self.responded_at - self.received_at).total_seconds() / 3600

    def record_errors(self) -> dict[str, str]:
        errors = self.same_mission(
            threat=getattr(self, "threat", None), component=getattr(self, "component", None)
        )
        if self.source == AlertSource.COMPONENT and not self.component_id:
            errors["component"] = str(_("Name the component that raised the alert."))
        if bool(self.responded_at) != bool(self.response_kind):
            errors["response_kind"] = str(
                _("Give both the kind of response and when it was made, or neither.")
            )
        if self.responded_at and self.received_at and self.responded_at < self.received_at:
            errors["responded_at"] = str(_("The response is dated before the alert."))
        return errors
