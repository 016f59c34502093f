from bluehelmet.analysis.models.actors import (
    Actor,
    ActorKind,
    IncidentActor,
    LinkSide,
    SpoilerAssessment,
    normalise_name,
    split_aliases,
)
from bluehelmet.analysis.models.assessments import (
    THREAT_RANK,
    AreaKind,
    AssessmentStatus,
    ThreatAssessment,
    ThreatLevel,
)

__all__ = [
    "THREAT_RANK",
    "Actor",
    "ActorKind",
    "AreaKind",
    "AssessmentStatus",
    "IncidentActor",
    "LinkSide",
    "SpoilerAssessment",
    "ThreatAssessment",
    "ThreatLevel",
    "normalise_name",
    "split_aliases",
]
