"""Programme actions (Capstone §2.4-2.5, §7.2): one transaction, one audit entry each.

A QIP is approved, completed and handed over here; a DDR child's referral is recorded here;
explosive incidents are linked to hazard areas here; decisions on verdicts are recorded here.
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
from bluehelmet.core.models import Mission, Partner
from bluehelmet.core.parameters import parameter
from bluehelmet.core.permissions import Action, require
from bluehelmet.core.types import Actor, recorded
from bluehelmet.core.verdicts import record_verdict_decision, require_decision
from bluehelmet.operations.models import Incident
from bluehelmet.programmes import geo, rules
from bluehelmet.programmes.models import (
    DdrParticipant,
    DdrSite,
    ElectoralEvent,
    HazardArea,
    PollingCentre,
    ProgrammeVerdictOverride,
    QipStatus,
    QuickImpactProject,
    RuleOfLawInstitution,
    StatePresence,
)
from bluehelmet.programmes.verdicts import verdicts_for

EXPLOSIVE_CATEGORIES = ("explosive-hazard",)


class ProgrammeErrorCode(enum.StrEnum):
    INVALID = "invalid"
    WRONG_STATE = "wrong_state"
    FLAGS_OPEN = "flags_open"


def _saved(verb: str, obj: Any, before: dict[str, Any], acting_user: Actor, note: str = "") -> Any:
    """Save ``obj`` and write the action's one audit entry."""
    with transaction.atomic(), single_audit_entry():
        obj.full_clean()
        obj.save()
        log_action(
            verb, obj, acting_user=acting_user, before=before, after=obj.snapshot(), note=note
        )
    return obj


def do_approve_quick_impact_project(
    qip: QuickImpactProject, *, acting_user: Actor, on: datetime.date | None = None
) -> QuickImpactProject:
    """Approve a proposed QIP. Refused while a consultation flag stands undecided: the
    humanitarian country team and the community are consulted first, or a person records
    why not (Capstone §2.5, §7.2)."""
    require(acting_user, Action.CHANGE, qip.mission_id, qip.sensitivity)
    if qip.status != QipStatus.PROPOSED:
        raise ActionError(ProgrammeErrorCode.WRONG_STATE, _("Only a proposed QIP is approved."))
    standing = [v for v in verdicts_for(qip, acting_user) if v.flagged and v.override is None]
    if standing:
        raise ActionError(
            ProgrammeErrorCode.FLAGS_OPEN,
            _("Not approved: %(f)s Consult first, or record a decision with its reason.")
            % {"f": " ".join(v.explanation for v in standing)},
            flags=[v.code for v in standing],
        )
    before = qip.snapshot()
    qip.status = QipStatus.APPROVED
    qip.approved_by = recorded(acting_user)
    qip.approved_on = on or timezone.now().date()
    return _saved("approve_quick_impact_project", qip, before, acting_user)  # type: ignore[no-any-return]


def do_complete_quick_impact_project(
    qip: QuickImpactProject, *, acting_user: Actor, on: datetime.date | None = None
) -> QuickImpactProject:
    """Record an approved QIP as completed (Capstone §2.5)."""
    require(acting_user, Action.CHANGE, qip.mission_id, qip.sensitivity)
    if qip.status != QipStatus.APPROVED:
        raise ActionError(ProgrammeErrorCode.WRONG_STATE, _("Only an approved QIP is completed."))
    before = qip.snapshot()
    qip.status, qip.completed_on = QipStatus.COMPLETED, on or timezone.now().date()
    return _saved("complete_quick_impact_project", qip, before, acting_user)  # type: ignore[no-any-return]


def do_hand_over_quick_impact_project(
    qip: QuickImpactProject, *, to: str, acting_user: Actor, on: datetime.date | None = None
) -> QuickImpactProject:
    """Hand a completed QIP over to the community or authority that will run it (§2.5)."""
    require(acting_user, Action.CHANGE, qip.mission_id, qip.sensitivity)
    if qip.status != QipStatus.COMPLETED:
        raise ActionError(ProgrammeErrorCode.WRONG_STATE, _("Only a completed QIP is handed over."))
    if not (to or "").strip():
        raise ActionError(ProgrammeErrorCode.INVALID, _("Say to whom it is handed over."))
    before = qip.snapshot()
    qip.status, qip.handed_over_to = QipStatus.HANDED_OVER, to.strip()[:200]
    qip.handed_over_on = on or timezone.now().date()
    return _saved("hand_over_quick_impact_project", qip, before, acting_user)  # type: ignore[no-any-return]


