from bluehelmet.core.models.access import Membership, Role, RoleScope
from bluehelmet.core.models.audit import AuditAction, AuditEntry, AuditImmutableError
from bluehelmet.core.models.countries import (
    Contingent,
    ContingentStatus,
    ContributingCountry,
    UnitType,
)
from bluehelmet.core.models.geography import AdminArea
from bluehelmet.core.models.missions import (
    Component,
    ComponentKind,
    Mission,
    MissionStatus,
    MissionType,
    SofaStatus,
)
from bluehelmet.core.models.organisation import OrgUnit, OrgUnitKind, Post, PostRole
from bluehelmet.core.models.parameters import MissionParameter
from bluehelmet.core.models.partners import Partner, PartnerKind
from bluehelmet.core.models.people import Assignment, Person, PersonnelCategory
from bluehelmet.core.models.preferences import UserPreference
from bluehelmet.core.models.tokens import ApiToken

__all__ = [
    "AdminArea",
    "ApiToken",
    "Assignment",
    "AuditAction",
    "AuditEntry",
    "AuditImmutableError",
    "Component",
    "ComponentKind",
    "Contingent",
    "ContingentStatus",
    "ContributingCountry",
    "Membership",
    "Mission",
    "MissionParameter",
    "MissionStatus",
    "MissionType",
    "OrgUnit",
    "OrgUnitKind",
    "Partner",
    "PartnerKind",
    "Person",
    "PersonnelCategory",
    "Post",
    "PostRole",
    "Role",
    "RoleScope",
    "SofaStatus",
    "UnitType",
    "UserPreference",
]
