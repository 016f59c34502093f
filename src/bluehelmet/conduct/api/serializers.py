"""Conduct API serializers (Capstone §3.2). A case is created only in a mission where the
caller holds a case role; its steps and decisions are written by the actions, never here."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from bluehelmet.conduct import models as m
from bluehelmet.conduct.access import sees_cases
from bluehelmet.core.api.serializers_base import MissionScopedSerializer


class MisconductAllegationSerializer(MissionScopedSerializer):
    class Meta:
        model = m.MisconductAllegation
        fields = (
            "id",
            "mission",
            "sensitivity",
            "reference",
            "category",
            "personnel_category",
            "contingent",
            "received_on",
            "summary",
            "victim_details",
            "stage",
            "assessed_on",
            "finding",
            "assessment_note",
            "action_taken_on",
            "action_taken",
            "victim_assisted_on",
            "victim_assistance",
        )
        read_only_fields = (
            "sensitivity",
            "reference",
            "stage",
            "assessed_on",
            "finding",
            "assessment_note",
            "action_taken_on",
            "action_taken",
            "victim_assisted_on",
            "victim_assistance",
        )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        mission = attrs.get("mission") or getattr(self.instance, "mission", None)
        if mission is not None and not sees_cases(self.context["request"].user, mission.pk):
            raise serializers.ValidationError(
                {"mission": ["You do not handle conduct cases in this mission."]}
            )
        return super().validate(attrs)


class ReferralSerializer(MissionScopedSerializer):
    class Meta:
        model = m.Referral
        fields = ("id", "mission", "allegation", "referred_to", "referred_on", "note")
        read_only_fields = fields


class InvestigationSerializer(MissionScopedSerializer):
    class Meta:
        model = m.Investigation
        fields = (
            "id",
            "mission",
            "allegation",
            "referral",
            "started_on",
            "outcome",
            "outcome_on",
            "note",
        )
        read_only_fields = fields


class ConductVerdictOverrideSerializer(MissionScopedSerializer):
    decided_by: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )

    class Meta:
        model = m.ConductVerdictOverride
        fields = (
            "id",
            "mission",
            "rule",
            "subject",
            "decision",
            "reason",
            "decided_by",
            "decided_at",
        )
        read_only_fields = fields


class ConductStepRequestSerializer(serializers.Serializer):
    """One step of the timeline: its date, a note, and the choice the step asks for."""

    on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=10_000)
    finding = serializers.CharField(required=False, default="")
    referred_to = serializers.CharField(required=False, default="")
    outcome = serializers.CharField(required=False, default="")


class ConductDecisionRequestSerializer(serializers.Serializer):
    rule = serializers.CharField()
    decision = serializers.CharField()
    reason = serializers.CharField(allow_blank=True, max_length=10_000)


class ConductVerdictSerializer(serializers.Serializer):
    """A time-limit verdict on a case (``core.verdicts.RuleVerdict``)."""

    code = serializers.CharField()
    name = serializers.CharField()
    status = serializers.CharField()
    explanation = serializers.CharField()
    citation = serializers.CharField()
    subject = serializers.CharField()
    override = serializers.DictField(allow_null=True)


class FigureCellSerializer(serializers.Serializer):
    label = serializers.CharField()  # type: ignore[assignment]  # a key, not Field.label
    count = serializers.IntegerField(allow_null=True)
    text = serializers.CharField()
    suppressed = serializers.CharField(allow_blank=True)
    strength = serializers.IntegerField(allow_null=True)
    per_100 = serializers.CharField(allow_null=True)


class ConductFiguresSerializer(serializers.Serializer):
    """Counts by category and contingent, suppressed below ``threshold``; never a case."""

    mission = serializers.CharField()
    threshold = serializers.IntegerField()
    total = FigureCellSerializer()
    by_category = FigureCellSerializer(many=True)
    by_contingent = FigureCellSerializer(many=True)
