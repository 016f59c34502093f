"""Principles domain actions (Capstone §3.1): one transaction and one audit entry each.

Pages, the API and the CLI call these; each checks that the acting user may change records of
the mission at the record's sensitivity (``acting_user=None`` is the system, e.g. the demo).
"""

from __future__ import annotations

import datetime
import enum
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.models import Mission
from bluehelmet.core.parameters import values as parameter_values
from bluehelmet.core.permissions import Action, Sensitivity, require
from bluehelmet.core.types import Actor, recorded
from bluehelmet.core.verdicts import record_verdict_decision, require_decision
from bluehelmet.principles import overrides
from bluehelmet.principles.models import (
    ConsentAssessment,
    ConsentEvent,
    FlagStatus,
    Party,
    ProtectionAlert,
    ProtectionResponseKind,
    ReviewFlag,
    UseOfForceReport,
    VerdictOverride,
)
from bluehelmet.principles.rules import consent as consent_rules
from bluehelmet.principles.rules import use_of_force


class PrinciplesErrorCode(enum.StrEnum):
    FORBIDDEN = "forbidden"
    WRONG_STATE = "wrong_state"
    INVALID = "invalid"


def do_review_use_of_force_report(report: UseOfForceReport, *, acting_user: Actor) -> list[Any]:
    """Run the §3.1 rules; add a flag for each new rule tripped; an open flag whose rule no
    longer trips (the report was corrected) is marked 'no longer applies'."""
    require(acting_user, Action.CHANGE, report.mission_id, report.sensitivity)
    flags = use_of_force.review(report)
    codes = {f.code for f in flags}
    with transaction.atomic(), single_audit_entry():
        existing = {f.code: f for f in report.flags.select_for_update()}
        created = [
            ReviewFlag.objects.create(
                mission_id=report.mission_id,
                sensitivity=report.sensitivity,
                report=report,
                code=f.code,
                rule_name=f.rule_name[:200],
                citation=f.citation,
                explanation=f.explanation,
            )
            for f in flags
            if f.code not in existing
        ]
        resolved = [
            code
            for code, f in existing.items()
            if f.status == FlagStatus.OPEN and code not in codes
        ]
        ReviewFlag.objects.filter(report=report, code__in=resolved).update(
            status=FlagStatus.RESOLVED, decided_at=timezone.now()
        )
        report.reviewed_at = timezone.now()
        report.save(update_fields=["reviewed_at", "updated_at"])
        log_action(
            "review_use_of_force_report",
            report,
            acting_user=acting_user,
            before={"flags": sorted(existing)},
            after={
                "flags": sorted(codes),
                "added": sorted(f.code for f in created),
                "resolved": sorted(resolved),
            },
        )
    return list(report.flags.all())


def do_close_review_flag(
    flag: ReviewFlag, *, decision: str, reason: str, acting_user: Actor
) -> ReviewFlag:
    """A reviewer upholds or dismisses a flag, always with a reason (Capstone §3.1)."""
    require(acting_user, Action.CHANGE, flag.mission_id, flag.sensitivity)
    if decision not in (FlagStatus.UPHELD, FlagStatus.DISMISSED):
        raise ActionError(
            PrinciplesErrorCode.INVALID, _("The decision is 'upheld' or 'dismissed'.")
        )
    if not (reason or "").strip():
        raise ActionError(PrinciplesErrorCode.INVALID, _("Give the reason for the decision."))
    if flag.status != FlagStatus.OPEN:
        raise ActionError(PrinciplesErrorCode.WRONG_STATE, _("This flag is already closed."))
    with transaction.atomic(), single_audit_entry():
        before = flag.snapshot()
        flag.status = decision
        flag.decision_reason = reason.strip()
        flag.decided_by = recorded(acting_user)
        flag.decided_at = timezone.now()
        flag.save()
        log_action(
            "close_review_flag", flag, acting_user=acting_user, before=before, after=flag.snapshot()
        )
    return flag


def do_assess_consent(
    mission: Mission,
    *,
    acting_user: Actor,
    as_of: datetime.date | None = None,
    window_days: int | None = None,
) -> list[ConsentAssessment]:
    """Store a consent reading per party and locality; flag de facto withdrawal (§3.1). The
    window and the count of restrictions are the mission's parameters unless a window is given."""
    require(acting_user, Action.CHANGE, mission.pk, Sensitivity.CONFIDENTIAL)
    settings = consent_rules.settings_from(parameter_values(mission))
    if window_days is not None:
        settings["window_days"] = window_days
    if not 1 <= settings["window_days"] <= 365:
        raise ActionError(PrinciplesErrorCode.INVALID, _("The window is between 1 and 365 days."))
    as_of = as_of or timezone.now().date()
    events = ConsentEvent.objects.filter(mission=mission).select_related("party", "org_unit")
    readings = consent_rules.readings(events, as_of, **settings)
    with transaction.atomic(), single_audit_entry():
        rows = ConsentAssessment.objects.bulk_create([_assessment(mission, r) for r in readings])
        log_action(
            "assess_consent",
            mission,
            acting_user=acting_user,
            before=None,
            after={
                "as_of": as_of.isoformat(),
                "readings": len(rows),
                "withdrawals": [f"{r.party}/{r.locality}" for r in readings if r.flags],
            },
        )
    return rows


