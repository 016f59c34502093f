"""Deciding to deploy (Capstone §4.1-4.3, §1.4).

Split by entity group: the crisis and its parties, the strategic assessment and its factors,
the technical assessment mission, the options and their scenarios, the decision.
"""

from bluehelmet.deployment.models.assessments import (
    AssessmentStatus,
    Confidence,
    CouncilBacking,
    DeploymentFactor,
    FactorKind,
    Judgement,
    StrategicAssessment,
)
from bluehelmet.deployment.models.base import DeploymentRecord
from bluehelmet.deployment.models.decisions import DecisionOutcome, DeploymentDecision
from bluehelmet.deployment.models.missions import (
    AssessmentFinding,
    AssessmentMission,
    AssessmentMissionMember,
    FindingArea,
)
from bluehelmet.deployment.models.options import (
    PEACEKEEPING_TYPES,
    ConditionOverride,
    DeploymentOption,
    OptionType,
    Scenario,
    ScenarioKind,
)
from bluehelmet.deployment.models.situations import CrisisParty, CrisisSituation, PartyRole

__all__ = [
    "PEACEKEEPING_TYPES",
    "AssessmentFinding",
    "AssessmentMission",
    "AssessmentMissionMember",
    "AssessmentStatus",
    "ConditionOverride",
    "Confidence",
    "CouncilBacking",
    "CrisisParty",
    "CrisisSituation",
    "DecisionOutcome",
    "DeploymentDecision",
    "DeploymentFactor",
    "DeploymentOption",
    "DeploymentRecord",
    "FactorKind",
    "FindingArea",
    "Judgement",
    "OptionType",
    "PartyRole",
    "Scenario",
    "ScenarioKind",
    "StrategicAssessment",
]
