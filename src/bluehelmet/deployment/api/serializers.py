"""Deployment API serializers (Capstone §4.1-4.2): records as JSON, validated by the model's
own rules, written only where the caller may write at the record's classification."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from bluehelmet.core.api.fields import _write_action
from bluehelmet.core.api.serializers_base import BaseModelSerializer
from bluehelmet.core.models import ContributingCountry
from bluehelmet.core.permissions import user_can
from bluehelmet.deployment import models as m
from bluehelmet.doctrine.models import TaskType


class DeploymentSerializer(BaseModelSerializer):
    """The caller must be able to write the record where it sits: a crisis without a mission is
    Headquarters' business (grants over every mission), at the record's sensitivity."""

    m2m_fields: tuple[str, ...] = ()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        candidate: Any = self._candidate(attrs)
        user = self.context["request"].user
        if not user_can(user, _write_action(self), candidate.audit_mission_id, 0):
            raise serializers.ValidationError(
                {"non_field_errors": ["Your role may not record this here."]}
            )
        if not user_can(
            user, _write_action(self), candidate.audit_mission_id, candidate.sensitivity
        ):
            raise serializers.ValidationError(
                {"sensitivity": ["This classification is above your clearance."]}
            )
        parent = candidate.parent_field
        moved = parent and parent in attrs and self.instance is not None
        if moved and getattr(self.instance, f"{parent}_id") != getattr(attrs[parent], "pk", None):
            raise serializers.ValidationError({parent: ["A record cannot move."]})
        return attrs

    def _candidate(self, attrs: dict[str, Any]) -> Any:
        return super()._candidate({k: v for k, v in attrs.items() if k not in self.m2m_fields})


class CrisisSituationSerializer(DeploymentSerializer):
    mission: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = m.CrisisSituation
        fields = (
            "id",
            "name",
            "country",
            "country_name",
            "started_on",
            "summary",
            "sources",
            "ucdp_conflict_id",
            "mission",
            "sensitivity",
        )


class CrisisPartySerializer(DeploymentSerializer):
    class Meta:
        model = m.CrisisParty
        fields = (
            "id",
            "situation",
            "name",
            "role",
            "actor",
            "ucdp_actor_id",
            "signatory",
            "committed",
            "notes",
            "sensitivity",
        )


class StrategicAssessmentSerializer(DeploymentSerializer):
    class Meta:
        model = m.StrategicAssessment
        fields = (
            "id",
            "situation",
            "title",
            "started_on",
            "status",
            "political_options",
            "security_options",
            "humanitarian_options",
            "development_options",
            "participants",
            "council_backing",
            "council_backing_note",
            "recommended_option",
            "sensitivity",
        )
        read_only_fields = ("status", "recommended_option")


class DeploymentFactorSerializer(DeploymentSerializer):
    m2m_fields = ("incidents",)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        assessment = attrs.get("assessment") or getattr(self.instance, "assessment", None)
        mission_id = assessment.situation.mission_id if assessment is not None else None
        if any(i.mission_id != mission_id for i in attrs.get("incidents", [])):
            raise serializers.ValidationError(
                {"incidents": ["Incidents of the crisis's mission only."]}
            )
        return attrs

    class Meta:
        model = m.DeploymentFactor
        fields = (
            "id",
            "assessment",
            "factor",
            "judgement",
            "confidence",
            "evidence",
            "sources",
            "incidents",
            "ucdp_conflict_id",
            "ucdp_summary",
            "sensitivity",
        )
        extra_kwargs = {"incidents": {"required": False}}


class AssessmentMissionSerializer(DeploymentSerializer):
    class Meta:
        model = m.AssessmentMission
        fields = (
            "id",
            "assessment",
            "started_on",
            "ended_on",
            "led_by",
            "sites_visited",
            "meetings",
            "sensitivity",
        )


class AssessmentMissionMemberSerializer(DeploymentSerializer):
    class Meta:
        model = m.AssessmentMissionMember
        fields = ("id", "assessment_mission", "name", "department", "function", "sensitivity")


class AssessmentFindingSerializer(DeploymentSerializer):
    m2m_fields = ("factors",)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        tam = attrs.get("assessment_mission") or getattr(self.instance, "assessment_mission", None)
        if any(
            f.assessment_id != getattr(tam, "assessment_id", None) for f in attrs.get("factors", [])
        ):
            raise serializers.ValidationError({"factors": ["Factors of this assessment only."]})
        return attrs

    class Meta:
        model = m.AssessmentFinding
        fields = ("id", "assessment_mission", "area", "finding", "factors", "sensitivity")
        extra_kwargs = {"factors": {"required": False}}


class DeploymentOptionSerializer(DeploymentSerializer):
    m2m_fields = ("tasks", "contributors_to_consult")
    tasks = serializers.SlugRelatedField(
        slug_field="code", many=True, required=False, queryset=TaskType.objects.all()
    )
    contributors_to_consult = serializers.SlugRelatedField(
        slug_field="iso3", many=True, required=False, queryset=ContributingCountry.objects.all()
    )

    class Meta:
        model = m.DeploymentOption
        fields = (
            "id",
            "assessment",
            "title",
            "option_type",
            "summary",
            "tasks",
            "chapter_vii",
            "troops",
            "police",
            "military_observers",
            "civilians",
            "risks",
            "resources",
            "contributors_to_consult",
            "order",
            "sensitivity",
        )


class ScenarioSerializer(DeploymentSerializer):
    class Meta:
        model = m.Scenario
        fields = ("id", "option", "kind", "description", "implications", "sensitivity")


class ConditionOverrideSerializer(DeploymentSerializer):
    decided_by = serializers.CharField(source="decided_by.username", read_only=True, default=None)

    class Meta:
        model = m.ConditionOverride
        fields = (
            "id",
            "assessment",
            "rule",
            "subject",
            "decision",
            "reason",
            "decided_by",
            "decided_at",
            "sensitivity",
        )
        read_only_fields = fields


class DeploymentDecisionSerializer(DeploymentSerializer):
    resolution: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="number", read_only=True
    )
    mission: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = m.DeploymentDecision
        fields = (
            "id",
            "assessment",
            "outcome",
            "decided_on",
            "decided_by",
            "option",
            "resolution",
            "mission",
            "notes",
            "sensitivity",
        )
        read_only_fields = fields


class StatusRequestSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=m.AssessmentStatus.choices)


class RecommendRequestSerializer(serializers.Serializer):
    option = serializers.IntegerField(min_value=1)


class OverrideRequestSerializer(serializers.Serializer):
    option = serializers.IntegerField(min_value=1)
    rule = serializers.CharField(max_length=40)
    decision = serializers.CharField(max_length=10)
    reason = serializers.CharField(max_length=10_000)


class DecisionRequestSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=m.DecisionOutcome.choices)
    decided_on = serializers.DateField()
    decided_by = serializers.CharField(max_length=200)
    option = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    resolution = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    notes = serializers.CharField(max_length=10_000, required=False, allow_blank=True)
    mission_code = serializers.CharField(max_length=20, required=False, allow_blank=True)
    mission_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
