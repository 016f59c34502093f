"""Support domain actions (Capstone §7.2, §8.1-8.3): one transaction, one audit entry each.

The joint logistics centre approves, rejects and fulfils requests here (the dates give the lead
time); decisions on support verdicts are recorded here.
"""

from __future__ import annotations

import datetime
import enum

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, require
from bluehelmet.core.types import Actor, recorded
from bluehelmet.core.verdicts import record_verdict_decision, require_decision
from bluehelmet.support.models import RequestStatus, SupplyRequest, SupportVerdictOverride
from bluehelmet.support.rules import RULE_CODES


class SupportErrorCode(enum.StrEnum):
    INVALID = "invalid"
    WRONG_STATE = "wrong_state"  # shared meaning and status (409)


def _step(
    request: SupplyRequest,
    *,
    allowed: tuple[str, ...],
    to: str,
    on: datetime.date | None,
    verb: str,
    refusal: str,
    acting_user: Actor,
) -> SupplyRequest:
    """Move ``request`` from one of ``allowed`` to ``to`` on ``on`` (today), audited as
    ``verb``; the row is locked so two officers cannot both fulfil it."""
    require(acting_user, Action.CHANGE, request.mission_id, request.sensitivity)
    day = on or timezone.now().date()
    with transaction.atomic(), single_audit_entry():
        locked = SupplyRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status not in allowed:
            raise ActionError(
                SupportErrorCode.WRONG_STATE,
                refusal % {"s": locked.get_status_display().lower()},
                status=locked.status,
            )
        if day < locked.requested_on:
            raise ActionError(
                SupportErrorCode.INVALID, _("That day is before the request was made.")
            )
        before = locked.snapshot()
        locked.status = to
        if to == RequestStatus.APPROVED:
            locked.approved_on, locked.approved_by = day, recorded(acting_user)
        elif to == RequestStatus.FULFILLED:
            locked.fulfilled_on, locked.fulfilled_by = day, recorded(acting_user)
        locked.save()
        log_action(verb, locked, acting_user=acting_user, before=before, after=locked.snapshot())
    request.refresh_from_db()
    return request


def do_approve_supply_request(
    request: SupplyRequest, *, on: datetime.date | None = None, acting_user: Actor
) -> SupplyRequest:
    """The joint logistics centre accepts a submitted request (Capstone §7.2)."""
    return _step(
        request,
        allowed=(RequestStatus.SUBMITTED,),
        to=RequestStatus.APPROVED,
        on=on,
        verb="approve_supply_request",
        refusal=_("The request is %(s)s: only a submitted request can be approved."),
        acting_user=acting_user,
    )


def do_reject_supply_request(
    request: SupplyRequest, *, on: datetime.date | None = None, acting_user: Actor
) -> SupplyRequest:
    """The joint logistics centre declines a submitted request (Capstone §7.2)."""
    return _step(
        request,
        allowed=(RequestStatus.SUBMITTED,),
        to=RequestStatus.REJECTED,
        on=on,
        verb="reject_supply_request",
        refusal=_("The request is %(s)s: only a submitted request can be rejected."),
        acting_user=acting_user,
    )


def do_fulfil_supply_request(
    request: SupplyRequest, *, on: datetime.date | None = None, acting_user: Actor
) -> SupplyRequest:
    """The supplies are delivered or the movement done: an approved request closes, and its
    lead time is counted from the day it was made (Capstone §8.1)."""
    return _step(
        request,
        allowed=(RequestStatus.APPROVED,),
        to=RequestStatus.FULFILLED,
        on=on,
        verb="fulfil_supply_request",
        refusal=_("The request is %(s)s: only an approved request can be fulfilled."),
        acting_user=acting_user,
    )


def do_override_support_verdict(
    mission: Mission, *, rule: str, subject: str, decision: str, reason: str, acting_user: Actor
) -> SupportVerdictOverride:
    """A leader accepts or dismisses a support verdict with a reason; a later decision on the
    same verdict replaces it (rules advise, people decide)."""
    require(acting_user, Action.CHANGE, mission.pk)
    if rule not in RULE_CODES:
        raise ActionError(SupportErrorCode.INVALID, _("No such support rule."))
    require_decision(decision, reason, SupportErrorCode.INVALID)
    if not (subject or "").strip() or len(subject) > 200:
        raise ActionError(SupportErrorCode.INVALID, _("Name the record the verdict is on."))
    override: SupportVerdictOverride = record_verdict_decision(
        SupportVerdictOverride,
        {"mission": mission},
        rule=rule,
        subject=subject,
        decision=decision,
        reason=reason,
        verb="override_support_verdict",
        acting_user=acting_user,
    )
    return override
