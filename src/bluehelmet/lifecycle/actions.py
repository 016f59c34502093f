"""Lifecycle domain actions (Capstone §6.1-6.2): one transaction, one audit entry each."""

from __future__ import annotations

import datetime
import enum

import django.dispatch
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.models import Contingent, ContingentStatus, Mission, MissionStatus, OrgUnit
from bluehelmet.core.permissions import Action, require, user_can
from bluehelmet.core.phases import ALLOWED, Phase
from bluehelmet.core.types import Actor, recorded
from bluehelmet.lifecycle.gates import GateCheck, check_gates
from bluehelmet.lifecycle.models import (
    AssetDisposal,
    DisposalStatus,
    DrawdownKind,
    DrawdownStep,
    PhaseTransition,
)

# Sent after commit; the mandates app hooks it to open the consultations §4.3 requires.
phase_changed = django.dispatch.Signal()


class TransitionErrorCode(enum.StrEnum):
    FORBIDDEN = "forbidden"
    NOT_ALLOWED = "not_allowed"
    GATES_FAILED = "gates_failed"
    BAD_DATE = "bad_date"


STATUS_BY_PHASE = {
    Phase.PRE_DEPLOYMENT: MissionStatus.PLANNED,
    Phase.TRANSITION: MissionStatus.DRAWING_DOWN,
    Phase.WITHDRAWAL: MissionStatus.DRAWING_DOWN,
    Phase.LIQUIDATION: MissionStatus.DRAWING_DOWN,
    Phase.CLOSED: MissionStatus.CLOSED,
}


def _check_date(mission: Mission, effective_on: datetime.date) -> None:
    today = timezone.now().date()
    if effective_on > today:
        raise ActionError(
            TransitionErrorCode.BAD_DATE, _("A transition cannot take effect in the future.")
        )
    last = PhaseTransition.objects.filter(mission=mission).order_by("-effective_on").first()
    if last and effective_on < last.effective_on:
        raise ActionError(
            TransitionErrorCode.BAD_DATE,
            _("The previous transition took effect on %(date)s; this one cannot precede it.")
            % {"date": last.effective_on},
        )


def do_transition_mission_phase(
    mission: Mission,
    to_phase: str,
    *,
    acting_user: Actor,
    effective_on: datetime.date | None = None,
    override_reason: str = "",
) -> PhaseTransition:
    """Move ``mission`` to ``to_phase`` if the gates pass, or with a recorded override reason."""
    if acting_user is not None and not user_can(acting_user, Action.TRANSITION, mission.pk):
        raise ActionError(
            TransitionErrorCode.FORBIDDEN, _("Your role does not decide lifecycle transitions.")
        )
    if to_phase not in ALLOWED.get(mission.phase, set()):
        raise ActionError(
            TransitionErrorCode.NOT_ALLOWED,
            _("A mission in %(current)s cannot move to %(target)s.")
            % {"current": Phase(mission.phase).label, "target": Phase(to_phase).label},
        )
    effective_on = effective_on or timezone.now().date()
    _check_date(mission, effective_on)
    checks = check_gates(mission, to_phase)
    failed = [c for c in checks if not c.passed]
    override_reason = override_reason.strip()
    if failed and not override_reason:
        raise ActionError(
            TransitionErrorCode.GATES_FAILED,
            ngettext(
                "%(n)d gate check failed; fix it or give a reason to override.",
                "%(n)d gate checks failed; fix them or give a reason to override.",
                len(failed),
            )
            % {"n": len(failed)},
            # the refusal is shown to the acting user: its texts count what they may see
            checks=[c.as_dict() for c in check_gates(mission, to_phase, acting_user)],
        )
    return _record_transition(
        mission, to_phase, acting_user, effective_on, checks, override_reason if failed else ""
    )


def _record_transition(
    mission: Mission,
    to_phase: str,
    acting_user: Actor,
    effective_on: datetime.date,
    checks: list[GateCheck],
    override_reason: str,
) -> PhaseTransition:
    with transaction.atomic(), single_audit_entry():
        mission = Mission.objects.select_for_update().get(pk=mission.pk)
        before = mission.snapshot()
        transition = PhaseTransition.objects.create(
            mission=mission,
            from_phase=mission.phase,
            to_phase=to_phase,
            effective_on=effective_on,
            decided_by=recorded(acting_user),
            gate_report=[c.as_dict() for c in checks],
            overridden=bool(override_reason),
            override_reason=override_reason,
        )
        mission.phase = to_phase
        mission.status = STATUS_BY_PHASE.get(Phase(to_phase), MissionStatus.ACTIVE)
        mission.save(update_fields=["phase", "status", "updated_at"])
        log_action(
            "transition_mission_phase",
            mission,
            acting_user=acting_user,
            before=before,
            after=mission.snapshot(),
            note=(_("Override: %(reason)s") % {"reason": override_reason})
            if override_reason
            else "",
        )
        transaction.on_commit(
            lambda: phase_changed.send(sender=PhaseTransition, transition=transition)
        )
    return transition


