"""Planning domain actions (Capstone §5.2, §4.3): one transaction, one audit entry each.

Revisions are drafted, adopted and superseded only here; a concept of operations is issued
here, which opens the §4.3 consultation with contributors; decisions on coverage verdicts are
recorded here.
"""

from __future__ import annotations

import datetime
import enum

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, Sensitivity, require
from bluehelmet.core.types import Actor, recorded
from bluehelmet.core.verdicts import record_verdict_decision, require_decision
from bluehelmet.mandates.consultations import open_consultation
from bluehelmet.mandates.models import ConsultationTrigger, MandatedTask
from bluehelmet.planning.copying import copy_revision
from bluehelmet.planning.coverage import RULE_CODES, mandate_in_force
from bluehelmet.planning.models import (
    ConceptKind,
    ConceptOfOperations,
    PlanRevision,
    PlanVerdictOverride,
    RevisionStatus,
)
from bluehelmet.planning.reviews import close_reviews


class PlanningErrorCode(enum.StrEnum):
    DRAFT_EXISTS = "draft_exists"
    EMPTY_PLAN = "empty_plan"
    BAD_DATE = "bad_date"
    INVALID = "invalid"


def _today() -> datetime.date:
    return timezone.now().date()


def do_draft_revision(
    mission: Mission,
    *,
    title: str,
    reason: str = "",
    sensitivity: int = Sensitivity.UNCLASSIFIED,
    drafted_on: datetime.date | None = None,
    acting_user: Actor,
) -> PlanRevision:
    """Start the next revision of the plan as a draft copy of the latest one (the first
    revision starts empty), against the mandate in force on ``drafted_on`` (today; the demo
    and imports date their records). Only one draft at a time: two would fork the plan."""
    require(acting_user, Action.ADD, mission.pk, sensitivity)
    if not (title or "").strip():
        raise ActionError(PlanningErrorCode.INVALID, _("Give the revision a title."))
    with transaction.atomic(), single_audit_entry():
        revisions = PlanRevision.objects.select_for_update().filter(mission=mission)
        if revisions.filter(status=RevisionStatus.DRAFT).exists():
            raise ActionError(
                PlanningErrorCode.DRAFT_EXISTS,
                _("A draft revision is open: adopt it or keep working on it."),
            )
        latest = revisions.order_by("-number").first()
        mandate = mandate_in_force(mission.pk, drafted_on or _today())
        revision = PlanRevision.objects.create(
            mission=mission,
            number=(revisions.aggregate(n=Max("number"))["n"] or 0) + 1,
            title=title.strip()[:200],
            reason=(reason or "").strip(),
            previous=latest,
            mandate=mandate,
            sensitivity=max(sensitivity, latest.sensitivity if latest else 0),
        )
        tasks = list(MandatedTask.objects.filter(mandate=mandate)) if mandate else []
        copied = copy_revision(latest, revision, tasks) if latest else 0
        log_action(
            "draft_revision",
            revision,
            acting_user=acting_user,
            before=None,
            after={**revision.snapshot(), "objectives_copied": copied},
            note=revision.reason,
        )
    return revision


