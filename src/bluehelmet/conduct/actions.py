"""Conduct domain actions: each step of a misconduct case's timeline (Capstone §3.2, §7.1).

Every action is taken by a case role in the case's mission (``access.require_case_role``):
anyone else is answered as if the case did not exist. One transaction, one audit entry each;
the entry's values are fingerprints (``models.base``), never the case's words.
"""

from __future__ import annotations

import datetime
import enum
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bluehelmet.conduct.access import require_case_role
from bluehelmet.conduct.models import (
    AssessmentFinding,
    ConductVerdictOverride,
    Investigation,
    MisconductAllegation,
    Outcome,
    Referral,
    ReferredTo,
    Stage,
)
from bluehelmet.conduct.rules import RULE_CODES
from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import PersonnelCategory
from bluehelmet.core.permissions import Action
from bluehelmet.core.types import Actor, recorded
from bluehelmet.core.verdicts import require_decision


class ConductErrorCode(enum.StrEnum):
    INVALID = "invalid"
    WRONG_STEP = "wrong_step"  # the case is not at the stage this step follows
    WRONG_BODY = "wrong_body"  # referred to a body that does not investigate such personnel
    BEFORE_PREVIOUS = "before_previous"  # a step dated before the step it follows
    UNKNOWN_RULE = "unknown_rule"


def _require_stage(case: MisconductAllegation, *stages: str) -> None:
    if case.stage not in stages:
        raise ActionError(
            ConductErrorCode.WRONG_STEP,
            _("This step does not follow the case's current stage (%(stage)s).")
            % {"stage": case.get_stage_display()},
            stage=case.stage,
        )


def _require_date(day: datetime.date | None, after: datetime.date, what: str) -> datetime.date:
    if day is None:
        raise ActionError(ConductErrorCode.INVALID, _("Give the date of the step."))
    if day > timezone.now().date():
        raise ActionError(ConductErrorCode.INVALID, _("The date of the step is in the future."))
    if day < after:
        raise ActionError(
            ConductErrorCode.BEFORE_PREVIOUS,
            _("The date is before the %(what)s (%(day)s).") % {"what": what, "day": after},
        )
    return day


def _save_case(case: MisconductAllegation, verb: str, before: dict[str, Any], actor: Actor) -> None:
    case.save()
    log_action(verb, case, acting_user=actor, before=before, after=case.snapshot())


def do_assess_allegation(
    case: MisconductAllegation,
    *,
    assessed_on: datetime.date | None,
    finding: str,
    note: str = "",
    acting_user: Actor,
) -> MisconductAllegation:
    """Record the initial assessment: pursue (then refer) or not pursued (the case closes)."""
    require_case_role(acting_user, Action.CHANGE, case.mission_id, case.sensitivity)
    _require_stage(case, Stage.RECEIVED)
    if finding not in AssessmentFinding.values:
        raise ActionError(ConductErrorCode.INVALID, _("Choose the finding of the assessment."))
    day = _require_date(assessed_on, case.received_on, _("receipt"))
    with transaction.atomic(), single_audit_entry():
        before = case.snapshot()
        case.assessed_on, case.finding, case.assessment_note = day, finding, note.strip()
        pursue = finding == AssessmentFinding.PURSUE
        case.stage = Stage.ASSESSED if pursue else Stage.CLOSED
        _save_case(case, "assess_allegation", before, acting_user)
    return case


def expected_bodies(case: MisconductAllegation) -> set[str]:
    """Military members go to their country's national investigation (Capstone §7.1:
    discipline stays national); everyone else to OIOS or the mission."""
    if case.personnel_category == PersonnelCategory.MILITARY:
        return {ReferredTo.NATIONAL}
    return {ReferredTo.OIOS, ReferredTo.MISSION}


def do_refer_allegation(
    case: MisconductAllegation,
    *,
    referred_to: str,
    referred_on: datetime.date | None,
    note: str = "",
    acting_user: Actor,
) -> Referral:
    """Refer an assessed case to the body that investigates such personnel."""
    require_case_role(acting_user, Action.CHANGE, case.mission_id, case.sensitivity)
    _require_stage(case, Stage.ASSESSED)
    if referred_to not in expected_bodies(case):
        raise ActionError(
            ConductErrorCode.WRONG_BODY,
            _(
                "Cases against military members go to their country's national investigation; "
                "others to OIOS or the mission."
            ),
            allowed=sorted(expected_bodies(case)),
        )
    day = _require_date(referred_on, case.assessed_on or case.received_on, _("assessment"))
    with transaction.atomic(), single_audit_entry():
        before = case.snapshot()
        referral = Referral.objects.create(
            mission_id=case.mission_id,
            allegation=case,
            referred_to=referred_to,
            referred_on=day,
            note=note.strip(),
        )
        case.stage = Stage.REFERRED
        _save_case(case, "refer_allegation", before, acting_user)
    return referral


