"""Benchmark API serializers: records as JSON, validated by the model's own rules.

Indicators and observations take their mission from their parent (benchmark, indicator): the
caller must be allowed to write in that mission.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from bluehelmet.benchmarks import models as m
from bluehelmet.benchmarks.lessons import visible_links
from bluehelmet.benchmarks.models.benchmarks import unknown_computation
from bluehelmet.core.api.serializers_base import MissionScopedSerializer, ParentScopedSerializer
from bluehelmet.core.registry import registry
from bluehelmet.doctrine.models import TaskCategory


class ChildSerializer(ParentScopedSerializer):
    """A record whose mission is its parent's (``parent_field``)."""

    parent_field = "benchmark"
    parent_refusal = "You may not change the benchmarks of this mission."


class BenchmarkSerializer(MissionScopedSerializer):
    class Meta:
        model = m.Benchmark
        fields = (
            "id",
            "mission",
            "sensitivity",
            "code",
            "title",
            "area",
            "template",
            "statement",
            "target_date",
        )


class IndicatorSerializer(ChildSerializer):
    """``computation``: the code of an indicator source of ``core.registry`` (or ``""``), the
    choices read from the registry for each request, so sources of other apps are offered."""

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        codes = [(s.code, str(s.label)) for s in registry.indicator_sources()]
        fields["computation"] = serializers.ChoiceField(
            choices=codes,
            required=False,
            allow_blank=True,
            help_text="The code of an indicator source (a figure computed from the mission's "
            "records), or empty for an indicator that is observed, not computed.",
            error_messages={"invalid_choice": unknown_computation("{input}")},
        )
        return fields

    class Meta:
        model = m.Indicator
        fields = (
            "id",
            "mission",
            "sensitivity",
            "benchmark",
            "name",
            "plan_indicator",
            "level",
            "unit",
            "baseline",
            "target",
            "threshold",
            "direction",
            "computation",
            "admin1",
        )


class ObservationSerializer(ChildSerializer):
    parent_field = "indicator"

    class Meta:
        model = m.Observation
        fields = (
            "id",
            "mission",
            "sensitivity",
            "indicator",
            "observed_on",
            "value",
            "source_kind",
            "source_name",
            "independent",
            "note",
            "query",
        )
        read_only_fields = ("query",)


class ReadinessAssessmentSerializer(MissionScopedSerializer):
    assessed_by: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )

    class Meta:
        model = m.ReadinessAssessment
        fields = (
            "id",
            "mission",
            "sensitivity",
            "area",
            "admin1",
            "level",
            "assessed_on",
            "rationale",
            "assessed_by",
        )


class BenchmarkVerdictOverrideSerializer(MissionScopedSerializer):
    decided_by: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )

    class Meta:
        model = m.BenchmarkVerdictOverride
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


class ComputeRequestSerializer(serializers.Serializer):
    observed_on = serializers.DateField(required=False)


class AdoptPlanIndicatorRequestSerializer(serializers.Serializer):
    plan_indicator = serializers.IntegerField()


class OverrideRequestSerializer(serializers.Serializer):
    rule = serializers.CharField(max_length=40)
    subject = serializers.CharField(max_length=200)
    decision = serializers.CharField(max_length=10)
    reason = serializers.CharField(max_length=4000)


class LessonLearnedSerializer(MissionScopedSerializer):
    author: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )
    about = serializers.SerializerMethodField()
    areas = serializers.SlugRelatedField(
        slug_field="code", many=True, required=False, queryset=TaskCategory.objects.all()
    )

    class Meta:
        model = m.LessonLearned
        fields = (
            "id",
            "mission",
            "sensitivity",
            "kind",
            "title",
            "written_on",
            "author",
            "summary",
            "worked",
            "change",
            "areas",
            "about",
        )

    def _candidate(self, attrs: dict[str, Any]) -> Any:
        # The areas are a many-to-many set, saved after the row; the model's checks ignore them.
        return super()._candidate({k: v for k, v in attrs.items() if k != "areas"})

    def get_about(self, obj: m.LessonLearned) -> list[dict[str, Any]]:
        return visible_links(obj, self.context["request"].user)


class LinkLessonRequestSerializer(serializers.Serializer):
    record = serializers.CharField(max_length=120, help_text="<app>.<model>:<id>")
