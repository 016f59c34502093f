"""Doctrine API serializers: records as JSON, validated by the model's own rules."""

from __future__ import annotations

from rest_framework import serializers

from bluehelmet.doctrine import models as m

ENTRY_FIELDS = ("id", "code", "name", "summary", "citation", "order")


class PrincipleSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = m.Principle
        fields = (*ENTRY_FIELDS, "kind", "kind_display")


class CoreFunctionSerializer(serializers.ModelSerializer):
    class Meta:
        model = m.CoreFunction
        fields = ENTRY_FIELDS


class SpectrumActivitySerializer(serializers.ModelSerializer):
    class Meta:
        model = m.SpectrumActivity
        fields = ENTRY_FIELDS


class TaskCategorySerializer(serializers.ModelSerializer):
    group_display = serializers.CharField(source="get_group_display", read_only=True)

    class Meta:
        model = m.TaskCategory
        fields = (*ENTRY_FIELDS, "group", "group_display")


class TaskTypeSerializer(serializers.ModelSerializer):
    category: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    category_name = serializers.CharField(source="category.name", read_only=True)
    group = serializers.CharField(source="category.group", read_only=True)
    core_function: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        allow_null=True,  # tasks outside the core functions
    )

    class Meta:
        model = m.TaskType
        fields = (
            *ENTRY_FIELDS,
            "category",
            "category_name",
            "group",
            "core_function",
            "tamm_flag",
            "cross_cutting_resolution",
        )


class BenchmarkTemplateSerializer(serializers.ModelSerializer):
    class Meta:
        model = m.BenchmarkTemplate
        fields = ENTRY_FIELDS


class GuidanceSeriesSerializer(serializers.ModelSerializer):
    class Meta:
        model = m.GuidanceSeries
        fields = (*ENTRY_FIELDS, "series")


class GlossaryTermSerializer(serializers.ModelSerializer):
    class Meta:
        model = m.GlossaryTerm
        fields = ENTRY_FIELDS


class GuidanceDocumentSerializer(serializers.ModelSerializer):
    """A document of the guidance index (Capstone Annex 1): series by number, principles by
    code, and the rule's verdict on it."""

    series = serializers.SlugRelatedField(
        slug_field="series", queryset=m.GuidanceSeries.objects.all()
    )
    principles = serializers.SlugRelatedField(
        slug_field="code", many=True, required=False, queryset=m.Principle.objects.all()
    )
    verdict = serializers.SerializerMethodField()

    class Meta:
        model = m.GuidanceDocument
        fields = (
            "id",
            "title",
            "reference",
            "series",
            "issued_on",
            "issuing_office",
            "status",
            "link",
            "file_reference",
            "summary",
            "principles",
            "verdict",
        )

    def get_verdict(self, obj: m.GuidanceDocument) -> dict:
        from bluehelmet.doctrine.index import judge

        return judge(obj).as_dict()
