"""Outreach domain actions (Capstone §9.1-9.2, §7.2): one transaction, one audit entry each.

Decisions on outreach flags, linking a rumour to the incidents it preceded, and sharing
information with a partner under the partner-safe rule are taken here.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bluehelmet.benchmarks.lessons import find_record, reference
from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.models import Mission, Partner
from bluehelmet.core.parameters import parameter
from bluehelmet.core.permissions import Action, Sensitivity, require
from bluehelmet.core.types import Actor, recorded
from bluehelmet.core.verdicts import record_verdict_decision, require_decision
from bluehelmet.operations.models import Incident
from bluehelmet.outreach import rules
from bluehelmet.outreach.models import (
    ActionItem,
    CoordinationMeeting,
    ImpactIndicator,
    OutreachVerdictOverride,
    Rumour,
    SharingRecord,
)
from bluehelmet.outreach.verdicts import scoped


class OutreachErrorCode(enum.StrEnum):
    INVALID = "invalid"
    NO_INCIDENTS = "no_incidents"
    NOT_PARTNER_SAFE = "not_partner_safe"


# The record each rule's subject names: ``<prefix>:<id>`` (a breach adds ``|since:<date>``).
SUBJECTS: dict[str, tuple[str, Any]] = {
    rules.IMPACT_BREACH: ("impactindicator", ImpactIndicator),
    rules.RUMOUR_UNANSWERED: ("rumour", Rumour),
    rules.ACTION_OVERDUE: ("actionitem", ActionItem),
}


def subject_record(mission: Mission, rule: str, subject: str, user: Actor) -> Any:
    """The record a verdict's subject names, in ``mission`` and visible to ``user`` (else 404)."""
    if rule not in SUBJECTS:
        raise ActionError(OutreachErrorCode.INVALID, _("No such outreach rule."))
    prefix, model = SUBJECTS[rule]
    head = (subject or "").partition("|")[0]
    name, _sep, number = head.partition(":")
    if name != prefix or not number.isdigit() or len(subject) > 200:
        raise ActionError(OutreachErrorCode.INVALID, _("Name the record the verdict is on."))
    found = scoped(model.objects, user).filter(mission=mission, pk=int(number)).first()
    if found is None:
        raise ActionError(ErrorCode.NOT_FOUND, _("No such record."))
    return found


def do_override_outreach_verdict(
    mission: Mission, *, rule: str, subject: str, decision: str, reason: str, acting_user: Actor
) -> OutreachVerdictOverride:
    """A leader accepts or dismisses an outreach flag with a reason; a later decision on the same
    flag replaces it (rules advise, people decide; Capstone §9.1, §7.2)."""
    require(acting_user, Action.CHANGE, mission.pk)
    record = subject_record(mission, rule, subject, acting_user)
    require_decision(decision, reason, OutreachErrorCode.INVALID)
    override: OutreachVerdictOverride = record_verdict_decision(
        OutreachVerdictOverride,
        {"mission": mission},
        rule=rule,
        subject=subject,
        decision=decision,
        reason=reason,
        verb="override_outreach_verdict",
        acting_user=acting_user,
        sensitivity=record.sensitivity,
    )
    return override


def incidents_after(rumour: Rumour, user: Actor) -> Any:
    """Incidents of the rumour's admin area that the user may see, occurring in the mission's
    window after it was first heard (Capstone §9.2)."""
    days = parameter(rumour.mission_id, rules.WINDOW_KEY)
    return scoped(Incident.objects, user).filter(
        mission_id=rumour.mission_id,
        admin1__iexact=rumour.admin1.strip(),
        occurred_at__gte=rumour.heard_at,
        occurred_at__lte=rumour.heard_at + datetime.timedelta(days=days),
    )


