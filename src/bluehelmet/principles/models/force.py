"""ROE/DUF profiles, use-of-force reports and their review flags (Capstone §3.1).

The mission-wide ROE (military) and DUF (police) set graduated levels of force and the
authority each level needs; every use of force is reported and reviewed against §3.1: last
resort after persuasion, minimum and proportionate force, at the tactical level only, mindful
of civilians and of consent.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.principles.models.base import PrinciplesRecord


class RoeKind(models.TextChoices):
    ROE = "roe", _("Rules of engagement (military)")
    DUF = "duf", _("Directives on the use of force (police)")


class Authority(models.IntegerChoices):
    """Who may authorise a level of force, from the unit upward (§3.1: the appropriate level)."""

    UNIT_COMMANDER = 1, _("Unit commander")
    SECTOR_COMMANDER = 2, _("Sector commander")
    FORCE_COMMANDER = 3, _("Force Commander / Police Commissioner")
    HEAD_OF_MISSION = 4, _("Head of Mission")


class RoeProfile(PrinciplesRecord):
    """The mission's ROE or DUF: its graduated levels of force live in ``ForceLevel``."""

    kind = models.CharField(_("kind"), max_length=3, choices=RoeKind.choices)
    name = models.CharField(_("name"), max_length=120)
    all_necessary_means_setting = models.BooleanField(
        _("'all necessary means' authorised (when no mandate is recorded)"),
        default=False,
        help_text=_("Used only while the mission has no mandate version in force."),
    )
    issued_on = models.DateField(
        _("issued on"), null=True, blank=True, validators=[validate_date_range]
    )

    class Meta:
        ordering = ["mission__code", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "kind"], name="roeprofile_unique_kind")
        ]
        verbose_name = _("ROE/DUF profile")
        verbose_name_plural = _("ROE/DUF profiles")

    def __str__(self) -> str:
        return f"{self.mission_id} {self.get_kind_display()}"

    def current_mandate(self, on: datetime.date | None = None) -> models.Model | None:
        """The mandate version in force on ``on`` (default today)."""
        from bluehelmet.mandates.models import Mandate

        today = on or timezone.now().date()
        return (
            Mandate.objects.filter(mission_id=self.mission_id, effective_from__lte=today)
            .filter(Q(effective_to__isnull=True) | Q(effective_to__gte=today))
            .order_by("-version")
            .first()
        )

    @property
    def all_necessary_means(self) -> bool:
        """From the mandate in force today; see ``all_necessary_means_on``."""
        return self.all_necessary_means_on(None)

    def all_necessary_means_on(self, day: datetime.date | None) -> bool:
        """From the mandate in force that day (its explicit 'all necessary means', §1.4),
        otherwise the profile's own setting. Chapter VII alone does not count: §1.1 warns
        against reading what an operation may do off the Chapter its resolution cites."""
        mandate = self.current_mandate(day)
        if mandate is None:
            return self.all_necessary_means_setting
        return bool(mandate.all_necessary_means)  # type: ignore[attr-defined]


class ForceLevel(PrinciplesRecord):
    """One graduated level of force in a profile, and the authority it requires."""

    profile = models.ForeignKey(
        RoeProfile, on_delete=models.CASCADE, related_name="levels", verbose_name=_("profile")
    )
    order = models.PositiveSmallIntegerField(_("order"), help_text=_("1 is the least force."))
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX_LENGTH)
    authority = models.PositiveSmallIntegerField(
        _("authority required"), choices=Authority.choices, default=Authority.UNIT_COMMANDER
    )
    requires_all_necessary_means = models.BooleanField(
        _("needs an 'all necessary means' mandate"), default=False
    )

    class Meta:
        ordering = ["profile_id", "order"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "order"], name="forcelevel_unique_order")
        ]
        verbose_name = _("level of force")
        verbose_name_plural = _("levels of force")

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"

    def clean(self) -> None:
        profile = getattr(self, "profile", None)
        if profile is not None:
            self.mission_id = profile.mission_id
            if self.sensitivity is not None and self.sensitivity < profile.sensitivity:
                self.sensitivity = profile.sensitivity
        super().clean()

    def save(self, *args: object, **kwargs: object) -> None:
        if self.profile_id and not self.mission_id:
            self.mission_id = self.profile.mission_id
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class ForceBasis(models.TextChoices):
    SELF_DEFENCE = "self_defence", _("Self-defence")
    DEFENCE_OF_MANDATE = "defence_of_mandate", _("Defence of the mandate")


