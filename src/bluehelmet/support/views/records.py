"""Lists, details and forms of the support records (Capstone §8.1-8.3), short subclasses of
core's generic views; columns are declared once for the page and the CSV export."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.tables import Column
from bluehelmet.core.views import generic
from bluehelmet.support import filtersets as fs
from bluehelmet.support import forms
from bluehelmet.support import models as m

MISSION = Column("mission", sort="mission__code")
CONTINGENT = Column("contingent", sort="contingent__name")

PERIOD_COLUMNS = (
    Column("__str__", label=_l("Self-sufficiency"), sort=None, link=True),
    CONTINGENT,
    Column("days", css="num"),
    Column("start", label=_l("Counted from"), sort=None),
    Column("ends_on", label=_l("UN contracts take over on"), sort=None),
    Column("agreement"),
    MISSION,
)
CONTRACT_COLUMNS = (
    Column("__str__", label=_l("Contract"), sort=None, link=True),
    Column("commodity"),
    Column("status"),
    Column("delivers_from"),
    Column("contractor"),
    MISSION,
)
LEASE_COLUMNS = (
    Column("reference", link=True),
    CONTINGENT,
    Column("lease_type"),
    Column("signed_on"),
    MISSION,
)
LINE_COLUMNS = (
    Column("item", link=True),
    Column("lease", sort="lease__reference"),
    Column("kind"),
    Column("category"),
    Column("quantity", css="num"),
    MISSION,
)
INSPECTION_COLUMNS = (
    Column("__str__", label=_l("Inspection"), sort=None, link=True),
    Column("kind"),
    Column("inspected_on"),
    Column("inspector"),
    MISSION,
)
FINDING_COLUMNS = (
    Column("__str__", label=_l("Finding"), sort=None, link=True),
    Column("inspection", sort="inspection__inspected_on"),
    Column("serviceable", css="num"),
    MISSION,
)
REQUEST_COLUMNS = (
    Column("__str__", label=_l("Request"), sort="pk", link=True),
    Column("requesting_unit", sort="requesting_unit__name"),
    Column("priority"),
    Column("quantity", css="num"),
    Column("needed_by"),
    Column("status"),
    Column("origin", sort="origin__name"),
    Column("destination", sort="destination__name"),
    Column("lead_time_days", label=_l("Lead time (days)"), sort=None, css="num"),
    MISSION,
)
PREMISES_COLUMNS = (
    Column("org_unit", label=_l("Premises"), sort="org_unit__name", link=True),
    Column("org_unit.kind", label=_l("Kind"), sort="org_unit__kind"),
    Column("security_focal_point"),
    MISSION,
)
CHECK_COLUMNS = (
    Column("__str__", label=_l("Check"), sort=None, link=True),
    Column("checked_on"),
    Column("compliance", label=_l("Standards met (%)"), sort=None, css="num"),
    Column("checked_by"),
    MISSION,
)
ASSESSMENT_COLUMNS = (
    Column("__str__", label=_l("Assessment"), sort=None, link=True),
    Column("risk_level"),
    Column("assessed_on"),
    Column("review_by"),
    MISSION,
)
MEETING_COLUMNS = (
    Column("__str__", label=_l("Meeting"), sort="held_on", link=True),
    Column("chaired_by"),
    MISSION,
)
DECISION_COLUMNS = (
    Column("decision", link=True),
    Column("owner"),
    Column("due_on"),
    Column("done"),
    MISSION,
)
ROTATION_COLUMNS = (
    Column("__str__", label=_l("Rotation"), sort=None, link=True),
    CONTINGENT,
    Column("arrives_on"),
    Column("strength", css="num"),
    MISSION,
)
TRAINING_COLUMNS = (
    Column("__str__", label=_l("Training"), sort=None, link=True),
    Column("course"),
    Column("rotation", sort=None),
    Column("person", sort="person__full_name"),
    Column("personnel_trained", css="num"),
    Column("completed_on"),
    MISSION,
)
OVERRIDE_COLUMNS = (
    Column("rule", link=False),
    Column("subject"),
    Column("decision"),
    Column("reason", sort=None),
    Column("decided_by", sort="decided_by__username"),
    Column("decided_at"),
    MISSION,
)


def pages(
    model: Any,
    form: Any,
    filterset: Any,
    columns: tuple[Column, ...],
    *,
    related: tuple[tuple[Any, str, tuple[Column, ...]], ...] = (),
    select: tuple[str, ...] = ("mission",),
) -> tuple[Any, Any, Any]:
    """The list, detail and edit views of one record: data, no behaviour of their own."""
    name = model.__name__
    listing = type(
        f"{name}ListView",
        (generic.ObjectListView,),
        {
            "model": model,
            "filterset_class": filterset,
            "columns": columns,
            "select_related": select,
        },
    )
    detail = type(
        f"{name}DetailView", (generic.ObjectDetailView,), {"model": model, "related": related}
    )
    edit = type(f"{name}EditView", (generic.ObjectEditView,), {"model": model, "form_class": form})
    return listing, detail, edit


SELF_SUFFICIENCY = pages(
    m.SelfSufficiency,
    forms.SelfSufficiencyForm,
    fs.SelfSufficiencyFilterSet,
    PERIOD_COLUMNS,
    related=((_l("UN contracts"), "contracts", CONTRACT_COLUMNS),),
    select=("mission", "contingent"),
)
SUPPORT_CONTRACT = pages(
    m.SupportContract,
    forms.SupportContractForm,
    fs.SupportContractFilterSet,
    CONTRACT_COLUMNS,
    select=("mission", "period__contingent"),
)
EQUIPMENT_LEASE = pages(
    m.EquipmentLease,
    forms.EquipmentLeaseForm,
    fs.EquipmentLeaseFilterSet,
    LEASE_COLUMNS,
    related=(
        (_l("Equipment lines"), "lines", LINE_COLUMNS),
        (_l("Inspections"), "inspections", INSPECTION_COLUMNS),
    ),
    select=("mission", "contingent"),
)
EQUIPMENT_LINE = pages(
    m.EquipmentLine,
    forms.EquipmentLineForm,
    fs.EquipmentLineFilterSet,
    LINE_COLUMNS,
    select=("mission", "lease"),
)
EQUIPMENT_INSPECTION = pages(
    m.EquipmentInspection,
    forms.EquipmentInspectionForm,
    fs.EquipmentInspectionFilterSet,
    INSPECTION_COLUMNS,
    related=((_l("Findings"), "findings", FINDING_COLUMNS),),
    select=("mission", "lease__contingent"),
)
INSPECTION_FINDING = pages(
    m.InspectionFinding,
    forms.InspectionFindingForm,
    fs.InspectionFindingFilterSet,
    FINDING_COLUMNS,
    select=("mission", "inspection__lease__contingent", "line"),
)
PREMISES = pages(
    m.Premises,
    forms.PremisesForm,
    fs.PremisesFilterSet,
    PREMISES_COLUMNS,
    related=(
        (_l("MOSS checks"), "checks", CHECK_COLUMNS),
        (_l("Security assessments"), "assessments", ASSESSMENT_COLUMNS),
    ),
    select=("mission", "org_unit"),
)
MOSS_CHECK = pages(
    m.MossCheck,
    forms.MossCheckForm,
    fs.MossCheckFilterSet,
    CHECK_COLUMNS,
    select=("mission", "premises__org_unit"),
)
SECURITY_ASSESSMENT = pages(
    m.SecurityAssessment,
    forms.SecurityAssessmentForm,
    fs.SecurityAssessmentFilterSet,
    ASSESSMENT_COLUMNS,
    select=("mission", "premises__org_unit"),
)
SECURITY_MEETING = pages(
    m.SecurityMeeting,
    forms.SecurityMeetingForm,
    fs.SecurityMeetingFilterSet,
    MEETING_COLUMNS,
    related=((_l("Decisions"), "decisions", DECISION_COLUMNS),),
)
SECURITY_DECISION = pages(
    m.SecurityDecision,
    forms.SecurityDecisionForm,
    fs.SecurityDecisionFilterSet,
    DECISION_COLUMNS,
)
SUPPLY_REQUEST = pages(
    m.SupplyRequest,
    forms.SupplyRequestForm,
    fs.SupplyRequestFilterSet,
    REQUEST_COLUMNS,
    select=("mission", "requesting_unit", "origin", "destination"),
)
ROTATION = pages(
    m.Rotation,
    forms.RotationForm,
    fs.RotationFilterSet,
    ROTATION_COLUMNS,
    related=((_l("Training records"), "training", TRAINING_COLUMNS),),
    select=("mission", "contingent"),
)
TRAINING_RECORD = pages(
    m.TrainingRecord,
    forms.TrainingRecordForm,
    fs.TrainingRecordFilterSet,
    TRAINING_COLUMNS,
    select=("mission", "rotation__contingent", "person"),
)


class SupportVerdictOverrideListView(generic.ObjectListView):
    """The decisions on support verdicts; they are taken on the dashboard, not added here."""

    model = m.SupportVerdictOverride
    filterset_class = fs.SupportVerdictOverrideFilterSet
    columns = OVERRIDE_COLUMNS
    select_related = ("mission", "decided_by")

    def add_url(self) -> str | None:
        return None
