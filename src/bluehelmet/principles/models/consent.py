"""Parties and the consent they give or withhold, per locality (Capstone §3.1)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.principles.models.base import PrinciplesRecord


class PartyKind(models.TextChoices):
    PARTY = "party", _("Main party to the conflict")
    SIGNATORY = "signatory", _("Signatory armed group")
    NON_SIGNATORY = "non_signatory", _("Non-signatory armed group")
    SPOILER = "spoiler", _("Spoiler")


class Party(PrinciplesRecord):
    """A party whose consent and conduct the mission follows (§3.1: consent, spoilers)."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=PartyKind.choices)

    class Meta:
        ordering = ["mission__code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "name"], name="party_unique_name")
        ]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self) -> str:
        return self.name


class ConsentEventKind(models.TextChoices):
    FOM_RESTRICTION = "fom_restriction", _("Freedom-of-movement restriction")
    DENIAL_OF_ACCESS = "denial_of_access", _("Denial of access")
    HOSTILE_RHETORIC = "hostile_rhetoric", _("Hostile rhetoric")
    ATTACK_ON_UN = "attack_on_un", _("Attack on UN personnel")
    COOPERATION = "cooperation", _("Cooperation")
    PUBLIC_SUPPORT = "public_support", _("Public support")


# Signed contribution of one event of each kind to the consent score (times its weight).
CONSENT_SIGN = {
    ConsentEventKind.FOM_RESTRICTION: -1,
    ConsentEventKind.DENIAL_OF_ACCESS: -1,
    ConsentEventKind.HOSTILE_RHETORIC: -1,
    ConsentEventKind.ATTACK_ON_UN: -2,
    ConsentEventKind.COOPERATION: 1,
    ConsentEventKind.PUBLIC_SUPPORT: 1,
}
RESTRICTING = frozenset(
    {
        ConsentEventKind.FOM_RESTRICTION,
        ConsentEventKind.DENIAL_OF_ACCESS,
        ConsentEventKind.ATTACK_ON_UN,
    }
)
COOPERATING = frozenset({ConsentEventKind.COOPERATION, ConsentEventKind.PUBLIC_SUPPORT})


class ConsentEvent(PrinciplesRecord):
    """One sign of consent given or withheld by a party in one locality (§3.1)."""

    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="consent_events", verbose_name=_("party")
    )
    org_unit = models.ForeignKey(
        "core.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("mission office"),
    )
    admin1 = models.CharField(_("admin area (level 1)"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ConsentEventKind.choices)
    occurred_on = models.DateField(_("date"), validators=[validate_date_range])
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, help_text=_("1 (minor) to 5 (grave).")
    )
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["-occurred_on", "id"]
        verbose_name = _("consent event")
        verbose_name_plural = _("consent events")

    def __str__(self) -> str:
        return f"{self.party_id} {self.kind} {self.occurred_on}"

    @property
    def locality(self) -> str:
        if self.admin1:
            return self.admin1
        return self.org_unit.name if self.org_unit is not None else ""

    def record_errors(self) -> dict[str, str]:
        errors = self.same_mission(
            party=getattr(self, "party", None), org_unit=getattr(self, "org_unit", None)
        )
        if not self.admin1.strip() and not self.org_unit_id:
            errors["admin1"] = str(_("Give the locality: an admin area or a mission office."))
        if not 1 <= (self.weight or 0) <= 5:
            errors["weight"] = str(_("The weight is between 1 and 5."))
        return errors


class ConsentAssessment(PrinciplesRecord):
    """A stored reading of consent for one party in one locality over a rolling window."""

    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="assessments")
    locality = models.CharField(_("locality"), max_length=120)
    as_of = models.DateField(_("as of"), validators=[validate_date_range])
    window_days = models.PositiveSmallIntegerField(_("window (days)"))
    score = models.IntegerField(_("score"))
    restrictions = models.PositiveIntegerField(_("restrictions and denials"))
    cooperation = models.PositiveIntegerField(_("cooperation events"))
    withdrawal_flagged = models.BooleanField(_("de facto withdrawal of consent"), default=False)
    explanation = models.TextField(_("explanation"), blank=True)

    class Meta:
        ordering = ["-as_of", "party__name", "locality"]
        verbose_name = _("consent assessment")
        verbose_name_plural = _("consent assessments")

    def __str__(self) -> str:
        return f"{self.party_id} {self.locality} {self.as_of}: {self.score}"
