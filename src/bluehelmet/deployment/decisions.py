"""The decision on a crisis and what a decision to deploy sets in motion (Capstone §1.4, §4.1,
§4.3, §6.1).

A decision to deploy may create the mission in pre-deployment, record its first mandate from
the resolution (through the mandates app's own action, which opens the §4.3 consultation on the
concept of operations) and name the contributors to consult on it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.models import Mission, MissionType
from bluehelmet.core.permissions import Action, Sensitivity, require
from bluehelmet.core.types import Actor, recorded
from bluehelmet.deployment.actions import DeploymentErrorCode, require_change
from bluehelmet.deployment.models import (
    DecisionOutcome,
    DeploymentDecision,
    DeploymentOption,
    OptionType,
    StrategicAssessment,
)
from bluehelmet.mandates.actions import do_change_mandate
from bluehelmet.mandates.models import (
    AuthorisedStrength,
    Consultation,
    ConsultationTrigger,
    Resolution,
)


@dataclass(frozen=True)
class NewMission:
    """The mission a decision to deploy creates: its code and name; the rest from the crisis."""

    code: str
    name: str


@dataclass(frozen=True)
class DecisionInput:
    outcome: str
    decided_on: datetime.date
    decided_by: str
    option: DeploymentOption | None = None
    resolution_number: int | None = None
    notes: str = ""
    new_mission: NewMission | None = None
    existing_mission: Mission | None = None  # a mission that already exists (historical record)


def _check(assessment: StrategicAssessment, data: DecisionInput, user: Actor) -> None:
    require_change(user, assessment)
    if data.outcome not in DecisionOutcome.values:
        raise ActionError(DeploymentErrorCode.INVALID, _("Unknown outcome."))
    if hasattr(assessment, "decision"):
        raise ActionError(ErrorCode.CONFLICT, _("This assessment already has a decision."))
    if data.option is not None and data.option.assessment_id != assessment.pk:
        raise ActionError(
            DeploymentErrorCode.OTHER_ASSESSMENT, _("That option belongs to another assessment.")
        )
    if data.new_mission is not None:
        if data.outcome != DecisionOutcome.DEPLOY or data.option is None:
            raise ActionError(
                DeploymentErrorCode.INVALID,
                _("Only a decision to deploy, on a chosen option, creates a mission."),
            )
        require(user, Action.ADD, None, Sensitivity.UNCLASSIFIED)  # Headquarters creates missions
        if Mission.objects.filter(code=data.new_mission.code.strip().upper()).exists():
            raise ActionError(ErrorCode.CONFLICT, _("A mission with that code exists."))


def _resolution(data: DecisionInput, option: DeploymentOption | None) -> Resolution | None:
    if not data.resolution_number:
        return None
    resolution, _created = Resolution.objects.get_or_create(
        number=data.resolution_number,
        defaults={
            "adopted_on": data.decided_on,
            "chapter_vii": bool(option and option.chapter_vii),
        },
    )
    return resolution


def _create_mission(
    assessment: StrategicAssessment,
    data: DecisionInput,
    resolution: Resolution | None,
    user: Actor,
) -> Mission:
    """The mission in pre-deployment, its first mandate and authorised strength (§1.4, §6.1)."""
    option = data.option
    assert data.new_mission is not None and option is not None
    situation = assessment.situation
    kind = (
        MissionType.TRADITIONAL
        if option.option_type == OptionType.TRADITIONAL
        else MissionType.MULTIDIMENSIONAL
    )
    mission = Mission(
        code=data.new_mission.code.strip().upper(),
        name=data.new_mission.name.strip(),
        host_country=situation.country,
        host_country_name=situation.country_name,
        mission_type=kind,
    )
    mission.full_clean()
    mission.save()
    do_change_mandate(
        mission,
        resolution,
        acting_user=user,
        effective_from=data.decided_on,
        task_codes=list(option.tasks.values_list("code", flat=True)),
        chapter_vii=option.chapter_vii,
        summary=option.summary,
        basis_reference="" if resolution else _("Decision of %(d)s") % {"d": data.decided_on},
    )
    AuthorisedStrength.objects.create(
        mission=mission,
        resolution=resolution,
        effective_from=data.decided_on,
        troops=option.troops or None,
        police=option.police or None,
        military_observers=option.military_observers or None,
        civilians=option.civilians or None,
    )
    consultation = Consultation.objects.filter(
        mission=mission, trigger=ConsultationTrigger.CONCEPT_OF_OPERATIONS
    ).first()
    if consultation is not None:  # the contributors the option named (§4.3 a)
        consultation.countries.add(*option.contributors_to_consult.all())
    return mission


def do_record_decision(
    assessment: StrategicAssessment, data: DecisionInput, *, acting_user: Actor
) -> DeploymentDecision:
    """Record what was decided on the assessment; a decision to deploy with ``new_mission``
    creates the mission, its first mandate and the §4.3 consultation on the concept of
    operations (the mandate's own action writes its audit entry, this one the decision's)."""
    _check(assessment, data, acting_user)
    with transaction.atomic(), single_audit_entry():
        resolution = _resolution(data, data.option)
        mission = data.existing_mission
        if data.new_mission is not None:
            mission = _create_mission(assessment, data, resolution, acting_user)
        decision = DeploymentDecision.objects.create(
            assessment=assessment,
            outcome=data.outcome,
            decided_on=data.decided_on,
            decided_by=data.decided_by.strip()[:200],
            option=data.option,
            resolution=resolution,
            mission=mission,
            notes=data.notes.strip(),
            recorded_by=recorded(acting_user),
            sensitivity=assessment.sensitivity,
        )
        situation = assessment.situation
        if mission is not None and situation.mission_id is None:
            situation.mission = mission
            situation.save(update_fields=["mission", "updated_at"])
        log_action(
            "record_decision",
            decision,
            acting_user=acting_user,
            before=None,
            after={**decision.snapshot(), "mission_code": mission.code if mission else None},
        )
    return decision
