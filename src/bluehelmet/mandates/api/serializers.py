"""Mandates API serializers: records as JSON, validated by the model's own rules."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from bluehelmet.core.api.serializers_base import BaseModelSerializer, MissionScopedSerializer
from bluehelmet.core.models import ContributingCountry
from bluehelmet.mandates import models as m


class ResolutionSerializer(BaseModelSerializer):
    class Meta:
        model = m.Resolution
        fields = ("id", "number", "adopted_on", "chapter_vii", "title", "text_reference", "source")


class MandatedTaskSerializer(MissionScopedSerializer):
    mission = serializers.SlugRelatedField(slug_field="code", read_only=True)  # type: ignore[assignment,var-annotated]
    task_type: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    task_name = serializers.CharField(source="task_type.name", read_only=True)
    version = serializers.IntegerField(source="mandate.version", read_only=True)

    class Meta:
        model = m.MandatedTask
        fields = (
            "id",
            "mission",
            "sensitivity",
            "mandate",
            "version",
            "task_type",
            "task_name",
            "wording",
            "priority",
        )
        read_only_fields = ("mandate",)


class MandateSerializer(MissionScopedSerializer):
    resolution: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="number", read_only=True
    )
    task_codes = serializers.SerializerMethodField()

    class Meta:
        model = m.Mandate
        fields = (
            "id",
            "mission",
            "sensitivity",
            "version",
            "resolution",
            "effective_from",
            "effective_to",
            "chapter_vii",
            "all_necessary_means",
            "summary",
            "diff",
            "source",
            "task_codes",
        )
        read_only_fields = fields

    def get_task_codes(self, obj: m.Mandate) -> list[str]:
        return sorted(t.task_type.code for t in obj.tasks.all())


class StrengthSerializer(MissionScopedSerializer):
    class Meta:
        model = m.DeployedStrength
        fields = (
            "id",
            "mission",
            "sensitivity",
            "month",
            "troops",
            "police",
            "military_observers",
            "civilians",
            "source",
        )


class AuthorisedStrengthSerializer(MissionScopedSerializer):
    resolution = serializers.SlugRelatedField(
        slug_field="number", allow_null=True, required=False, queryset=m.Resolution.objects.all()
    )

    class Meta:
        model = m.AuthorisedStrength
        fields = (
            "id",
            "mission",
            "sensitivity",
            "resolution",
            "effective_from",
            "effective_to",
            "troops",
            "police",
            "military_observers",
            "civilians",
            "source",
        )


class ConsultationSerializer(MissionScopedSerializer):
    countries = serializers.SlugRelatedField(
        slug_field="iso3", many=True, required=False, queryset=ContributingCountry.objects.all()
    )
    status = serializers.CharField(read_only=True)

    class Meta:
        model = m.Consultation
        fields = (
            "id",
            "mission",
            "sensitivity",
            "trigger",
            "due_on",
            "held_on",
            "status",
            "countries",
            "summary",
            "reason",
            "mandate",
        )
        read_only_fields = ("mandate",)

    def _candidate(self, attrs: dict[str, Any]) -> Any:
        return super()._candidate({k: v for k, v in attrs.items() if k != "countries"})


class MandateChangeRequestSerializer(serializers.Serializer):
    resolution = serializers.IntegerField(required=False, min_value=1)
    basis_reference = serializers.CharField(required=False, allow_blank=True, max_length=100)
    effective_from = serializers.DateField()
    tasks = serializers.ListField(child=serializers.CharField(max_length=60), allow_empty=False)
    priority_tasks = serializers.ListField(
        child=serializers.CharField(max_length=60), required=False
    )
    chapter_vii = serializers.BooleanField(required=False, allow_null=True, default=None)
    all_necessary_means = serializers.BooleanField(required=False, default=False)
    summary = serializers.CharField(required=False, allow_blank=True, max_length=4000)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("resolution") and not attrs.get("basis_reference"):
            raise ValidationError(
                {"resolution": [_("Give the resolution number or another basis.")]}
            )
        return attrs
