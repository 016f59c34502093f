"""Use-of-force review rules (Capstone §3.1: last resort, minimum force, tactical level only,
mindful of civilians and consent; ROE/DUF set levels and the authority each needs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.principles.models import Authority, UseOfForceReport
from bluehelmet.principles.rules import Flag, make_flag

S31 = "Capstone §3.1"


def authority_rule(report: UseOfForceReport) -> Flag | None:
    """The level used needs more than the unit's own authority, and that authority was not
    given (ROE/DUF: authorisations commanders must obtain)."""
    needed = report.level.authority
    if needed <= Authority.UNIT_COMMANDER:
        return None
    given = report.authorised_by
    if given is not None and given >= needed:
        return None
    detail = _("level %(level)s needs the authorisation of the %(needed)s, but %(given)s.") % {
        "level": report.level,
        "needed": Authority(needed).label,
        "given": (
            _("only the %(a)s authorised it") % {"a": Authority(given).label}
            if given
            else _("no authorisation is recorded")
        ),
    }
    return make_flag("uof-authority", _("Level of force above the unit's authority"), S31, detail)


def persuasion_rule(report: UseOfForceReport) -> Flag | None:
    """Force is a last resort once persuasion is exhausted; with no imminent threat there was
    time to try it."""
    if report.threat_imminent or report.persuasion_tried:
        return None
    detail = _(
        "the threat was not imminent, yet no persuasion or de-escalation is recorded before "
        "force was used; force is the last resort."
    )
    return make_flag("uof-persuasion", _("No persuasion before force"), S31, detail)


def proportionality_rule(report: UseOfForceReport) -> Flag | None:
    """Force must be precise, proportional and the minimum necessary: the report says why."""
    if report.proportionality.strip():
        return None
    detail = _("the report does not explain why the force used was proportionate and minimal.")
    return make_flag("uof-proportionality", _("Proportionality not stated"), S31, detail)


def civilian_harm_rule(report: UseOfForceReport) -> Flag | None:
    """The humanitarian impact weighs on every use of force (§3.1; civilians: §2.3)."""
    if report.civilian_harm_assessed:
        return None
    detail = _("nobody assessed whether civilians were harmed by the force used.")
    return make_flag(
        "uof-civilian-harm", _("Harm to civilians not assessed"), "Capstone §3.1, §2.3", detail
    )


def tactical_level_rule(report: UseOfForceReport) -> Flag | None:
    """Peacekeepers use force at the tactical level only; beyond it is peace enforcement."""
    if not report.beyond_tactical_level:
        return None
    detail = _(
        "force was used beyond the tactical level: that is peace enforcement, not robust "
        "peacekeeping."
    )
    return make_flag("uof-tactical-level", _("Force beyond the tactical level"), S31, detail)


def consent_impact_rule(report: UseOfForceReport) -> Flag | None:
    """The effect on national and local consent is the first factor in judging force."""
    if report.consent_impact_assessed:
        return None
    detail = _("the effect of this use of force on the consent of the parties was not assessed.")
    return make_flag("uof-consent-impact", _("Impact on consent not assessed"), S31, detail)


def mandate_rule(report: UseOfForceReport) -> Flag | None:
    """A level reserved for robust mandates used while the mandate gives no 'all necessary
    means' (§3.1 robust peacekeeping; §1.4 mandates)."""
    if not report.level.requires_all_necessary_means:
        return None
    # The mandate in force when force was used, not today's: a later renewal does not
    # retroactively authorise (or forbid) it.
    if report.level.profile.all_necessary_means_on(report.occurred_at.date()):
        return None
    detail = _(
        "level %(level)s is reserved for a mandate authorising 'all necessary means', which "
        "this mission does not have."
    ) % {"level": report.level}
    return make_flag(
        "uof-mandate", _("Level needs a robust mandate"), "Capstone §3.1, §1.4", detail
    )


RULES: tuple[Callable[[Any], Flag | None], ...] = (
    authority_rule,
    persuasion_rule,
    proportionality_rule,
    civilian_harm_rule,
    tactical_level_rule,
    consent_impact_rule,
    mandate_rule,
)


def review(report: UseOfForceReport) -> list[Flag]:
    """Every flag the report trips, in rule order."""
    return [flag for rule in RULES if (flag := rule(report)) is not None]