def do_refer_ddr_child(
    participant: DdrParticipant,
    *,
    partner: Partner | None = None,
    at: datetime.datetime | None = None,
    acting_user: Actor,
) -> DdrParticipant:
    """Record that a registered child was handed to child protection (res. 1612, §1.4)."""
    require(acting_user, Action.CHANGE, participant.mission_id, participant.sensitivity)
    if not participant.is_child:
        raise ActionError(ProgrammeErrorCode.INVALID, _("Only children are referred."))
    if participant.referred_at is not None:
        raise ActionError(ProgrammeErrorCode.WRONG_STATE, _("This child was already referred."))
    if partner is not None and partner.mission_id != participant.mission_id:
        raise ActionError(ProgrammeErrorCode.INVALID, _("The partner works in another mission."))
    before = participant.snapshot()
    participant.referred_at, participant.referred_to = at or timezone.now(), partner
    participant.site = None
    return _saved("refer_ddr_child", participant, before, acting_user)  # type: ignore[no-any-return]


def explosive_incidents(mission: Mission, acting_user: Actor) -> Any:
    found = Incident.objects.filter(
        mission=mission,
        category__code__in=EXPLOSIVE_CATEGORIES,
        latitude__isnull=False,
        longitude__isnull=False,
    )
    return found if acting_user is None else found.restrict(acting_user)


def _within(distance: float | None, limit: int) -> bool:
    return distance is not None and distance <= limit


def do_link_explosive_incidents(mission: Mission, *, acting_user: Actor) -> int:
    """Link each explosive incident the user may see to every hazard area of the mission it
    lies in or within the mission's distance of (Capstone §2.4); returns the new links."""
    require(acting_user, Action.CHANGE, mission.pk)
    limit = parameter(mission.pk, rules.LINK_KEY)
    areas = HazardArea.objects.filter(mission=mission)
    if acting_user is not None:
        areas = areas.restrict(acting_user, Action.CHANGE)
    found = explosive_incidents(mission, acting_user)
    points = list(found.values_list("pk", "longitude", "latitude"))
    made = 0
    with transaction.atomic(), single_audit_entry():
        for area in areas:
            have = set(area.incidents.values_list("pk", flat=True))
            near = [
                pk
                for pk, lon, lat in points
                if pk not in have and _within(geo.distance_m(lon, lat, area.geometry), limit)
            ]
            if near:
                area.incidents.add(*near)
                made += len(near)
        log_action(
            "link_explosive_incidents",
            mission,
            acting_user=acting_user,
            before=None,
            after={"links_made": made, "within_metres": limit},
        )
    return made


SUBJECTS: dict[str, Any] = {
    "participant": DdrParticipant,
    "site": DdrSite,
    "qip": QuickImpactProject,
    "event": ElectoralEvent,
    "centre": PollingCentre,
    "presence": StatePresence,
    "institution": RuleOfLawInstitution,
}


def subject_record(mission: Mission, subject: str, acting_user: Actor) -> Any:
    """The record a verdict's ``subject`` names, among those of ``mission`` the user may see;
    the decision is kept at its sensitivity so that its reason is read by no one else."""
    kind, _sep, number = (subject or "").partition(":")
    if kind not in SUBJECTS or not number.isdigit():
        raise ActionError(ProgrammeErrorCode.INVALID, _("Name the record the verdict is on."))
    found = SUBJECTS[kind].objects.filter(mission=mission, pk=int(number))
    if acting_user is not None:
        found = found.restrict(acting_user)
    record = found.first()
    if record is None:
        raise ActionError(ErrorCode.NOT_FOUND, _("No such record in this mission."))
    return record


def do_override_programme_verdict(
    mission: Mission, *, rule: str, subject: str, decision: str, reason: str, acting_user: Actor
) -> ProgrammeVerdictOverride:
    """Accept or dismiss a programmes verdict with a reason; a later decision on the same
    verdict replaces it (rules advise, people decide)."""
    require(acting_user, Action.CHANGE, mission.pk)
    if rule not in rules.CODES:
        raise ActionError(ProgrammeErrorCode.INVALID, _("No such programmes rule."))
    require_decision(decision, reason, ProgrammeErrorCode.INVALID)
    record = subject_record(mission, subject, acting_user)
    override: ProgrammeVerdictOverride = record_verdict_decision(
        ProgrammeVerdictOverride,
        {"mission": mission},
        rule=rule,
        subject=subject,
        decision=decision,
        reason=reason,
        verb="override_programme_verdict",
        acting_user=acting_user,
        sensitivity=record.sensitivity,
    )
    return override
