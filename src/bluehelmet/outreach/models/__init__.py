"""The outreach app's models (Capstone §9.1-9.2, §7.2), split by entity group: mission impact;
public information and rumours; coordination with partners. Lessons learned are
``benchmarks.LessonLearned`` (one model, Capstone §10.2)."""

from bluehelmet.outreach.models.coordination import (
    ActionItem,
    CoordinationMeeting,
    Forum,
    SharingRecord,
)
from bluehelmet.outreach.models.impact import (
    BreachWhen,
    ImpactIndicator,
    ImpactKind,
    ImpactMeasure,
    ImpactObservation,
    OutreachVerdictOverride,
)
from bluehelmet.outreach.models.information import (
    ActivityKind,
    Audience,
    OutreachActivity,
    Risk,
    RiskTo,
    Rumour,
    Spread,
    Verification,
)

__all__ = [
    "ActionItem",
    "ActivityKind",
    "Audience",
    "BreachWhen",
    "CoordinationMeeting",
    "Forum",
    "ImpactIndicator",
    "ImpactKind",
    "ImpactMeasure",
    "ImpactObservation",
    "OutreachActivity",
    "OutreachVerdictOverride",
    "Risk",
    "RiskTo",
    "Rumour",
    "SharingRecord",
    "Spread",
    "Verification",
]
