"""Judging a mission's support (Capstone §8.1-8.3): every rule on the records the reader may
see, each flag marked with the decision taken on it. The dashboard, the overview panel and the
API all read this one function."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from bluehelmet.core.parameters import values
from bluehelmet.core.verdicts import RuleVerdict
from bluehelmet.principles.overrides import describe
from bluehelmet.support import models as m
from bluehelmet.support import readings, rules

Overrides = dict[tuple[str, str], m.SupportVerdictOverride]


@dataclass
class SupportJudgement:
    """The verdicts by area: self-sufficiency contracts, equipment, premises, the Designated
    Official, training."""

    contracts: list[RuleVerdict] = field(default_factory=list)
    equipment: list[RuleVerdict] = field(default_factory=list)
    premises: list[RuleVerdict] = field(default_factory=list)
    security: list[RuleVerdict] = field(default_factory=list)
    training: list[RuleVerdict] = field(default_factory=list)

    @property
    def verdicts(self) -> list[RuleVerdict]:
        return [
            *self.contracts,
            *self.equipment,
            *self.premises,
            *self.security,
            *self.training,
        ]

    @property
    def open_flags(self) -> list[RuleVerdict]:
        return [v for v in self.verdicts if v.flagged and not v.dismissed]


def overrides_for(mission_id: int, user: Any) -> Overrides:
    rows = readings.scoped(m.SupportVerdictOverride.objects, user).filter(mission_id=mission_id)
    return {(o.rule, o.subject): o for o in rows.select_related("decided_by")}


def mark(verdicts: list[RuleVerdict], overrides: Overrides) -> list[RuleVerdict]:
    for v in verdicts:
        found = overrides.get((v.code, v.subject)) if v.flagged else None
        v.override = describe(found) if found is not None else None  # type: ignore[arg-type]
    return verdicts


def judge_mission(mission: Any, user: Any, today: datetime.date | None = None) -> SupportJudgement:
    """Every support rule on ``mission`` as ``user`` may see it, on ``today``."""
    day = today or timezone.now().date()
    setting = values(mission)
    history = readings.serviceability_history(mission, user)
    rotations = readings.rotation_readings(mission, user)
    owners = dict(
        readings.scoped(m.Rotation.objects, user)
        .filter(mission=mission)
        .values_list("pk", "contingent_id")
    )
    current = readings.current_rotations(rotations, owners, day)
    judged = SupportJudgement(
        contracts=[
            rules.contract_in_time(r, day, setting[rules.LEAD_KEY])
            for r in readings.contract_readings(mission, user)
        ],
        equipment=[
            v
            for found in history.values()
            if found
            for v in rules.serviceability(found[-1], setting[rules.SERVICEABILITY_KEY])
        ],
        premises=[
            rules.premises_standard(r, setting[rules.MOSS_KEY])
            for r in readings.moss_readings(mission, user)
        ],
        security=[rules.designated_official(readings.designated_official(mission, user, day))],
        training=[rules.rotation_trained(r, day) for r in current.values()],
    )
    mark(judged.verdicts, overrides_for(mission.pk, user))
    return judged
