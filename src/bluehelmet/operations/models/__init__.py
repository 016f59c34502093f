"""Joint Operations Centre models (Capstone §7.2), split by entity group."""

from bluehelmet.operations.models.attachments import IncidentAttachment
from bluehelmet.operations.models.crisis import (
    Crisis,
    CrisisLogEntry,
    CrisisStatus,
    CrisisTask,
    LogEntryKind,
    TaskStatus,
)
from bluehelmet.operations.models.imports import IncidentImportBatch
from bluehelmet.operations.models.incidents import (
    COUNT_FIELDS,
    DatePrecision,
    Incident,
    IncidentVerification,
    LocationPrecision,
    VerificationStatus,
)
from bluehelmet.operations.models.reports import (
    FlashReport,
    FlashStatus,
    ReportStatus,
    SituationReport,
)
from bluehelmet.operations.models.taxonomy import (
    CategoryGroup,
    Credibility,
    IncidentCategory,
    IncidentSource,
    Reliability,
    SourceKind,
)

__all__ = [
    "COUNT_FIELDS",
    "CategoryGroup",
    "Credibility",
    "Crisis",
    "CrisisLogEntry",
    "CrisisStatus",
    "CrisisTask",
    "DatePrecision",
    "FlashReport",
    "FlashStatus",
    "Incident",
    "IncidentAttachment",
    "IncidentCategory",
    "IncidentImportBatch",
    "IncidentSource",
    "IncidentVerification",
    "LocationPrecision",
    "LogEntryKind",
    "Reliability",
    "ReportStatus",
    "SituationReport",
    "SourceKind",
    "TaskStatus",
    "VerificationStatus",
]