class UseOfForceReport(PrinciplesRecord):
    """One use of force by a unit, as reported for review (Capstone §3.1)."""

    incident = models.ForeignKey(
        "operations.Incident",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="use_of_force_reports",
        verbose_name=_("incident"),
    )
    contingent = models.ForeignKey(
        "core.Contingent",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("contingent"),
    )
    org_unit = models.ForeignKey(
        "core.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("unit or office"),
    )
    occurred_at = models.DateTimeField(_("occurred at (UTC)"), validators=[validate_date_range])
    threat_faced = models.TextField(_("threat faced"), max_length=TEXT_MAX_LENGTH)
    threat_imminent = models.BooleanField(_("threat was imminent"), default=False)
    persuasion_tried = models.BooleanField(_("persuasion / de-escalation tried"), default=False)
    persuasion = models.TextField(
        _("persuasion and de-escalation tried"), blank=True, max_length=TEXT_MAX_LENGTH
    )
    level = models.ForeignKey(
        ForceLevel, on_delete=models.PROTECT, related_name="reports", verbose_name=_("level used")
    )
    authorised_by = models.PositiveSmallIntegerField(
        _("authorised by"), choices=Authority.choices, null=True, blank=True
    )
    authorised_at = models.DateTimeField(
        _("authorised at (UTC)"), null=True, blank=True, validators=[validate_date_range]
    )
    basis = models.CharField(_("basis"), max_length=20, choices=ForceBasis.choices)
    proportionality = models.TextField(
        _("proportionality statement"), blank=True, max_length=TEXT_MAX_LENGTH
    )
    civilian_harm_assessed = models.BooleanField(_("harm to civilians assessed"), default=False)
    civilian_harm = models.TextField(_("harm to civilians"), blank=True, max_length=TEXT_MAX_LENGTH)
    detentions = models.PositiveIntegerField(_("people detained"), default=0)
    detention_notes = models.TextField(_("detentions"), blank=True, max_length=TEXT_MAX_LENGTH)
    consent_impact_assessed = models.BooleanField(_("impact on consent assessed"), default=False)
    consent_impact = models.TextField(
        _("impact on consent"), blank=True, max_length=TEXT_MAX_LENGTH
    )
    beyond_tactical_level = models.BooleanField(
        _("force beyond the tactical level"),
        default=False,
        help_text=_("Operational or strategic use of force: enforcement, not peacekeeping."),
    )
    follow_up = models.TextField(_("follow-up"), blank=True, max_length=TEXT_MAX_LENGTH)
    reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-occurred_at", "id"]
        verbose_name = _("use-of-force report")
        verbose_name_plural = _("use-of-force reports")

    def __str__(self) -> str:
        return f"UoF {self.pk} {self.occurred_at:%Y-%m-%d}" if self.occurred_at else "UoF"

    def record_errors(self) -> dict[str, str]:
        errors = self.same_mission(
            incident=getattr(self, "incident", None),
            contingent=getattr(self, "contingent", None),
            org_unit=getattr(self, "org_unit", None),
            level=getattr(self, "level", None),
        )
        if not self.contingent_id and not self.org_unit_id:
            errors["contingent"] = str(_("Name the unit: a contingent or a mission unit."))
        if self.persuasion_tried and not self.persuasion.strip():
            errors["persuasion"] = str(_("Describe the persuasion or de-escalation tried."))
        if self.authorised_at and not self.authorised_by:
            errors["authorised_by"] = str(_("Say which authority authorised the force."))
        return errors


class FlagStatus(models.TextChoices):
    OPEN = "open", _("Open")
    UPHELD = "upheld", _("Upheld")
    DISMISSED = "dismissed", _("Dismissed")
    RESOLVED = "resolved", _("No longer applies")


class ReviewFlag(PrinciplesRecord):
    """A rule a use-of-force report trips, for a reviewer to uphold or dismiss with a reason."""

    report = models.ForeignKey(
        UseOfForceReport, on_delete=models.CASCADE, related_name="flags", verbose_name=_("report")
    )
    code = models.CharField(_("rule code"), max_length=40)
    rule_name = models.CharField(_("rule"), max_length=200)
    citation = models.CharField(_("citation"), max_length=60)
    explanation = models.TextField(_("explanation"))
    status = models.CharField(
        _("status"), max_length=10, choices=FlagStatus.choices, default=FlagStatus.OPEN
    )
    decision_reason = models.TextField(
        _("reason for the decision"), blank=True, max_length=TEXT_MAX_LENGTH
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["status", "-created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "code"], name="reviewflag_unique_rule")
        ]
        verbose_name = _("review flag")
        verbose_name_plural = _("review flags")

    def __str__(self) -> str:
        return f"{self.code} on report {self.report_id} ({self.status})"


# What staff file in a use-of-force report (the form and the API take the same fields).
REPORT_CONTENT_FIELDS = (
    "incident",
    "contingent",
    "org_unit",
    "occurred_at",
    "threat_faced",
    "threat_imminent",
    "persuasion_tried",
    "persuasion",
    "level",
    "authorised_by",
    "authorised_at",
    "basis",
    "proportionality",
    "civilian_harm_assessed",
    "civilian_harm",
    "detentions",
    "detention_notes",
    "consent_impact_assessed",
    "consent_impact",
    "beyond_tactical_level",
    "follow_up",
)
