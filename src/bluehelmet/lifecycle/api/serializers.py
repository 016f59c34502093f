"""Lifecycle API serializers: records as JSON, validated by the model's own rules."""

from __future__ import annotations

from rest_framework import serializers

from bluehelmet.core.api.serializers_base import MissionScopedSerializer
from bluehelmet.core.phases import Phase
from bluehelmet.lifecycle.models import PhaseTransition, StartUpMilestone


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
