"""Deployment domain actions (Capstone §4.1-4.3): one transaction, one audit entry each.

Assessment status, the recommendation, decisions on success-condition verdicts and the
decision on the crisis change only here. The decision to deploy is in ``decisions.py``.
"""

from __future__ import annotations

import enum

from django.db import transaction
from django.utils.translation import gettext as _

from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.permissions import Action, require
from bluehelmet.core.types import Actor
from bluehelmet.core.verdicts import record_verdict_decision, require_decision
from bluehelmet.deployment.conditions import RULE_CODES, option_subject
from bluehelmet.deployment.models import (
    AssessmentStatus,
    ConditionOverride,
    DeploymentOption,
    StrategicAssessment,
)


class DeploymentErrorCode(enum.StrEnum):
    NO_WORST_CASE = "no_worst_case"
    NO_RECOMMENDATION = "no_recommendation"
    BAD_STATUS = "bad_status"
    OTHER_ASSESSMENT = "other_assessment"
    INVALID = "invalid"


# Status moves an assessment may make: forward to review and final, back for rework.
ALLOWED = {
    AssessmentStatus.DRAFT: {AssessmentStatus.IN_REVIEW},
    AssessmentStatus.IN_REVIEW: {AssessmentStatus.DRAFT, AssessmentStatus.FINAL},
    AssessmentStatus.FINAL: {AssessmentStatus.IN_REVIEW},
}


def require_change(user: Actor, assessment: StrategicAssessment) -> None:
    require(user, Action.CHANGE, assessment.audit_mission_id, assessment.sensitivity)


def check_worst_case(option: DeploymentOption | None) -> None:
    """No final recommendation without a worst case written for it (Capstone §4.2)."""
    if option is None:
        raise ActionError(
            DeploymentErrorCode.NO_RECOMMENDATION,
            _("Recommend an option before the assessment is made final."),
        )
    worst = option.worst_case()
    if worst is None or not worst.description.strip():
        raise ActionError(
            DeploymentErrorCode.NO_WORST_CASE,
            _(
                "“%(option)s” has no worst-case scenario: planning on the best case alone "
                "has rarely worked (Capstone §4.2). Write its worst case first."
            )
            % {"option": option},
        )


def do_change_assessment_status(
    assessment: StrategicAssessment, status: str, *, acting_user: Actor
) -> StrategicAssessment:
    """Move the assessment to ``status`` (draft, in review, final)."""
    require_change(acting_user, assessment)
    if status not in ALLOWED.get(AssessmentStatus(assessment.status), set()):
        raise ActionError(
            ErrorCode.WRONG_STATE,
            _("An assessment %(now)s cannot move to %(to)s.")
            % {
                "now": assessment.get_status_display().lower(),
                "to": str(AssessmentStatus(status).label).lower()
                if status in AssessmentStatus.values
                else status,
            },
        )
    if status == AssessmentStatus.FINAL:
        check_worst_case(assessment.recommended_option)
    with transaction.atomic(), single_audit_entry():
        before = assessment.snapshot()
        assessment.status = status
        assessment.save(update_fields=["status", "updated_at"])
        log_action(
            "change_assessment_status",
            assessment,
            acting_user=acting_user,
            before=before,
            after=assessment.snapshot(),
        )
    return assessment


def do_recommend_option(
    assessment: StrategicAssessment, option: DeploymentOption, *, acting_user: Actor
) -> StrategicAssessment:
    """Name the option the assessment recommends; a final assessment is reopened first."""
    require_change(acting_user, assessment)
    if option.assessment_id != assessment.pk:
        raise ActionError(
            DeploymentErrorCode.OTHER_ASSESSMENT, _("That option belongs to another assessment.")
        )
    if assessment.status == AssessmentStatus.FINAL:
        raise ActionError(
            ErrorCode.WRONG_STATE, _("The assessment is final: reopen it to change it.")
        )
    with transaction.atomic(), single_audit_entry():
        before = assessment.snapshot()
        assessment.recommended_option = option
        assessment.save(update_fields=["recommended_option", "updated_at"])
        log_action(
            "recommend_option",
            assessment,
            acting_user=acting_user,
            before=before,
            after=assessment.snapshot(),
        )
    return assessment


def do_override_condition(
    assessment: StrategicAssessment,
    option: DeploymentOption,
    *,
    rule: str,
    decision: str,
    reason: str,
    acting_user: Actor,
) -> ConditionOverride:
    """A planner accepts or dismisses a success-condition verdict on an option, with a reason;
    a later decision on the same verdict replaces it (Capstone §4.2: rules advise)."""
    require_change(acting_user, assessment)
    if rule not in RULE_CODES:
        raise ActionError(DeploymentErrorCode.INVALID, _("No such success condition."))
    require_decision(decision, reason, DeploymentErrorCode.INVALID)
    if option.assessment_id != assessment.pk:
        raise ActionError(ErrorCode.NOT_FOUND, _("No such option in this assessment."))
    override: ConditionOverride = record_verdict_decision(
        ConditionOverride,
        {"assessment": assessment},
        rule=rule,
        subject=option_subject(option),
        decision=decision,
        reason=reason,
        verb="override_condition",
        acting_user=acting_user,
        sensitivity=assessment.sensitivity,
    )
    return override
