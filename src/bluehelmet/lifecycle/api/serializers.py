"""Lifecycle API serializers: records as JSON, validated by the model's own rules."""

from __future__ import annotations

from rest_framework import serializers

from bluehelmet.core.api.serializers_base import MissionScopedSerializer
from bluehelmet.core.phases import Phase
from bluehelmet.lifecycle.models import (
    AssetDisposal,
    DrawdownStep,
    HandoverItem,
    PhaseTransition,
    StartUpMilestone,
)


class PhaseTransitionSerializer(MissionScopedSerializer):
    decided_by = serializers.CharField(source="decided_by.username", default=None)

    class Meta:
        model = PhaseTransition
        fields = (
            "id",
            "mission",
            "from_phase",
            "to_phase",
            "effective_on",
            "decided_by",
            "gate_report",
            "overridden",
            "override_reason",
            "created_at",
        )
        read_only_fields = fields


class StartUpMilestoneSerializer(MissionScopedSerializer):
    class Meta:
        model = StartUpMilestone
        fields = (
            "id",
            "mission",
            "sensitivity",
            "kind",
            "achieved_on",
            "evidence",
            "created_at",
            "updated_at",
        )


class TransitionRequestSerializer(serializers.Serializer):
    to_phase = serializers.ChoiceField(choices=Phase.choices)
    effective_on = serializers.DateField(required=False)
    override_reason = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class HandoverItemSerializer(MissionScopedSerializer):
    class Meta:
        model = HandoverItem
        fields = (
            "id",
            "mission",
            "sensitivity",
            "task",
            "responsibility",
            "receiver_kind",
            "receiver",
            "admin1",
            "conditions",
            "planned_on",
            "completed_on",
            "status",
        )


class AssetDisposalSerializer(MissionScopedSerializer):
    """Approval and completion are actions (``/approve/``, ``/complete/``), not edits."""

    approved_by = serializers.CharField(source="approved_by.username", default=None, read_only=True)

    class Meta:
        model = AssetDisposal
        fields = (
            "id",
            "mission",
            "sensitivity",
            "asset",
            "category",
            "quantity",
            "value",
            "method",
            "recipient",
            "status",
            "approved_by",
            "approved_on",
            "completed_on",
        )
        read_only_fields = ("status", "approved_by", "approved_on", "completed_on")


class DisposalStepSerializer(serializers.Serializer):
    on = serializers.DateField(required=False)


class DrawdownStepSerializer(MissionScopedSerializer):
    class Meta:
        model = DrawdownStep
        fields = (
            "id",
            "mission",
            "kind",
            "contingent",
            "org_unit",
            "personnel",
            "planned_on",
            "completed_on",
            "notes",
            "sensitivity",
        )
        read_only_fields = ("completed_on",)  # completing a step is the action