class DisposalErrorCode(enum.StrEnum):
    NO_METHOD = "no_method"
    NOT_APPROVED = "not_approved"


def do_approve_asset_disposal(
    disposal: AssetDisposal, *, approved_on: datetime.date | None = None, acting_user: Actor
) -> AssetDisposal:
    """Approve the proposed disposal of an asset (method and recipient as recorded): a
    decision for those who decide the mission's phases (Capstone §6.1: liquidation)."""
    require(
        acting_user,
        Action.TRANSITION,
        disposal.mission_id,
        disposal.sensitivity,
        _("You may not approve disposals in this mission."),
    )
    if not disposal.method:
        raise ActionError(
            DisposalErrorCode.NO_METHOD, _("Choose how the asset is to be disposed of first.")
        )
    if disposal.status not in {DisposalStatus.UNDECIDED, DisposalStatus.PROPOSED}:
        raise ActionError(ErrorCode.WRONG_STATE, _("This disposal is already approved."))
    with transaction.atomic(), single_audit_entry():
        before = disposal.snapshot()
        disposal.status = DisposalStatus.APPROVED
        disposal.approved_by = recorded(acting_user)
        disposal.approved_on = approved_on or timezone.now().date()
        disposal.save()
        log_action(
            "approve_asset_disposal",
            disposal,
            acting_user=acting_user,
            before=before,
            after=disposal.snapshot(),
        )
    return disposal


def do_complete_asset_disposal(
    disposal: AssetDisposal, *, completed_on: datetime.date | None = None, acting_user: Actor
) -> AssetDisposal:
    """Record that an approved disposal was carried out (transferred, handed, sold, written
    off); only an approved one can be."""
    require(acting_user, Action.CHANGE, disposal.mission_id, disposal.sensitivity)
    if disposal.status != DisposalStatus.APPROVED:
        raise ActionError(
            DisposalErrorCode.NOT_APPROVED, _("Only an approved disposal can be completed.")
        )
    with transaction.atomic(), single_audit_entry():
        before = disposal.snapshot()
        disposal.status = DisposalStatus.COMPLETED
        disposal.completed_on = completed_on or timezone.now().date()
        disposal.save()
        log_action(
            "complete_asset_disposal",
            disposal,
            acting_user=acting_user,
            before=before,
            after=disposal.snapshot(),
        )
    return disposal


def _carry_out(step: DrawdownStep, day: datetime.date) -> None:
    """What completing the step changes in the organisation: the contingent is repatriated, or
    the site closed (the gates and the strength pages read those)."""
    if step.kind == DrawdownKind.REPATRIATION:
        contingent = Contingent.objects.select_for_update().get(pk=step.contingent_id)
        contingent.status = ContingentStatus.REPATRIATED
        contingent.repatriation_date = day
        contingent.save()
    else:
        unit = OrgUnit.objects.select_for_update().get(pk=step.org_unit_id)
        unit.closed_on = day
        unit.full_clean()
        unit.save()


def do_complete_drawdown_step(
    step: DrawdownStep, *, completed_on: datetime.date | None = None, acting_user: Actor
) -> DrawdownStep:
    """Record a step of the drawdown plan as carried out (Capstone §6.1: withdrawal), and
    repatriate its contingent or close its site with it."""
    require(acting_user, Action.CHANGE, step.mission_id, step.sensitivity)
    if step.done:
        raise ActionError(ErrorCode.WRONG_STATE, _("This step is already completed."))
    day = completed_on or timezone.now().date()
    with transaction.atomic(), single_audit_entry():
        before = step.snapshot()
        _carry_out(step, day)
        step.completed_on = day
        step.save()
        log_action(
            "complete_drawdown_step",
            step,
            acting_user=acting_user,
            before=before,
            after=step.snapshot(),
        )
    return step
