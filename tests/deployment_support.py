"""Helpers shared by the tests/test_deployment_*.py files: a crisis under assessment with its
factors, an assessment mission and options (Capstone §4.1-4.2)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from bluehelmet.core.models import ContributingCountry
from bluehelmet.deployment import models as m
from bluehelmet.doctrine.models import TaskType

D = datetime.date
CONF = 1


@dataclass
class Crisis:
    situation: m.CrisisSituation
    assessment: m.StrategicAssessment
    options: dict[str, m.DeploymentOption]


def task_codes(*flags: str) -> list[str]:
    return list(TaskType.objects.filter(tamm_flag__in=flags).values_list("code", flat=True))


def factor(assessment: Any, kind: str, judgement: str, confidence: str = "medium") -> Any:
    return m.DeploymentFactor.objects.update_or_create(
        assessment=assessment,
        factor=kind,
        defaults={"judgement": judgement, "confidence": confidence, "evidence": "Evidence."},
    )[0]


def option(assessment: Any, title: str, kind: str, *flags: str, **figures: Any) -> Any:
    made = m.DeploymentOption.objects.create(
        assessment=assessment, title=title, option_type=kind, **figures
    )
    made.tasks.set(TaskType.objects.filter(tamm_flag__in=flags))
    return made


def scenario(option: Any, kind: str, text: str = "It unfolds so.") -> Any:
    return m.Scenario.objects.create(option=option, kind=kind, description=text)


def make_crisis(*, judgements: str = "met") -> Crisis:
    """A crisis in a fictional country with every factor judged ``judgements``, a technical
    assessment mission and three options (no operation, observers, multi-dimensional)."""
    situation = m.CrisisSituation.objects.create(
        name="Crisis in Ostemba",
        country="XOS",
        country_name="Ostemba",
        started_on=D(2026, 2, 1),
        summary="Fighting between the government and two movements.",
    )
    for name, role, committed in (
        ("Government of Ostemba", "government", True),
        ("Ostemba Liberation Front", "armed_movement", True),
    ):
        m.CrisisParty.objects.create(
            situation=situation, name=name, role=role, signatory=True, committed=committed
        )
    assessment = m.StrategicAssessment.objects.create(
        situation=situation,
        title="Strategic assessment of Ostemba",
        started_on=D(2026, 6, 1),
        council_backing=m.CouncilBacking.UNITED,
    )
    for kind in m.FactorKind.values:
        factor(assessment, kind, judgements)
    tam = m.AssessmentMission.objects.create(
        assessment=assessment,
        started_on=D(2026, 7, 1),
        ended_on=D(2026, 7, 14),
        led_by="DPO",
        sites_visited="Capital\nNorth",
    )
    m.AssessmentMissionMember.objects.create(
        assessment_mission=tam, name="A. Planner", department="DPO"
    )
    m.AssessmentFinding.objects.create(assessment_mission=tam, area="security", finding="Calm.")
    country = ContributingCountry.objects.get_or_create(iso3="BGD")[0]
    options = {
        "none": option(assessment, "No operation", m.OptionType.NO_OPERATION),
        "observers": option(
            assessment,
            "Observer mission",
            m.OptionType.TRADITIONAL,
            "peaceag_cease_monitor",
            military_observers=150,
            resources="Observers from BGD.",
        ),
        "multi": option(
            assessment,
            "Multi-dimensional operation",
            m.OptionType.MULTIDIMENSIONAL,
            "prociv",
            "ddr_assist",
            "peaceag_cease_monitor",
            troops=8000,
            police=1200,
            civilians=900,
            chapter_vii=True,
            resources="Assessed contributions; battalions from BGD.",
        ),
    }
    options["multi"].contributors_to_consult.add(country)
    return Crisis(situation, assessment, options)
