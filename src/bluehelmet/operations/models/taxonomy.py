"""Incident categories and information sources with their grading (Capstone §7.2, §6.3).

Categories are reference data shared by every mission (loaded by a data migration from
``operations.catalogue``); sources belong to one mission, since who reports what, and how far
they are trusted, is mission knowledge.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import ChangeLoggedModel, MissionScopedModel


class CategoryGroup(models.TextChoices):
    ARMED_VIOLENCE = "armed_violence", _("Armed violence")
    UN_SAFETY = "un_safety", _("Safety of UN personnel and premises")
    PROTECTION = "protection", _("Protection of civilians")
    PUBLIC_ORDER = "public_order", _("Demonstrations and riots")
    CRIME = "crime", _("Crime")
    MOVEMENT = "movement", _("Movement and freedom of movement")
    ACCESS = "access", _("Humanitarian access")
    HAZARDS = "hazards", _("Explosive and natural hazards")
    OTHER = "other", _("Other")


class IncidentCategory(ChangeLoggedModel):
    """One incident type with its crosswalk to ACLED and UCDP GED (see ``catalogue``)."""

    mission_field = None
    sensitivity_field = None

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    group = models.CharField(_("group"), max_length=20, choices=CategoryGroup.choices)
    description = models.TextField(_("description"), blank=True)
    acled_event_type = models.CharField(_("ACLED event type"), max_length=60, blank=True)
    acled_sub_event_type = models.CharField(_("ACLED sub-event type"), max_length=60, blank=True)
    ged_type_of_violence = models.PositiveSmallIntegerField(
        _("UCDP GED type of violence"),
        null=True,
        blank=True,
        choices=[(1, _("State-based")), (2, _("Non-state")), (3, _("One-sided"))],
    )
    acled_in = models.JSONField(
        _("ACLED types read into this category"),
        default=list,
        blank=True,
        help_text=_("List of [event_type, sub_event_type] pairs."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("incident category")
        verbose_name_plural = _("incident categories")

    def __str__(self) -> str:
        return str(self.name)


class SourceKind(models.TextChoices):
    """Every mission source the JOC collates (Capstone §7.2)."""

    MILITARY = "military", _("Military component")
    POLICE = "police", _("Police component")
    CIVILIAN = "civilian", _("Civilian component")
    UNCT = "unct", _("UN country team")
    OPEN_SOURCE = "open_source", _("Open source / media")
    PARTNER = "partner", _("Partner or local authority")
    DATASET = "dataset", _("Imported dataset")


class Reliability(models.TextChoices):
    """Reliability of the source (NATO admiralty scale, STANAG 2511)."""

    A = "A", _("A - completely reliable")
    B = "B", _("B - usually reliable")
    C = "C", _("C - fairly reliable")
    D = "D", _("D - not usually reliable")
    E = "E", _("E - unreliable")
    F = "F", _("F - reliability cannot be judged")


class Credibility(models.IntegerChoices):
    """Credibility of the information itself (admiralty scale)."""

    CONFIRMED = 1, _("1 - confirmed by other sources")
    PROBABLE = 2, _("2 - probably true")
    POSSIBLE = 3, _("3 - possibly true")
    DOUBTFUL = 4, _("4 - doubtful")
    IMPROBABLE = 5, _("5 - improbable")
    UNKNOWN = 6, _("6 - truth cannot be judged")


class IncidentSource(MissionScopedModel):
    """Who reported: a component, a UN agency, a partner, the media, or an imported dataset."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    reliability = models.CharField(
        _("usual reliability"), max_length=1, choices=Reliability.choices, default=Reliability.F
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["mission__code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "name"], name="incidentsource_unique_name")
        ]
        verbose_name = _("information source")
        verbose_name_plural = _("information sources")

    def __str__(self) -> str:
        return self.name
