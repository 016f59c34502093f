"""Principles serializers: the model's own ``clean`` runs on every write (400 with messages)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from bluehelmet.core.api.serializers_base import MissionScopedSerializer
from bluehelmet.principles import models as m

COMMON = ("id", "mission", "sensitivity")


class ForceLevelSerializer(MissionScopedSerializer):
    """A level belongs to its profile's mission; ``mission`` is read from the profile."""

    mission = serializers.SlugRelatedField(slug_field="code", read_only=True)  # type: ignore[assignment,var-annotated]

    class Meta:
        model = m.ForceLevel
        fields = (
            *COMMON,
            "profile",
            "order",
            "name",
            "description",
            "authority",
            "requires_all_necessary_means",
        )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        profile = attrs.get("profile") or getattr(self.instance, "profile", None)
        if profile is not None:
            attrs["mission"] = profile.mission
            attrs.setdefault("sensitivity", profile.sensitivity)
        return super().validate(attrs)


class RoeProfileSerializer(MissionScopedSerializer):
    levels = ForceLevelSerializer(many=True, read_only=True)
    all_necessary_means = serializers.BooleanField(read_only=True)

    class Meta:
        model = m.RoeProfile
        fields = (
            *COMMON,
            "kind",
            "name",
            "issued_on",
            "all_necessary_means_setting",
            "all_necessary_means",
            "levels",
        )


class ReviewFlagSerializer(MissionScopedSerializer):
    decided_by: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )

    class Meta:
        model = m.ReviewFlag
        fields = (
            *COMMON,
            "report",
            "code",
            "rule_name",
            "citation",
            "explanation",
            "status",
            "decision_reason",
            "decided_by",
            "decided_at",
        )
        read_only_fields = fields


class UseOfForceReportSerializer(MissionScopedSerializer):
    flags = ReviewFlagSerializer(many=True, read_only=True)

    class Meta:
        model = m.UseOfForceReport
        fields = (
            *COMMON,
            *m.REPORT_CONTENT_FIELDS,
            "reviewed_at",
            "flags",
        )
        read_only_fields = ("reviewed_at",)


class CloseFlagSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(
        choices=[(m.FlagStatus.UPHELD, _("Upheld")), (m.FlagStatus.DISMISSED, _("Dismissed"))]
    )
    reason = serializers.CharField(
        max_length=4000,
        error_messages={
            "blank": _("Give the reason for the decision."),
            "required": _("Give the reason for the decision."),
        },
    )


class OverrideVerdictSerializer(serializers.Serializer):
    rule = serializers.CharField(max_length=40)
    subject = serializers.CharField(max_length=200)
    decision = serializers.ChoiceField(choices=m.VerdictDecision.choices)
    # Blank passes here so the action gives its one message for a missing reason.
    reason = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")


class PartySerializer(MissionScopedSerializer):
    class Meta:
        model = m.Party
        fields = (*COMMON, "name", "kind")


class ConsentEventSerializer(MissionScopedSerializer):
    locality = serializers.CharField(read_only=True)

    class Meta:
        model = m.ConsentEvent
        fields = (
            *COMMON,
            "party",
            "org_unit",
            "admin1",
            "locality",
            "kind",
            "occurred_on",
            "weight",
            "description",
        )


class ConsentAssessmentSerializer(MissionScopedSerializer):
    party_name = serializers.CharField(source="party.name", read_only=True)

    class Meta:
        model = m.ConsentAssessment
        fields = (
            *COMMON,
            "party",
            "party_name",
            "locality",
            "as_of",
            "window_days",
            "score",
            "restrictions",
            "cooperation",
            "withdrawal_flagged",
            "explanation",
        )
        read_only_fields = fields


class AssessConsentSerializer(serializers.Serializer):
    mission = serializers.CharField(max_length=20)
    as_of = serializers.DateField(required=False)
    window_days = serializers.IntegerField(required=False, min_value=1, max_value=365)


class ViolationSerializer(MissionScopedSerializer):
    class Meta:
        model = m.Violation
        fields = (*COMMON, "party", "incident", "occurred_on", "description")


class ViolationResponseSerializer(MissionScopedSerializer):
    class Meta:
        model = m.ViolationResponse
        fields = (*COMMON, "violation", "kind", "responded_on", "note")


class ProtectionThreatSerializer(MissionScopedSerializer):
    class Meta:
        model = m.ProtectionThreat
        fields = (*COMMON, *m.THREAT_FIELDS)


class ProtectionAlertSerializer(MissionScopedSerializer):
    response_hours = serializers.FloatField(read_only=True)

    class Meta:
        model = m.ProtectionAlert
        fields = (
            *COMMON,
            "threat",
            "source",
            "component",
            "received_at",
            "description",
            "response_kind",
            "responded_at",
            "response_note",
            "response_hours",
        )


class AlertResponseSerializer(serializers.Serializer):
    response_kind = serializers.ChoiceField(choices=m.ProtectionResponseKind.choices)
    responded_at = serializers.DateTimeField(required=False)
    note = serializers.CharField(required=False, allow_blank=True, max_length=4000)
