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
    ASSESSMENT_CONTENT_FIELDS,
    THREAT_RANK,
    AreaKind,
    AssessmentStatus,
    ThreatAssessment,
    ThreatLevel,
)

__all__ = [
    "ASSESSMENT_CONTENT_FIELDS",
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
