"""The support app's models (Capstone §8.1-8.3), by entity group: self-sufficiency and
contracts; contingent-owned equipment; logistics requests; premises and security; training;
decisions on verdicts."""

from bluehelmet.support.models.equipment import (
    EquipmentInspection,
    EquipmentLease,
    EquipmentLine,
    InspectionFinding,
    InspectionKind,
    LeaseType,
    LineKind,
    SustainmentCategory,
)
from bluehelmet.support.models.logistics import (
    OPEN_STATUSES,
    Priority,
    RequestKind,
    RequestStatus,
    SupplyRequest,
)
from bluehelmet.support.models.overrides import SupportVerdictOverride
from bluehelmet.support.models.security import (
    MOSS_FIELDS,
    MOSS_ITEMS,
    MossCheck,
    Premises,
    RiskLevel,
    SecurityAssessment,
    SecurityDecision,
    SecurityMeeting,
)
from bluehelmet.support.models.sustainment import (
    MAX_DAYS,
    MIN_DAYS,
    Commodity,
    ContractStatus,
    SelfSufficiency,
    SupportContract,
)
from bluehelmet.support.models.training import (
    MANDATORY_COURSES,
    Course,
    Rotation,
    TrainingRecord,
)

__all__ = [
    "MANDATORY_COURSES",
    "MAX_DAYS",
    "MIN_DAYS",
    "MOSS_FIELDS",
    "MOSS_ITEMS",
    "OPEN_STATUSES",
    "Commodity",
    "ContractStatus",
    "Course",
    "EquipmentInspection",
    "EquipmentLease",
    "EquipmentLine",
    "InspectionFinding",
    "InspectionKind",
    "LeaseType",
    "LineKind",
    "MossCheck",
    "Premises",
    "Priority",
    "RequestKind",
    "RequestStatus",
    "RiskLevel",
    "Rotation",
    "SecurityAssessment",
    "SecurityDecision",
    "SecurityMeeting",
    "SelfSufficiency",
    "SupplyRequest",
    "SupportContract",
    "SupportVerdictOverride",
    "SustainmentCategory",
    "TrainingRecord",
]
