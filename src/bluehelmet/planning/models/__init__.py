"""Integrated planning (Capstone §5.1-5.2, §4.3, §7.2), split by entity group: the plan's
revisions and reviews, objectives with their actors and results, parallel frameworks and
concepts of operations, decisions on coverage verdicts."""

from bluehelmet.planning.models.frameworks import (
    ConceptKind,
    ConceptOfOperations,
    FrameworkKind,
    FrameworkLink,
    ParallelFramework,
)
from bluehelmet.planning.models.objectives import (
    ActorRole,
    Direction,
    ExpectedResult,
    Frequency,
    IndicatorLevel,
    Modality,
    PlanActor,
    PlanLine,
    ResultIndicator,
    StrategicObjective,
)
from bluehelmet.planning.models.overrides import PlanVerdictOverride
from bluehelmet.planning.models.plans import PlanReview, PlanRevision, RevisionStatus

__all__ = [
    "ActorRole",
    "ConceptKind",
    "ConceptOfOperations",
    "Direction",
    "ExpectedResult",
    "FrameworkKind",
    "FrameworkLink",
    "Frequency",
    "IndicatorLevel",
    "Modality",
    "ParallelFramework",
    "PlanActor",
    "PlanLine",
    "PlanReview",
    "PlanRevision",
    "PlanVerdictOverride",
    "ResultIndicator",
    "RevisionStatus",
    "StrategicObjective",
]
