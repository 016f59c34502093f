"""The programmes app's models (Capstone §2.3-2.5, §7.2), by programme: human rights, DDR, mine
action, quick-impact projects, and the decisions on their verdicts."""

from bluehelmet.programmes.models.ddr import (
    AgeGroup,
    DdrParticipant,
    DdrSite,
    Reintegration,
    Sex,
    SiteKind,
    WeaponCollection,
)
from bluehelmet.programmes.models.elections import (
    ElectoralEvent,
    ElectoralEventKind,
    PollingCentre,
)
from bluehelmet.programmes.models.human_rights import (
    CaseVerification,
    FollowUpStatus,
    HumanRightsCase,
    ViolationType,
)
from bluehelmet.programmes.models.mines import HazardArea, HazardStatus, HazardType
from bluehelmet.programmes.models.overrides import ProgrammeVerdictOverride
from bluehelmet.programmes.models.qips import QipStatus, QuickImpactProject
from bluehelmet.programmes.models.state import (
    InstitutionKind,
    OperatingStatus,
    RuleOfLawInstitution,
    SsrActivity,
    StatePresence,
    StateService,
)

__all__ = [
    "AgeGroup",
    "CaseVerification",
    "DdrParticipant",
    "DdrSite",
    "ElectoralEvent",
    "ElectoralEventKind",
    "FollowUpStatus",
    "HazardArea",
    "HazardStatus",
    "HazardType",
    "HumanRightsCase",
    "InstitutionKind",
    "OperatingStatus",
    "PollingCentre",
    "ProgrammeVerdictOverride",
    "QipStatus",
    "QuickImpactProject",
    "Reintegration",
    "RuleOfLawInstitution",
    "Sex",
    "SiteKind",
    "SsrActivity",
    "StatePresence",
    "StateService",
    "ViolationType",
    "WeaponCollection",
]
