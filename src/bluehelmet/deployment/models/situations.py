"""Crisis situations and their parties (Capstone §4.1)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.validators import (
    TEXT_MAX_LENGTH,
    country_name,
    validate_date_range,
    validate_host_country,
)
from bluehelmet.deployment.models.base import DeploymentRecord


class CrisisSituation(DeploymentRecord):
    """A situation the Council may be asked to act on (Capstone §4.1).

    The strategic assessment, the technical assessment mission, the options and the decision all
    hang from it. ``mission`` is empty until a decision to deploy creates (or names) the mission;
    until then only Headquarters roles reach the records.
    """

    mission_field = "mission_id"

    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(
        _("country (ISO 3166-1 alpha-3)"), max_length=3, validators=[validate_host_country]
    )
    country_name = models.CharField(
        _("country name"),
        max_length=100,
        blank=True,
        help_text=_("Filled from ISO 3166 when left blank; required for fictional countries."),
    )
    started_on = models.DateField(_("started on"), validators=[validate_date_range])
    summary = models.TextField(_("summary"), blank=True, max_length=TEXT_MAX_LENGTH)
    sources = models.TextField(
        _("sources"),
        blank=True,
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Where the account comes from, one source a line."),
    )
    ucdp_conflict_id = models.PositiveIntegerField(
        _("UCDP conflict id"), null=True, blank=True, help_text=_("The UCDP/PRIO conflict.")
    )
    mission = models.ForeignKey(
        "core.Mission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="crisis_situations",
        verbose_name=_("mission"),
        help_text=_("Set when a decision to deploy creates or names the mission."),
    )

    class Meta:
        ordering = ["-started_on", "name"]
        verbose_name = _("crisis situation")
        verbose_name_plural = _("crisis situations")

    def __str__(self) -> str:
        return self.name

    def record_errors(self) -> dict[str, str]:
        self.country = (self.country or "").strip().upper()
        if not self.country_name and self.country:
            name = country_name(self.country)
            if name is None:
                return {"country_name": str(_("Name the country: its code is user-assigned."))}
            self.country_name = name
        return {}


class PartyRole(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    ARMED_MOVEMENT = "armed_movement", _("Armed movement")
    ARMED_GROUP = "armed_group", _("Other armed group")
    NEIGHBOUR = "neighbour", _("Neighbouring state")
    REGIONAL_ORGANISATION = "regional_organisation", _("Regional organisation")
    OTHER = "other", _("Other")


class CrisisParty(DeploymentRecord):
    """A party to the crisis or an outside actor with a stake in it (Capstone §4.1-4.2).

    Named from the mission's actor register when there is one, from the UCDP actor list, or by
    name alone; ``signatory`` and ``committed`` feed the "peace to keep" condition (§4.2).
    """

    mission_field = "situation__mission_id"
    parent_field = "situation"

    situation = models.ForeignKey(CrisisSituation, on_delete=models.CASCADE, related_name="parties")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=24, choices=PartyRole.choices)
    actor = models.ForeignKey(
        "analysis.Actor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actor (register)"),
    )
    ucdp_actor_id = models.PositiveIntegerField(_("UCDP actor id"), null=True, blank=True)
    signatory = models.BooleanField(_("signed a cease-fire or agreement"), default=False)
    committed = models.BooleanField(
        _("committed to a political process"),
        null=True,
        blank=True,
        help_text=_("Judged from its conduct, not its signature alone (§4.2)."),
    )
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["situation", "role", "name"]
        verbose_name = _("party to the crisis")
        verbose_name_plural = _("parties to the crisis")

    def __str__(self) -> str:
        return self.name
