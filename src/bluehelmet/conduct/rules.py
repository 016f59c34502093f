"""Time limits on the steps of a misconduct case (Capstone §3.2: zero tolerance is credible
only if allegations are dealt with promptly).

Each rule is a small function of a ``CaseTimeline`` returning a verdict in plain words, or
``None`` when the step does not apply yet: ``flagged`` when the step is still open past its
limit, ``met`` otherwise. The limits are mission parameters (the doctrine sets no number of
days). Flags advise; the conduct team or the Head of Mission may accept or dismiss one with a
recorded reason (``actions.do_decide_conduct_verdict``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.conduct.models import (
    AssessmentFinding,
    ConductVerdictOverride,
    Investigation,
    MisconductAllegation,
    Outcome,
    Referral,
)
from bluehelmet.core.parameters import values
from bluehelmet.core.registry import ParameterSpec
from bluehelmet.core.verdicts import FLAGGED, MET, RuleVerdict

CITE = "Capstone §3.2"
NOTE = _l("The mission's setting; the doctrine asks for prompt action, not a number of days.")


def _limit(key: str, label: Any, default: int, weight: int) -> ParameterSpec:
    return ParameterSpec(key, label, default, _l("days"), 1, 365, CITE, NOTE, weight=weight)


ASSESS = _limit("conduct-assessment-days", _l("Days to assess an allegation"), 7, 90)
REFER = _limit("conduct-referral-days", _l("Days from assessment to referral"), 14, 91)
INVESTIGATE = _limit("conduct-investigation-days", _l("Days from referral to outcome"), 90, 92)
ACT = _limit("conduct-action-days", _l("Days from a substantiated outcome to action"), 30, 93)
ASSIST = _limit(
    "conduct-victim-assistance-days", _l("Days from an SEA allegation to victim assistance"), 7, 94
)
LIMITS = (ASSESS, REFER, INVESTIGATE, ACT, ASSIST)


@dataclass
class CaseTimeline:
    """What the rules read: one case, its latest referral and investigation, the limits (days
    by parameter key) and the day it is judged on."""

    case: MisconductAllegation
    referral: Referral | None
    investigation: Investigation | None
    limits: dict[str, int] = field(default_factory=dict)
    today: datetime.date = field(default_factory=lambda: timezone.now().date())

    @property
    def subject(self) -> str:
        return f"allegation:{self.case.pk}"

    def days(self, spec: ParameterSpec) -> int:
        return int(self.limits.get(spec.key, spec.default))


def _judge(
    t: CaseTimeline, code: str, name: str, spec: ParameterSpec, start: datetime.date, done: bool
) -> RuleVerdict:
    """The shared shape: open past ``start`` + limit is flagged, anything else is met."""
    limit = t.days(spec)
    due = start + datetime.timedelta(days=limit)
    words = {"name": name, "days": limit, "due": due.isoformat()}
    if done:
        status, text = MET, _("%(name)s: done (limit %(days)s days, due %(due)s).") % words
    elif t.today > due:
        late = (t.today - due).days
        status = FLAGGED
        text = _("%(name)s: overdue by %(late)s days (limit %(days)s days, due %(due)s).") % {
            **words,
            "late": late,
        }
    else:
        status, text = MET, _("%(name)s: open, due %(due)s (limit %(days)s days).") % words
    return RuleVerdict(code, name, status, text, CITE, t.subject)


def assessment_due(t: CaseTimeline) -> RuleVerdict:
    """Every allegation is assessed within the limit after it is received."""
    done = t.case.assessed_on is not None
    return _judge(t, "assessment", _("Initial assessment"), ASSESS, t.case.received_on, done)


def referral_due(t: CaseTimeline) -> RuleVerdict | None:
    """An allegation worth pursuing is referred within the limit after its assessment."""
    if t.case.assessed_on is None or t.case.finding != AssessmentFinding.PURSUE:
        return None
    return _judge(t, "referral", _("Referral"), REFER, t.case.assessed_on, t.referral is not None)


def outcome_due(t: CaseTimeline) -> RuleVerdict | None:
    """A referred case has its outcome within the limit (national investigations too)."""
    if t.referral is None:
        return None
    done = t.investigation is not None and bool(t.investigation.outcome)
    return _judge(
        t, "outcome", _("Investigation outcome"), INVESTIGATE, t.referral.referred_on, done
    )


def action_due(t: CaseTimeline) -> RuleVerdict | None:
    """A substantiated case is acted on within the limit after its outcome."""
    inv = t.investigation
    if inv is None or inv.outcome != Outcome.SUBSTANTIATED or inv.outcome_on is None:
        return None
    done = t.case.action_taken_on is not None
    return _judge(t, "action", _("Action taken"), ACT, inv.outcome_on, done)


def victim_assistance_due(t: CaseTimeline) -> RuleVerdict | None:
    """Victims of sexual exploitation and abuse are referred to assistance promptly."""
    if not t.case.is_sea:
        return None
    done = t.case.victim_assisted_on is not None
    return _judge(t, "victim_assistance", _("Victim assistance"), ASSIST, t.case.received_on, done)


RULES: tuple[Callable[[CaseTimeline], RuleVerdict | None], ...] = (
    assessment_due,
    referral_due,
    outcome_due,
    action_due,
    victim_assistance_due,
)
RULE_CODES = frozenset({"assessment", "referral", "outcome", "action", "victim_assistance"})


def timeline(case: MisconductAllegation, today: datetime.date | None = None) -> CaseTimeline:
    referral = case.referrals.order_by("-referred_on", "-pk").first()
    investigation = case.investigations.order_by("-started_on", "-pk").first()
    keys = {spec.key for spec in LIMITS}
    limits = {k: int(v) for k, v in values(case.mission_id).items() if k in keys}
    found = CaseTimeline(case, referral, investigation, limits)
    if today is not None:
        found.today = today
    return found


def verdicts(t: CaseTimeline) -> list[RuleVerdict]:
    """Every applicable verdict on the case, with the decision recorded on each."""
    found = [v for rule in RULES if (v := rule(t)) is not None]
    decisions = {
        o.rule: o
        for o in ConductVerdictOverride._base_manager.filter(
            mission_id=t.case.mission_id, subject=t.subject
        )
    }
    for verdict in found:
        decision = decisions.get(verdict.code)
        if decision is not None:
            verdict.override = {
                "decision": decision.decision,
                "reason": decision.reason,
                "decided_by": decision.decided_by.get_username() if decision.decided_by else "",
                "decided_at": decision.decided_at.isoformat(),
            }
    return found


def open_flags(t: CaseTimeline) -> list[RuleVerdict]:
    """The flagged verdicts nobody has dismissed."""
    return [v for v in verdicts(t) if v.flagged and not v.dismissed]