def do_open_investigation(
    case: MisconductAllegation,
    *,
    started_on: datetime.date | None,
    note: str = "",
    acting_user: Actor,
) -> Investigation:
    """Record that the body the case was referred to has opened its investigation."""
    require_case_role(acting_user, Action.CHANGE, case.mission_id, case.sensitivity)
    _require_stage(case, Stage.REFERRED)
    referral = case.referrals.order_by("-referred_on", "-pk").first()
    if referral is None:  # a stage set by hand without its referral
        raise ActionError(ConductErrorCode.WRONG_STEP, _("The case has no referral."))
    day = _require_date(started_on, referral.referred_on, _("referral"))
    with transaction.atomic(), single_audit_entry():
        before = case.snapshot()
        investigation = Investigation.objects.create(
            mission_id=case.mission_id,
            allegation=case,
            referral=referral,
            started_on=day,
            note=note.strip(),
        )
        case.stage = Stage.INVESTIGATING
        _save_case(case, "open_investigation", before, acting_user)
    return investigation


def do_record_outcome(
    case: MisconductAllegation,
    *,
    outcome: str,
    outcome_on: datetime.date | None,
    note: str = "",
    acting_user: Actor,
) -> Investigation:
    """Record the investigation's outcome; a case not substantiated closes."""
    require_case_role(acting_user, Action.CHANGE, case.mission_id, case.sensitivity)
    _require_stage(case, Stage.INVESTIGATING)
    if outcome not in Outcome.values:
        raise ActionError(ConductErrorCode.INVALID, _("Choose the outcome."))
    investigation = case.investigations.order_by("-started_on", "-pk").first()
    if investigation is None:
        raise ActionError(ConductErrorCode.WRONG_STEP, _("The case has no investigation."))
    day = _require_date(outcome_on, investigation.started_on, _("start of the investigation"))
    with transaction.atomic(), single_audit_entry():
        before = case.snapshot()
        investigation.outcome, investigation.outcome_on = outcome, day
        if note.strip():
            investigation.note = "\n".join(x for x in (investigation.note, note.strip()) if x)
        investigation.save()
        substantiated = outcome == Outcome.SUBSTANTIATED
        case.stage = Stage.DECIDED if substantiated else Stage.CLOSED
        _save_case(case, "record_outcome", before, acting_user)
    return investigation


def do_record_action_taken(
    case: MisconductAllegation,
    *,
    action_taken_on: datetime.date | None,
    action_taken: str,
    acting_user: Actor,
) -> MisconductAllegation:
    """Record the action taken on a substantiated case (repatriation, dismissal, sanctions
    reported by the contributing country); the case closes."""
    require_case_role(acting_user, Action.CHANGE, case.mission_id, case.sensitivity)
    _require_stage(case, Stage.DECIDED)
    if not action_taken.strip():
        raise ActionError(ConductErrorCode.INVALID, _("Say what action was taken."))
    investigation = case.investigations.order_by("-started_on", "-pk").first()
    after = (investigation.outcome_on if investigation else None) or case.received_on
    day = _require_date(action_taken_on, after, _("outcome"))
    with transaction.atomic(), single_audit_entry():
        before = case.snapshot()
        case.action_taken_on, case.action_taken = day, action_taken.strip()
        case.stage = Stage.CLOSED
        _save_case(case, "record_action_taken", before, acting_user)
    return case


def do_record_victim_assistance(
    case: MisconductAllegation,
    *,
    assisted_on: datetime.date | None,
    assistance: str,
    acting_user: Actor,
) -> MisconductAllegation:
    """Record that the victim was referred to assistance; at any stage of the case."""
    require_case_role(acting_user, Action.CHANGE, case.mission_id, case.sensitivity)
    if case.victim_assisted_on is not None:
        raise ActionError(
            ConductErrorCode.WRONG_STEP, _("Victim assistance is already recorded on this case.")
        )
    day = _require_date(assisted_on, case.received_on, _("receipt"))
    with transaction.atomic(), single_audit_entry():
        before = case.snapshot()
        case.victim_assisted_on, case.victim_assistance = day, assistance.strip()
        _save_case(case, "record_victim_assistance", before, acting_user)
    return case


def do_decide_conduct_verdict(
    case: MisconductAllegation,
    *,
    rule: str,
    decision: str,
    reason: str,
    acting_user: Actor,
) -> ConductVerdictOverride:
    """Accept or dismiss a step's time-limit flag with a reason. The audit entry carries no
    reason (it may name people); the decision itself is kept on the case, as confidential."""
    require_case_role(acting_user, Action.CHANGE, case.mission_id, case.sensitivity)
    if rule not in RULE_CODES:
        raise ActionError(ConductErrorCode.UNKNOWN_RULE, _("No such rule on a case."))
    require_decision(decision, reason, ConductErrorCode.INVALID)
    subject = f"allegation:{case.pk}"
    with transaction.atomic(), single_audit_entry():
        found = ConductVerdictOverride._base_manager.select_for_update().filter(
            mission_id=case.mission_id, rule=rule, subject=subject
        )
        override = found.first() or ConductVerdictOverride(
            mission_id=case.mission_id, rule=rule, subject=subject
        )
        before = override.snapshot() if override.pk else None
        override.decision, override.reason = decision, reason.strip()
        override.decided_by, override.decided_at = recorded(acting_user), timezone.now()
        override.save()
        log_action(
            "decide_conduct_verdict",
            override,
            acting_user=acting_user,
            before=before,
            after=override.snapshot(),
        )
    return override
