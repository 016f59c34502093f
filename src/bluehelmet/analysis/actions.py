"""JMAC domain actions (Capstone §7.2, §4.2): one transaction and one audit entry each.

Pages, the API, the CLI and the background tasks call these. Each checks that the acting user
may change the records at their sensitivity (``acting_user=None`` is the system: the demo and
the background worker).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bluehelmet.analysis import linking
from bluehelmet.analysis.models import AssessmentStatus, ThreatAssessment
from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, Sensitivity, require, user_can
from bluehelmet.core.types import Actor
from bluehelmet.operations.models import Incident


class AnalysisErrorCode(enum.StrEnum):
    FORBIDDEN = "forbidden"
    WRONG_STATE = "wrong_state"
    INVALID = "invalid"


def _user_or_none(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


# -- actor links ----------------------------------------------------------------------------


def do_link_actor_incidents(mission: Mission, *, acting_user: Actor) -> linking.LinkResult:
    """Recompute which incidents name which actor, for the whole mission (one audit row)."""
    require(acting_user, Action.CHANGE, mission.pk, Sensitivity.UNCLASSIFIED)
    with transaction.atomic(), single_audit_entry():
        result = linking.relink_mission(mission.pk)
        log_action(
            "link_actor_incidents",
            mission,
            acting_user=acting_user,
            before=None,
            after={k: v for k, v in result.as_dict().items() if k != "unmatched"},
        )
    # The audit keeps the whole figures; the caller is told only what they may see.
    return result if acting_user is None else linking.relink_report(mission.pk, acting_user)


# -- threat assessment citations ------------------------------------------------------------


def citation_errors(
    assessment: ThreatAssessment, incidents: Iterable[Incident], readers: Iterable[Any]
) -> list[str]:
    """Why these incidents cannot be cited by this assessment (empty when they can).

    A citation must be an incident of the same mission that the author and the editor may see,
    and the assessment must be classified at least as high as what it cites: an assessment
    readable more widely than its sources would pass their content on (Capstone §7.2)."""
    errors = []
    for incident in incidents:
        ref = f"#{incident.pk}"
        if incident.mission_id != assessment.mission_id:
            errors.append(
                _("Incident %(ref)s belongs to another mission; cite only this mission's.")
                % {"ref": ref}
            )
            continue
        for user in readers:
            if user is not None and not user_can(
                user, Action.VIEW, incident.mission_id, incident.sensitivity
            ):
                errors.append(
                    _("Incident %(ref)s is not visible to %(user)s.")
                    % {"ref": ref, "user": user.get_username()}
                )
                break
        else:
            if incident.sensitivity > assessment.sensitivity:
                errors.append(
                    _(
                        "Incident %(ref)s is %(level)s: classify the assessment at least as "
                        "high to cite it."
                    )
                    % {"ref": ref, "level": incident.get_sensitivity_display().lower()}
                )
    return errors


def do_set_threat_assessment_citations(
    assessment: ThreatAssessment, incidents: Iterable[Incident], *, acting_user: Actor
) -> ThreatAssessment:
    """Replace the incidents an assessment cites (drafts only; one audit row if changed)."""
    require(acting_user, Action.CHANGE, assessment.mission_id, assessment.sensitivity)
    wanted = list(incidents)
    readers = [_user_or_none(acting_user), assessment.author]
    errors = citation_errors(assessment, wanted, [u for u in readers if u is not None])
    if errors:
        raise ActionError(AnalysisErrorCode.INVALID, " ".join(errors))
    before = sorted(assessment.cited_incidents.values_list("pk", flat=True))
    after = sorted({i.pk for i in wanted})
    if before == after:
        return assessment
    if not assessment.editable_now:
        raise ActionError(AnalysisErrorCode.WRONG_STATE, _("Only a draft can change."))
    with transaction.atomic(), single_audit_entry():
        assessment.cited_incidents.set(after)
        log_action(
            "cite_incidents",
            assessment,
            acting_user=acting_user,
            before={"cited_incidents": before},
            after={"cited_incidents": after},
        )
    return assessment


# -- review ---------------------------------------------------------------------------------


def _transition(
    assessment: ThreatAssessment, verb: str, acting_user: Actor, **changes: Any
) -> ThreatAssessment:
    with transaction.atomic(), single_audit_entry():
        locked = ThreatAssessment.objects.select_for_update().get(pk=assessment.pk)
        if locked.status != assessment.status:
            raise ActionError(
                AnalysisErrorCode.WRONG_STATE, _("The assessment changed meanwhile; reload it.")
            )
        before = assessment.snapshot()
        for name, value in changes.items():
            setattr(assessment, name, value)
        assessment.save()
        log_action(
            verb, assessment, acting_user=acting_user, before=before, after=assessment.snapshot()
        )
    return assessment


def submission_errors(assessment: ThreatAssessment) -> list[str]:
    """What a draft still lacks before review (§4.2: the worst case; §7.2: the sources)."""
    errors = []
    if not assessment.narrative.strip():
        errors.append(_("Write the assessment."))
    if not assessment.worst_case.strip():
        errors.append(_("State the worst case planners must be ready for (Capstone §4.2)."))
    if not assessment.cited_incidents.exists():
        errors.append(_("Cite at least one incident the assessment rests on."))
    return errors


def do_submit_threat_assessment(
    assessment: ThreatAssessment, *, acting_user: Actor
) -> ThreatAssessment:
    """Draft -> in review, once it has its narrative, worst case and citations."""
    require(acting_user, Action.CHANGE, assessment.mission_id, assessment.sensitivity)
    if assessment.status != AssessmentStatus.DRAFT:
        raise ActionError(AnalysisErrorCode.WRONG_STATE, _("Only a draft can be submitted."))
    errors = submission_errors(assessment)
    if errors:
        raise ActionError(AnalysisErrorCode.INVALID, " ".join(errors))
    return _transition(
        assessment,
        "submit_threat_assessment",
        acting_user,
        status=AssessmentStatus.IN_REVIEW,
        submitted_at=timezone.now(),
    )


def _reviewable(assessment: ThreatAssessment, acting_user: Actor) -> None:
    require(acting_user, Action.CHANGE, assessment.mission_id, assessment.sensitivity)
    if assessment.status != AssessmentStatus.IN_REVIEW:
        raise ActionError(
            AnalysisErrorCode.WRONG_STATE, _("Only an assessment in review can be reviewed.")
        )
    user = _user_or_none(acting_user)
    if user is not None and assessment.author_id == user.pk:
        raise ActionError(
            AnalysisErrorCode.FORBIDDEN, _("Another analyst reviews an assessment, not its author.")
        )


def do_approve_threat_assessment(
    assessment: ThreatAssessment, *, acting_user: Actor, reason: str = ""
) -> ThreatAssessment:
    """In review -> approved by a reviewer other than the author, with an optional note."""
    _reviewable(assessment, acting_user)
    return _transition(
        assessment,
        "approve_threat_assessment",
        acting_user,
        status=AssessmentStatus.APPROVED,
        reviewer=_user_or_none(acting_user),
        reviewed_at=timezone.now(),
        review_reason=(reason or "").strip(),
    )


def do_return_threat_assessment(
    assessment: ThreatAssessment, *, acting_user: Actor, reason: str
) -> ThreatAssessment:
    """In review -> back to draft, always with the reason the author is to act on."""
    _reviewable(assessment, acting_user)
    if not (reason or "").strip():
        raise ActionError(AnalysisErrorCode.INVALID, _("Say what the author should change."))
    return _transition(
        assessment,
        "return_threat_assessment",
        acting_user,
        status=AssessmentStatus.DRAFT,
        reviewer=_user_or_none(acting_user),
        reviewed_at=timezone.now(),
        review_reason=reason.strip(),
    )