def do_adopt_revision(
    revision: PlanRevision, *, adopted_on: datetime.date | None = None, acting_user: Actor
) -> PlanRevision:
    """Adopt a draft revision: it becomes the plan in force, the one before it is superseded
    (kept as it was), and the reviews opened before it are closed (Capstone §5.2)."""
    require(acting_user, Action.CHANGE, revision.mission_id, revision.sensitivity)
    day = adopted_on or _today()
    if not revision.is_draft:
        raise ActionError(ErrorCode.WRONG_STATE, _("Only a draft revision can be adopted."))
    if not revision.objectives.exists():
        raise ActionError(
            PlanningErrorCode.EMPTY_PLAN, _("The revision has no objective: add one first.")
        )
    previous = revision.previous
    if previous is not None and previous.adopted_on and day < previous.adopted_on:
        raise ActionError(
            PlanningErrorCode.BAD_DATE,
            _("Revision %(n)d was adopted on %(d)s: this one cannot be adopted before.")
            % {"n": previous.number, "d": previous.adopted_on},
        )
    with transaction.atomic(), single_audit_entry():
        before = revision.snapshot()
        PlanRevision.objects.filter(
            mission_id=revision.mission_id, status=RevisionStatus.ADOPTED
        ).update(status=RevisionStatus.SUPERSEDED)
        revision.status = RevisionStatus.ADOPTED
        revision.adopted_on = day
        revision.adopted_by = recorded(acting_user)
        revision.mandate = mandate_in_force(revision.mission_id, day) or revision.mandate
        revision.save()
        closed = close_reviews(revision, day)
        log_action(
            "adopt_revision",
            revision,
            acting_user=acting_user,
            before=before,
            after={**revision.snapshot(), "reviews_closed": closed},
        )
    return revision


def do_issue_concept(
    mission: Mission,
    *,
    kind: str,
    title: str,
    summary: str,
    issued_on: datetime.date,
    changes: str = "",
    acting_user: Actor,
) -> ConceptOfOperations:
    """Issue a new version of a concept of operations; drawing one up or changing it opens
    the consultation with troop and police contributors (Capstone §4.3 a)."""
    require(acting_user, Action.ADD, mission.pk)
    if kind not in ConceptKind.values:
        raise ActionError(PlanningErrorCode.INVALID, _("Unknown kind of concept."))
    if not title.strip() or not summary.strip():
        raise ActionError(PlanningErrorCode.INVALID, _("Give the concept a title and a summary."))
    with transaction.atomic(), single_audit_entry():
        versions = ConceptOfOperations.objects.select_for_update().filter(
            mission=mission, kind=kind
        )
        previous = versions.order_by("-version").first()
        if previous is not None and issued_on < previous.issued_on:
            raise ActionError(
                PlanningErrorCode.BAD_DATE,
                _("Version %(v)d was issued on %(d)s: a new one cannot be dated before.")
                % {"v": previous.version, "d": previous.issued_on},
            )
        version = previous.version + 1 if previous else 1
        reason = (
            _("%(k)s version %(v)d drawn up.")
            if previous is None
            else _("%(k)s changed (version %(v)d).")
        ) % {"k": ConceptKind(kind).label, "v": version}
        consultation = open_consultation(
            mission, ConsultationTrigger.CONCEPT_OF_OPERATIONS, issued_on, reason
        )
        concept = ConceptOfOperations.objects.create(
            mission=mission,
            kind=kind,
            version=version,
            title=title.strip()[:200],
            summary=summary.strip(),
            changes=changes.strip(),
            issued_on=issued_on,
            consultation=consultation,
        )
        log_action(
            "issue_concept",
            concept,
            acting_user=acting_user,
            before=previous.snapshot() if previous else None,
            after={**concept.snapshot(), "consultation": consultation.pk},
        )
    return concept


def do_override_plan_verdict(
    mission: Mission, *, rule: str, subject: str, decision: str, reason: str, acting_user: Actor
) -> PlanVerdictOverride:
    """A planner accepts or dismisses a coverage verdict with a reason; a later decision on the
    same verdict replaces it (rules advise, people decide)."""
    require(acting_user, Action.CHANGE, mission.pk)
    if rule not in RULE_CODES:
        raise ActionError(PlanningErrorCode.INVALID, _("No such coverage rule."))
    require_decision(decision, reason, PlanningErrorCode.INVALID)
    if not (subject or "").strip() or len(subject) > 200:
        raise ActionError(PlanningErrorCode.INVALID, _("Name the verdict's subject."))
    override: PlanVerdictOverride = record_verdict_decision(
        PlanVerdictOverride,
        {"mission": mission},
        rule=rule,
        subject=subject,
        decision=decision,
        reason=reason,
        verb="override_plan_verdict",
        acting_user=acting_user,
    )
    return override
