"""JMAC serializers: the model's own ``clean`` runs on every write (400 with messages)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from bluehelmet.analysis import actions as act
from bluehelmet.analysis import models as m
from bluehelmet.core.api.fields import RestrictedRelatedField
from bluehelmet.core.api.serializers_base import MissionScopedSerializer
from bluehelmet.operations.models import Incident

COMMON = ("id", "mission", "sensitivity")


class AliasListField(serializers.ListField):
    """Aliases as a JSON list; stored one a line."""

    child = serializers.CharField(max_length=200)

    def to_representation(self, data: Any) -> list[str]:
        return m.split_aliases(data or "")

    def to_internal_value(self, data: Any) -> str:  # type: ignore[override]
        values = super().to_internal_value(data)
        return "\n".join(m.split_aliases("\n".join(values)))


class ActorSerializer(MissionScopedSerializer):
    aliases = AliasListField(required=False)
    is_spoiler = serializers.BooleanField(read_only=True)

    class Meta:
        model = m.Actor
        fields = (
            *COMMON,
            "name",
            "short_name",
            "kind",
            "signatory",
            "spoiler_assessment",
            "spoiler_rationale",
            "is_spoiler",
            "party",
            "aliases",
            "ucdp_actor_id",
            "acled_actor",
            "description",
        )


class CitationSerializer(serializers.ModelSerializer):
    category: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = Incident
        fields = ("id", "title", "occurred_at", "admin1", "category", "killed")
        read_only_fields = fields


class ThreatAssessmentSerializer(MissionScopedSerializer):
    """``cited_incidents`` takes incident ids; only those the caller may see are shown back."""

    # Restricted: an id the caller may not see is refused like one that does not exist.
    cited_incidents = RestrictedRelatedField(
        many=True, queryset=Incident.objects.all(), required=False
    )
    citations = serializers.SerializerMethodField()
    author: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )
    reviewer: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )

    class Meta:
        model = m.ThreatAssessment
        fields = (
            *COMMON,
            *m.ASSESSMENT_CONTENT_FIELDS,
            "cited_incidents",
            "citations",
            "author",
            "status",
            "submitted_at",
            "reviewer",
            "reviewed_at",
            "review_reason",
        )
        read_only_fields = ("status", "submitted_at", "reviewed_at", "review_reason")

    def _visible_citations(self, obj: m.ThreatAssessment) -> list[Incident]:
        user = self.context["request"].user
        return list(
            obj.cited_incidents.restrict(user)
            .select_related("category")
            .order_by("occurred_at", "id")
        )

    def to_representation(self, instance: m.ThreatAssessment) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["cited_incidents"] = [i.pk for i in self._visible_citations(instance)]
        return data

    def get_citations(self, obj: m.ThreatAssessment) -> list[dict[str, Any]]:
        return CitationSerializer(self._visible_citations(obj), many=True).data  # type: ignore[return-value]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        cited = attrs.pop("cited_incidents", None)
        attrs = super().validate(attrs)
        if cited is not None:
            candidate: Any = self._candidate(attrs)
            user = self.context["request"].user
            author = getattr(self.instance, "author", None) or user
            errors = act.citation_errors(candidate, cited, [user, author])
            if errors:
                raise serializers.ValidationError({"cited_incidents": errors})
            attrs["cited_incidents"] = cited
        return attrs


class ReviewSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=4000, required=False, allow_blank=True)