def _assessment(mission: Mission, reading: consent_rules.ConsentReading) -> ConsentAssessment:
    return ConsentAssessment(
        mission=mission,
        sensitivity=Sensitivity.CONFIDENTIAL,
        party_id=reading.party_id,
        locality=reading.locality[:120],
        as_of=reading.as_of,
        window_days=reading.window_days,
        score=reading.score,
        restrictions=reading.restrictions,
        cooperation=reading.cooperation,
        withdrawal_flagged=bool(reading.flags),
        explanation=" ".join(f.explanation for f in reading.flags),
    )


def do_record_alert_response(
    alert: ProtectionAlert,
    *,
    response_kind: str,
    acting_user: Actor,
    responded_at: datetime.datetime | None = None,
    note: str = "",
) -> ProtectionAlert:
    """Record how and when the mission answered a protection alert (Capstone §2.3)."""
    require(acting_user, Action.CHANGE, alert.mission_id, alert.sensitivity)
    if response_kind not in ProtectionResponseKind.values:
        raise ActionError(
            PrinciplesErrorCode.INVALID,
            _("Unknown response %(k)s.") % {"k": response_kind},
        )
    if alert.responded_at is not None:
        raise ActionError(PrinciplesErrorCode.WRONG_STATE, _("This alert already has a response."))
    responded_at = responded_at or timezone.now()
    if responded_at < alert.received_at:
        raise ActionError(PrinciplesErrorCode.INVALID, _("The response is dated before the alert."))
    with transaction.atomic(), single_audit_entry():
        before = alert.snapshot()
        alert.response_kind = response_kind
        alert.responded_at = responded_at
        alert.response_note = note
        alert.save()
        log_action(
            "record_alert_response",
            alert,
            acting_user=acting_user,
            before=before,
            after=alert.snapshot(),
        )
    return alert


def do_override_verdict(
    mission: Mission,
    *,
    rule: str,
    subject: str,
    decision: str,
    acting_user: Actor,
    reason: str,
) -> VerdictOverride:
    """A reviewer accepts or dismisses a computed verdict (consent, impartiality, protection
    of civilians), always with a reason; a later decision on the same verdict replaces it."""
    require(acting_user, Action.CHANGE, mission.pk, Sensitivity.CONFIDENTIAL)
    require_decision(decision, reason, PrinciplesErrorCode.INVALID)
    sensitivity = _subject_sensitivity(mission, rule, subject, acting_user)
    require(acting_user, Action.CHANGE, mission.pk, sensitivity)
    override: VerdictOverride = record_verdict_decision(
        VerdictOverride,
        {"mission": mission},
        rule=rule,
        subject=subject,
        decision=decision,
        reason=reason,
        verb="override_verdict",
        acting_user=acting_user,
        sensitivity=sensitivity,
    )
    return override


def _subject_sensitivity(mission: Mission, rule: str, subject: str, user: Actor) -> int:
    """The sensitivity the decision is kept at: at least confidential, and that of the record
    the verdict is about; a subject out of the user's reach answers 404 like a missing one."""
    kind = overrides.OVERRIDABLE.get(rule)
    if kind is None:
        raise ActionError(
            PrinciplesErrorCode.INVALID,
            _("Verdicts of rule %(rule)s cannot be overridden here.") % {"rule": rule},
        )
    ids = overrides.parse(kind, subject)
    if ids is None:
        raise ActionError(PrinciplesErrorCode.INVALID, _("The verdict's subject is malformed."))
    model: Any = ProtectionAlert if kind == overrides.ALERT else Party
    pk = ids["alert"] if kind == overrides.ALERT else ids["party"]
    records = model.objects.filter(mission=mission)
    if user is not None:
        records = records.restrict(user, Action.CHANGE)
    record = records.filter(pk=pk).first()
    if record is None:
        raise ActionError(ErrorCode.NOT_FOUND, _("No such verdict in this mission."))
    return max(Sensitivity.CONFIDENTIAL, record.sensitivity)