def do_link_rumour_incidents(
    rumour: Rumour, *, incident_ids: Iterable[int] | None = None, acting_user: Actor
) -> list[Incident]:
    """Link the rumour to the incidents it preceded in its area (all of them, or those named);
    an incident outside the area or the window is refused with the reason."""
    require(acting_user, Action.CHANGE, rumour.mission_id, rumour.sensitivity)
    candidates = incidents_after(rumour, acting_user)
    days = parameter(rumour.mission_id, rules.WINDOW_KEY)
    if incident_ids is not None:
        wanted = {int(i) for i in incident_ids}
        found = list(candidates.filter(pk__in=wanted))
        if len(found) != len(wanted) or not wanted:
            raise ActionError(
                OutreachErrorCode.INVALID,
                _("Only incidents in %(area)s within %(n)d days after the rumour can be linked.")
                % {"area": rumour.admin1, "n": days},
            )
    else:
        found = list(candidates.order_by("occurred_at", "pk"))
    if not found:
        raise ActionError(
            OutreachErrorCode.NO_INCIDENTS,
            _("No incident you may see in %(area)s within %(n)d days after the rumour.")
            % {"area": rumour.admin1, "n": days},
        )
    with transaction.atomic(), single_audit_entry():
        rumour.incidents.add(*found)
        log_action(
            "link_rumour_incidents",
            rumour,
            acting_user=acting_user,
            before=None,
            after={"incidents": [i.pk for i in found], "window_days": days},
        )
    return found


def refuse_unsafe(partner: Partner, item_class: int, operational: bool) -> None:
    """The partner-safe rule (Capstone §7.2, ``core.Partner.is_humanitarian``): humanitarian
    actors receive only unclassified, non-operational information, to keep humanitarian space."""
    if partner.is_humanitarian and (item_class > Sensitivity.UNCLASSIFIED or operational):
        raise ActionError(
            OutreachErrorCode.NOT_PARTNER_SAFE,
            _(
                "%(p)s is a humanitarian partner: it may receive only unclassified, "
                "non-operational information (Capstone §7.2). Nothing was shared."
            )
            % {"p": partner},
        )


def do_share_with_partner(
    partner: Partner,
    *,
    item: str,
    item_class: int = Sensitivity.UNCLASSIFIED,
    operational: bool = False,
    record: str = "",
    meeting: CoordinationMeeting | None = None,
    shared_on: datetime.date | None = None,
    acting_user: Actor,
) -> SharingRecord:
    """Record information given to a partner, refusing what the partner-safe rule forbids; a
    named record (``<app>.<model>:<id>``) lends its own class and must be one the user sees."""
    require(acting_user, Action.ADD, partner.mission_id)
    if not (item or "").strip():
        raise ActionError(OutreachErrorCode.INVALID, _("Say what is shared."))
    if record:
        found = find_record(record, acting_user)
        if getattr(found, "mission_id", partner.mission_id) != partner.mission_id:
            raise ActionError(ErrorCode.CONFLICT, _("The record belongs to another mission."))
        item_class = max(int(item_class), int(getattr(found, "sensitivity", 0)))
        record = reference(found)
    refuse_unsafe(partner, int(item_class), operational)
    require(acting_user, Action.ADD, partner.mission_id, int(item_class))
    if meeting is not None and meeting.mission_id != partner.mission_id:
        raise ActionError(ErrorCode.CONFLICT, _("The meeting belongs to another mission."))
    with transaction.atomic(), single_audit_entry():
        sharing = SharingRecord(
            mission_id=partner.mission_id,
            sensitivity=int(item_class),
            partner=partner,
            meeting=meeting,
            item=item.strip(),
            item_class=int(item_class),
            operational=operational,
            record=record,
            shared_on=shared_on or timezone.localdate(),
            shared_by=recorded(acting_user),
        )
        sharing.full_clean()
        sharing.save()
        log_action(
            "share_with_partner",
            sharing,
            acting_user=acting_user,
            before=None,
            after=sharing.snapshot(),
        )
    return sharing
