"""The JMAC's register of actors and which incidents each took part in (Capstone §3.1, §7.2).

Consent is given by the main parties, yet local consent and security also depend on armed groups
that no party controls and on spoilers who gain from continued violence (§3.1 and its glossary).
The JMAC keeps one register of them all per mission, with how each appears in the incident log
(its aliases), so activity can be followed actor by actor (§7.2: medium- and long-term threats).
"""

from __future__ import annotations

import re
import unicodedata

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.core.validators import TEXT_MAX_LENGTH


class ActorKind(models.TextChoices):
    PARTY = "party", _("Main party to the conflict")
    STATE_FORCES = "state_forces", _("State security forces")
    SIGNATORY_MOVEMENT = "signatory_movement", _("Signatory armed movement")
    NON_SIGNATORY_GROUP = "non_signatory_group", _("Non-signatory armed group")
    UNCONTROLLED_GROUP = "uncontrolled_group", _("Armed group not under a party's control")
    SPOILER = "spoiler", _("Spoiler")
    COMMUNAL_MILITIA = "communal_militia", _("Communal or self-defence militia")
    CRIMINAL_GROUP = "criminal_group", _("Criminal group")
    POLITICAL = "political", _("Political party or movement")
    OTHER = "other", _("Other")


class SpoilerAssessment(models.TextChoices):
    """How far an actor works against the peace process (Capstone §3.1, note 21).

    The grades follow the usual spoiler typology: limited aims that could be met within the
    process, greedy aims that grow with opportunity, total rejection of the process."""

    NONE = "none", _("Not a spoiler")
    LIMITED = "limited", _("Limited spoiler")
    GREEDY = "greedy", _("Greedy spoiler")
    TOTAL = "total", _("Total spoiler")


class LinkSide(models.IntegerChoices):
    FIRST = 1, _("First side (actor 1)")
    SECOND = 2, _("Second side (actor 2)")
    BOTH = 3, _("Both sides")


_SPACES = re.compile(r"\s+")


def normalise_name(text: str) -> str:
    """The form names are compared in: accents dropped, case folded, spaces collapsed.

    Incident logs and datasets spell an actor differently ("Kessaré" / "Kessare", "FAB" /
    "fab"); comparing normalised names links them without fuzzy guessing."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", plain).strip().casefold()


def split_aliases(text: str) -> list[str]:
    """One alias a line; blank lines and repeats (after normalising) dropped, order kept."""
    seen: set[str] = set()
    out = []
    for line in (text or "").splitlines():
        alias = line.strip()
        key = normalise_name(alias)
        if key and key not in seen:
            seen.add(key)
            out.append(alias)
    return out


class Actor(MissionScopedModel):
    """A party, armed group, militia, spoiler or criminal group in the mission area (§3.1).

    ``name`` and ``aliases`` are matched against ``Incident.actor1``/``actor2``; the result is
    stored in ``IncidentActor`` (see ``analysis.linking``). Confidential by default: the
    assessment of a group's intentions is analysis, not public information (§7.2).
    """

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=ActorKind.choices)
    signatory = models.BooleanField(
        _("signatory of the peace agreement"),
        default=False,
        help_text=_("Signed the cease-fire or peace agreement the mission supports (§4.2)."),
    )
    spoiler_assessment = models.CharField(
        _("spoiler assessment"),
        max_length=10,
        choices=SpoilerAssessment.choices,
        default=SpoilerAssessment.NONE,
    )
    spoiler_rationale = models.TextField(
        _("rationale of the spoiler assessment"),
        blank=True,
        help_text=_("What the actor does or says that works for or against the process."),
        max_length=TEXT_MAX_LENGTH,
    )
    party = models.OneToOneField(
        "principles.Party",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actor",
        verbose_name=_("party (consent register)"),
        help_text=_("The same actor in the consent and impartiality records (§3.1)."),
    )
    aliases = models.TextField(
        _("aliases"),
        blank=True,
        help_text=_("Other names, one a line, as they appear in the incident log (actor fields)."),
    )
    ucdp_actor_id = models.PositiveIntegerField(_("UCDP actor id"), null=True, blank=True)
    acled_actor = models.CharField(_("ACLED actor name"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX_LENGTH)
    sensitivity = models.PositiveSmallIntegerField(
        _("sensitivity"), choices=Sensitivity.choices, default=Sensitivity.CONFIDENTIAL
    )

    class Meta:
        ordering = ["mission__code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "name"], name="actor_unique_name")
        ]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def alias_list(self) -> list[str]:
        return split_aliases(self.aliases)

    def match_names(self) -> set[str]:
        """Every normalised name that links an incident to this actor."""
        names = [self.name, self.short_name, self.acled_actor, *self.alias_list]
        return {normalise_name(n) for n in names if normalise_name(n)}

    @property
    def is_spoiler(self) -> bool:
        return self.kind == ActorKind.SPOILER or self.spoiler_assessment != SpoilerAssessment.NONE

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        errors = self._errors()
        if errors:
            raise ValidationError(errors)

    def _errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        party = getattr(self, "party", None) if self.party_id else None
        if party is not None and party.mission_id != self.mission_id:
            errors["party"] = str(_("This party belongs to another mission."))
        if self.kind == ActorKind.SPOILER and self.spoiler_assessment == SpoilerAssessment.NONE:
            errors["spoiler_assessment"] = str(
                _("A spoiler needs a spoiler assessment: limited, greedy or total (§3.1).")
            )
        if self.spoiler_assessment != SpoilerAssessment.NONE and not self.spoiler_rationale.strip():
            errors["spoiler_rationale"] = str(
                _("Say why the actor is assessed a spoiler: what it does against the process.")
            )
        if self.signatory and self.kind == ActorKind.NON_SIGNATORY_GROUP:
            errors["signatory"] = str(_("A non-signatory armed group cannot be a signatory."))
        if self.mission_id:
            errors.update(self._name_clashes())
        return errors

    def _name_clashes(self) -> dict[str, str]:
        """Two actors of one mission may not share a name or alias: a link must be unique."""
        mine = self.match_names()
        others = Actor.objects.filter(mission_id=self.mission_id).exclude(pk=self.pk)
        for other in others.only("id", "name", "short_name", "aliases", "acled_actor"):
            shared = sorted(mine & other.match_names())
            if shared:
                return {
                    "aliases": str(
                        _("“%(name)s” already names %(other)s in this mission.")
                        % {"name": shared[0], "other": other.name}
                    )
                }
        return {}


class IncidentActor(models.Model):
    """Derived link: this incident names this actor on one or both sides.

    Recomputed from the names (``analysis.linking``), never edited by hand, so it carries no
    sensitivity of its own: it is read only through incidents and actors the reader may see.
    """

    incident = models.ForeignKey(
        "operations.Incident", on_delete=models.CASCADE, related_name="actor_links"
    )
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="incident_links")
    side = models.PositiveSmallIntegerField(_("side"), choices=LinkSide.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["incident", "actor"], name="incidentactor_unique")
        ]
        indexes = [models.Index(fields=["actor", "incident"], name="incidentactor_actor")]
        verbose_name = _("incident-actor link")
        verbose_name_plural = _("incident-actor links")

    def __str__(self) -> str:
        return f"{self.incident_id} ↔ {self.actor_id} ({self.side})"
