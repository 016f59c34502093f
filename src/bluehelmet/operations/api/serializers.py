"""API serializers for the JOC entities (shared behaviour in core.api.serializers_base)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from bluehelmet.core.api.fields import MissionCodeField
from bluehelmet.core.api.serializers_base import BaseModelSerializer, MissionScopedSerializer
from bluehelmet.core.permissions import Action, sees_sources, user_can
from bluehelmet.operations import models as m
from bluehelmet.operations.geo import cell_label

SCOPED = ("id", "mission", "sensitivity", "created_at", "updated_at")
# How the mission learnt of an incident, withheld from a partner-safe role (Capstone §7.2), as
# the partner export does: optional fields are left out, required ones blanked.
PARTNER_LEFT_OUT = ("source", "source_reference", "reliability", "credibility", "org_unit")
PARTNER_BLANKED: dict[str, Any] = {"source_name": "", "source_dataset": "", "duplicates": []}


def _user(serializer: serializers.Serializer) -> Any:
    request = serializer.context.get("request")
    return getattr(request, "user", None)


def _visible(user: Any, incident: m.Incident | None) -> bool:
    return incident is not None and user_can(
        user, Action.VIEW, incident.mission_id, incident.sensitivity
    )


class IncidentCategorySerializer(BaseModelSerializer):
    class Meta:
        model = m.IncidentCategory
        fields = (
            "id",
            "code",
            "name",
            "group",
            "description",
            "acled_event_type",
            "acled_sub_event_type",
            "ged_type_of_violence",
            "acled_in",
        )


class IncidentSourceSerializer(MissionScopedSerializer):
    class Meta:
        model = m.IncidentSource
        fields = (*SCOPED, "name", "kind", "reliability", "description")


class VerificationSerializer(serializers.ModelSerializer):
    by: Any = serializers.SlugRelatedField(slug_field="username", read_only=True)
    status = serializers.CharField(read_only=True)
    previous_status = serializers.CharField(read_only=True)

    class Meta:
        model = m.IncidentVerification
        fields = ("time", "previous_status", "status", "note", "by")


class IncidentSerializer(MissionScopedSerializer):
    category = serializers.SlugRelatedField(
        slug_field="code", queryset=m.IncidentCategory.objects.all()
    )
    source_name = serializers.SerializerMethodField()
    h3_r5 = serializers.SerializerMethodField()
    h3_r7 = serializers.SerializerMethodField()

    class Meta:
        model = m.Incident
        fields = (
            *SCOPED,
            "title",
            "description",
            "category",
            "occurred_at",
            "occurred_until",
            "date_precision",
            "reported_at",
            "latitude",
            "longitude",
            "location_precision",
            "location_name",
            "admin1",
            "admin2",
            "org_unit",
            "actor1",
            "actor2",
            *m.COUNT_FIELDS,
            "killed_low",
            "killed_high",
            "source",
            "source_name",
            "source_reference",
            "reliability",
            "credibility",
            "verification_status",
            "duplicate_of",
            "source_dataset",
            "external_id",
            "h3_r5",
            "h3_r7",
        )
        read_only_fields = ("verification_status", "source_dataset", "external_id")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        source = attrs.get("source")
        if source is not None and "reliability" not in attrs and self.instance is None:
            attrs["reliability"] = source.reliability  # the source's usual grade by default
        return super().validate(attrs)

    def to_representation(self, instance: m.Incident) -> dict[str, Any]:
        data = super().to_representation(instance)
        user = _user(self)
        if user is None:  # no caller to withhold from (used outside a request)
            return data
        if "duplicate_of" in data and not _visible(user, instance.duplicate_of):
            data["duplicate_of"] = None  # the id of a record the caller may not see is withheld
        if not sees_sources(user, instance.mission_id):
            for name in (*PARTNER_LEFT_OUT, "duplicate_of"):
                data.pop(name, None)
            data.update({k: v for k, v in PARTNER_BLANKED.items() if k in data})
        return data

    def get_source_name(self, obj: m.Incident) -> str:
        """The source's name only for callers cleared for the source's own classification."""
        source = obj.source
        if source is None:
            return ""
        user = self.context["request"].user if "request" in self.context else None
        return (
            source.name
            if user_can(user, Action.VIEW, source.mission_id, source.sensitivity)
            else ""
        )

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_h3_r5(self, obj: m.Incident) -> str | None:
        return cell_label(obj.h3_r5) if obj.h3_r5 is not None else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_h3_r7(self, obj: m.Incident) -> str | None:
        return cell_label(obj.h3_r7) if obj.h3_r7 is not None else None


class IncidentDetailSerializer(IncidentSerializer):
    verifications = VerificationSerializer(many=True, read_only=True)
    duplicates = serializers.SerializerMethodField()

    class Meta(IncidentSerializer.Meta):
        fields = (*IncidentSerializer.Meta.fields, "verifications", "duplicates")  # type: ignore[assignment]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_duplicates(self, obj: m.Incident) -> list[int]:
        """Only the reports the caller may see: an id would reveal a record above them."""
        user = _user(self)
        return [d.pk for d in obj.duplicates.all() if _visible(user, d)]


class VerifyRequestSerializer(serializers.Serializer):
    verification_status = serializers.ChoiceField(choices=m.VerificationStatus.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=4000)


class SituationReportSerializer(MissionScopedSerializer):
    incidents: Any = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    published_by: Any = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = m.SituationReport
        fields = (
            *SCOPED,
            "org_unit",
            "report_date",
            "period_start",
            "period_end",
            "narrative",
            "status",
            "published_at",
            "published_by",
            "incidents",
        )
        read_only_fields = ("status", "published_at")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None and self.instance.status != m.ReportStatus.DRAFT:
            raise serializers.ValidationError(
                {"status": ["A published report is final; write the next one instead."]}
            )
        return super().validate(attrs)


class FlashReportSerializer(MissionScopedSerializer):
    class Meta:
        model = m.FlashReport
        fields = (
            *SCOPED,
            "org_unit",
            "incident",
            "title",
            "summary",
            "status",
            "issued_at",
        )
        read_only_fields = ("status", "issued_at")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None and self.instance.status != m.FlashStatus.DRAFT:
            raise serializers.ValidationError({"status": ["An issued flash report is final."]})
        return super().validate(attrs)


class CrisisSerializer(MissionScopedSerializer):
    open_tasks = serializers.SerializerMethodField()

    class Meta:
        model = m.Crisis
        fields = (
            *SCOPED,
            "title",
            "description",
            "status",
            "opened_at",
            "closed_at",
            "incidents",
            "open_tasks",
        )
        read_only_fields = ("status", "closed_at")

    def get_open_tasks(self, obj: m.Crisis) -> int:
        return sum(1 for t in obj.tasks.all() if t.status in {"todo", "in_progress"})

    def _candidate(self, attrs: dict[str, Any]) -> Any:
        return super()._candidate({k: v for k, v in attrs.items() if k != "incidents"})


class CrisisCloseSerializer(serializers.Serializer):
    summary = serializers.CharField(required=False, allow_blank=True, max_length=4000)


class CrisisChildSerializer(MissionScopedSerializer):
    """Log entries and tasks take their mission from the crisis when it is not given."""

    mission = MissionCodeField(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        crisis = attrs.get("crisis") or getattr(self.instance, "crisis", None)
        if crisis is not None and "mission" not in attrs and self.instance is None:
            attrs["mission"] = crisis.mission
            attrs.setdefault("sensitivity", crisis.sensitivity)
        if self.instance is None and "mission" not in attrs:
            raise serializers.ValidationError({"crisis": ["Name the crisis."]})
        return super().validate(attrs)


class CrisisLogEntrySerializer(CrisisChildSerializer):
    author: Any = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = m.CrisisLogEntry
        fields = (*SCOPED, "crisis", "logged_at", "kind", "text", "author")


class CrisisTaskSerializer(CrisisChildSerializer):
    class Meta:
        model = m.CrisisTask
        fields = (
            *SCOPED,
            "crisis",
            "title",
            "details",
            "assigned_to",
            "assignee",
            "due_at",
            "status",
            "completed_at",
        )
        read_only_fields = ("completed_at",)
