"""Violations by each party and the mission's responses to them (Capstone §3.1).

Impartial is not neutral: the mission answers breaches by every party, and answers them alike.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.principles.models.base import PrinciplesRecord
from bluehelmet.principles.models.consent import Party


class Violation(PrinciplesRecord):
    """A breach of the peace process or of international norms attributed to one party."""

    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="violations", verbose_name=_("party")
    )
    incident = models.ForeignKey(
        "operations.Incident",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("incident"),
    )
    occurred_on = models.DateField(_("date"), validators=[validate_date_range])
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["-occurred_on", "id"]
        verbose_name = _("violation")
        verbose_name_plural = _("violations")

    def __str__(self) -> str:
        return f"{self.party_id} {self.occurred_on}"

    def record_errors(self) -> dict[str, str]:
        errors = self.same_mission(
            party=getattr(self, "party", None), incident=getattr(self, "incident", None)
        )
        return errors


class ResponseKind(models.TextChoices):
    DEMARCHE = "demarche", _("Démarche")
    PUBLIC_STATEMENT = "public_statement", _("Public statement")
    INVESTIGATION = "investigation", _("Investigation")
    REPORT = "report", _("Report")
    USE_OF_FORCE = "use_of_force", _("Use of force")


class ViolationResponse(PrinciplesRecord):
    """What the mission did about one violation."""

    violation = models.ForeignKey(
        Violation, on_delete=models.CASCADE, related_name="responses", verbose_name=_("violation")
    )
    kind = models.CharField(_("response"), max_length=20, choices=ResponseKind.choices)
    responded_on = models.DateField(_("date"), validators=[validate_date_range])
    note = models.TextField(_("note"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["-responded_on", "id"]
        verbose_name = _("response to a violation")
        verbose_name_plural = _("responses to violations")

    def __str__(self) -> str:
        return f"{self.kind} {self.responded_on}"

    def record_errors(self) -> dict[str, str]:
        violation = getattr(self, "violation", None)
        errors = self.same_mission(violation=violation)
        if (
            violation is not None
            and self.responded_on
            and self.responded_on < violation.occurred_on
        ):
            errors["responded_on"] = str(_("The response is dated before the violation."))
        return errors
