"""Planning API serializers: records as JSON, validated by the model's own rules.

The parts of a revision (objectives, actors, results, indicators, framework links) take their
mission from their parent: the caller must be allowed to write in that mission, and only a
draft revision changes (``PlanPart.clean``).
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from bluehelmet.core.api.serializers_base import MissionScopedSerializer, ParentScopedSerializer
from bluehelmet.planning import models as m

READ_ONLY_MISSION = {"mission": {"read_only": True}}


class PlanPartSerializer(ParentScopedSerializer):
    """A record whose mission is its parent's (``parent_field``)."""

    parent_field = "revision"
    parent_refusal = "You may not change the plan of this mission."


class PlanRevisionSerializer(MissionScopedSerializer):
    objectives = serializers.SerializerMethodField()

    class Meta:
        model = m.PlanRevision
        fields = (
            "id",
            "mission",
            "sensitivity",
            "number",
            "title",
            "status",
            "reason",
            "previous",
            "mandate",
            "adopted_on",
            "adopted_by",
            "objectives",
        )
        read_only_fields = fields

    def get_objectives(self, obj: m.PlanRevision) -> list[str]:
        return [o.code for o in obj.objectives.all()]


class PlanReviewSerializer(MissionScopedSerializer):
    class Meta:
        model = m.PlanReview
        fields = (
            "id",
            "mission",
            "sensitivity",
            "mandate",
            "opened_on",
            "due_on",
            "closed_on",
            "closed_by",
            "reason",
        )
        read_only_fields = fields


class StrategicObjectiveSerializer(PlanPartSerializer):
    class Meta:
        model = m.StrategicObjective
        fields = (
            "id",
            "mission",
            "sensitivity",
            "revision",
            "code",
            "title",
            "statement",
            "line",
            "modality",
            "tasks",
            "starts_on",
            "ends_on",
            "resources",
        )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        mission = attrs.get("mission")
        tasks = attrs.get("tasks") or []
        if mission is not None and any(t.mission_id != mission.pk for t in tasks):
            raise serializers.ValidationError({"tasks": ["A task of another mission."]})
        return attrs

    def _candidate(self, attrs: dict[str, Any]) -> Any:
        return super()._candidate({k: v for k, v in attrs.items() if k != "tasks"})


class PlanActorSerializer(PlanPartSerializer):
    parent_field = "objective"
    actor_name = serializers.CharField(read_only=True)

    class Meta:
        model = m.PlanActor
        fields = (
            "id",
            "mission",
            "sensitivity",
            "objective",
            "role",
            "component",
            "org_unit",
            "partner",
            "actor_name",
            "contribution",
        )


class ExpectedResultSerializer(PlanPartSerializer):
    parent_field = "objective"

    class Meta:
        model = m.ExpectedResult
        fields = ("id", "mission", "sensitivity", "objective", "code", "statement")


class ResultIndicatorSerializer(PlanPartSerializer):
    parent_field = "result"

    class Meta:
        model = m.ResultIndicator
        fields = (
            "id",
            "mission",
            "sensitivity",
            "result",
            "name",
            "level",
            "unit",
            "baseline",
            "target",
            "direction",
            "frequency",
            "source",
        )


class ParallelFrameworkSerializer(MissionScopedSerializer):
    class Meta:
        model = m.ParallelFramework
        fields = (
            "id",
            "mission",
            "sensitivity",
            "kind",
            "name",
            "owner",
            "reference",
            "starts_on",
            "ends_on",
        )


class FrameworkLinkSerializer(PlanPartSerializer):
    parent_field = "objective"

    class Meta:
        model = m.FrameworkLink
        fields = ("id", "mission", "sensitivity", "objective", "framework", "reference")


class ConceptOfOperationsSerializer(MissionScopedSerializer):
    class Meta:
        model = m.ConceptOfOperations
        fields = (
            "id",
            "mission",
            "sensitivity",
            "kind",
            "version",
            "title",
            "summary",
            "changes",
            "issued_on",
            "consultation",
        )
        read_only_fields = fields


class PlanVerdictOverrideSerializer(MissionScopedSerializer):
    decided_by: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )

    class Meta:
        model = m.PlanVerdictOverride
        fields = (
            "id",
            "mission",
            "sensitivity",
            "rule",
            "subject",
            "decision",
            "reason",
            "decided_by",
            "decided_at",
        )
        read_only_fields = fields


class DraftRevisionRequestSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    reason = serializers.CharField(max_length=4000, required=False, allow_blank=True)


class AdoptRevisionRequestSerializer(serializers.Serializer):
    adopted_on = serializers.DateField(required=False)


class IssueConceptRequestSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=m.ConceptKind.choices)
    title = serializers.CharField(max_length=200)
    summary = serializers.CharField(max_length=4000)
    changes = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    issued_on = serializers.DateField()


class OverrideRequestSerializer(serializers.Serializer):
    rule = serializers.CharField(max_length=40)
    subject = serializers.CharField(max_length=200)
    decision = serializers.CharField(max_length=10)
    reason = serializers.CharField(max_length=4000)
