"""Outreach API serializers (Capstone §9.1-9.2, §7.2): records as JSON, validated by the model's
own rules. Readings and action items take their mission from their parent; a rumour's
incidents and a sharing are written only through their actions."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from bluehelmet.core.api.serializers_base import MissionScopedSerializer, ParentScopedSerializer
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.outreach import models as m

RECORD = ("id", "mission", "sensitivity")


class ChildSerializer(ParentScopedSerializer):
    """A record whose mission is its parent's (``parent_field``)."""

    parent_field = "indicator"
    parent_refusal = "You may not change the records of this mission."


class ImpactIndicatorSerializer(MissionScopedSerializer):
    class Meta:
        model = m.ImpactIndicator
        fields = (
            *RECORD,
            "name",
            "kind",
            "measure",
            "unit",
            "org_unit",
            "admin1",
            "latitude",
            "longitude",
            "threshold",
            "breach_when",
            "description",
        )


class ImpactObservationSerializer(ChildSerializer):
    class Meta:
        model = m.ImpactObservation
        fields = (*RECORD, "indicator", "observed_on", "value", "source", "note")


class OutreachActivitySerializer(MissionScopedSerializer):
    class Meta:
        model = m.OutreachActivity
        fields = (
            *RECORD,
            "kind",
            "title",
            "held_on",
            "admin1",
            "place",
            "audience",
            "reached",
            "messages",
        )


class RumourSerializer(MissionScopedSerializer):
    incidents = serializers.SerializerMethodField()
    hours_to_respond = serializers.FloatField(read_only=True, allow_null=True)

    class Meta:
        model = m.Rumour
        fields = (
            *RECORD,
            "said",
            "heard_at",
            "admin1",
            "place",
            "latitude",
            "longitude",
            "channel",
            "spread",
            "risk",
            "risk_to",
            "verification",
            "verification_note",
            "response",
            "responded_at",
            "hours_to_respond",
            "incidents",
        )

    def get_incidents(self, obj: m.Rumour) -> list[int]:
        """The linked incidents the caller may see."""
        user = self.context["request"].user
        return list(obj.incidents.restrict(user).order_by("pk").values_list("pk", flat=True))


class CoordinationMeetingSerializer(MissionScopedSerializer):
    class Meta:
        model = m.CoordinationMeeting
        fields = (*RECORD, "forum", "title", "held_on", "chair", "partners", "decisions")

    def _candidate(self, attrs: dict[str, Any]) -> Any:
        # The partners are a many-to-many set, saved after the row and checked below.
        return super()._candidate({k: v for k, v in attrs.items() if k != "partners"})

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        mission = attrs.get("mission") or getattr(self.instance, "mission", None)
        if any(p.mission_id != getattr(mission, "pk", None) for p in attrs.get("partners", [])):
            raise serializers.ValidationError({"partners": ["A partner of another mission."]})
        return attrs


class ActionItemSerializer(ChildSerializer):
    parent_field = "meeting"

    class Meta:
        model = m.ActionItem
        fields = (*RECORD, "meeting", "text", "owner", "due_on", "done_on")


class SharingRecordSerializer(MissionScopedSerializer):
    shared_by: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )

    class Meta:
        model = m.SharingRecord
        fields = (
            *RECORD,
            "partner",
            "meeting",
            "item",
            "item_class",
            "operational",
            "record",
            "shared_on",
            "shared_by",
        )
        read_only_fields = fields


class ShareRequestSerializer(serializers.Serializer):
    partner = serializers.IntegerField()
    item = serializers.CharField(max_length=300)
    item_class = serializers.ChoiceField(choices=Sensitivity.choices, default=0)
    operational = serializers.BooleanField(default=False)
    record = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    meeting = serializers.IntegerField(required=False, allow_null=True, default=None)
    shared_on = serializers.DateField(required=False, allow_null=True, default=None)


class OutreachVerdictOverrideSerializer(MissionScopedSerializer):
    decided_by: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )

    class Meta:
        model = m.OutreachVerdictOverride
        fields = (*RECORD, "rule", "subject", "decision", "reason", "decided_by", "decided_at")
        read_only_fields = fields


class OverrideRequestSerializer(serializers.Serializer):
    rule = serializers.CharField(max_length=40)
    subject = serializers.CharField(max_length=200)
    decision = serializers.CharField(max_length=10)
    reason = serializers.CharField(max_length=4000)


class LinkRequestSerializer(serializers.Serializer):
    incidents = serializers.ListField(
        child=serializers.IntegerField(min_value=1), required=False, allow_null=True, default=None
    )
