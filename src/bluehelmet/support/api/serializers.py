"""Support API serializers: records as JSON, validated by the model's own rules (Capstone
§8.1-8.3). A logistics request's status and its approval and fulfilment are read-only here:
they change through the actions (``/api/supply-requests/<pk>/approve/`` ...)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from bluehelmet.core.api.serializers_base import MissionScopedSerializer
from bluehelmet.support import models as m

BASE = ("id", "mission", "sensitivity")


def serializer_for(model: Any, *fields: str, read_only: tuple[str, ...] = ()) -> Any:
    """A ``MissionScopedSerializer`` of ``model`` with ``fields`` (after id, mission,
    sensitivity): the support records need no behaviour beyond the model's own clean()."""
    meta = type(
        "Meta", (), {"model": model, "fields": BASE + fields, "read_only_fields": read_only}
    )
    return type(f"{model.__name__}Serializer", (MissionScopedSerializer,), {"Meta": meta})


class SelfSufficiencySerializer(MissionScopedSerializer):
    ends_on = serializers.DateField(read_only=True, allow_null=True)

    class Meta:
        model = m.SelfSufficiency
        fields = (*BASE, "contingent", "days", "starts_on", "ends_on", "agreement", "notes")


SupportContractSerializer = serializer_for(
    m.SupportContract, "period", "commodity", "contractor", "reference", "status", "delivers_from"
)
EquipmentLeaseSerializer = serializer_for(
    m.EquipmentLease, "contingent", "reference", "lease_type", "signed_on", "notes"
)
EquipmentLineSerializer = serializer_for(
    m.EquipmentLine, "lease", "kind", "item", "category", "quantity"
)
EquipmentInspectionSerializer = serializer_for(
    m.EquipmentInspection, "lease", "kind", "inspected_on", "inspector", "notes"
)
InspectionFindingSerializer = serializer_for(
    m.InspectionFinding, "inspection", "line", "serviceable"
)
PremisesSerializer = serializer_for(m.Premises, "org_unit", "security_focal_point", "notes")
MossCheckSerializer = serializer_for(
    m.MossCheck, "premises", "checked_on", "checked_by", *m.MOSS_FIELDS, "notes"
)
SecurityAssessmentSerializer = serializer_for(
    m.SecurityAssessment,
    "premises",
    "area",
    "assessed_on",
    "risk_level",
    "summary",
    "measures",
    "review_by",
)
SecurityMeetingSerializer = serializer_for(
    m.SecurityMeeting, "held_on", "chaired_by", "attendees", "summary"
)
SecurityDecisionSerializer = serializer_for(
    m.SecurityDecision, "meeting", "decision", "owner", "due_on", "done"
)
RotationSerializer = serializer_for(m.Rotation, "contingent", "arrives_on", "strength")
TrainingRecordSerializer = serializer_for(
    m.TrainingRecord,
    "course",
    "rotation",
    "person",
    "personnel_trained",
    "completed_on",
    "provider",
)
SupportVerdictOverrideSerializer = serializer_for(
    m.SupportVerdictOverride,
    "rule",
    "subject",
    "decision",
    "reason",
    "decided_by",
    "decided_at",
    read_only=("rule", "subject", "decision", "reason", "decided_by", "decided_at"),
)


class SupplyRequestSerializer(MissionScopedSerializer):
    lead_time_days = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = m.SupplyRequest
        fields = (
            *BASE,
            "kind",
            "requesting_unit",
            "item",
            "quantity",
            "unit_of_issue",
            "priority",
            "requested_on",
            "needed_by",
            "origin",
            "destination",
            "origin_admin1",
            "destination_admin1",
            "status",
            "approved_on",
            "approved_by",
            "fulfilled_on",
            "fulfilled_by",
            "lead_time_days",
            "notes",
        )
        read_only_fields = (
            "status",
            "approved_on",
            "approved_by",
            "fulfilled_on",
            "fulfilled_by",
        )


class SupplyRequestStepSerializer(serializers.Serializer):
    on = serializers.DateField(required=False, help_text="The day of the step (today).")


class SupportOverrideRequestSerializer(serializers.Serializer):
    rule = serializers.CharField(max_length=40)
    subject = serializers.CharField(max_length=200)
    decision = serializers.ChoiceField(choices=["accepted", "dismissed"])
    reason = serializers.CharField(max_length=4000)
