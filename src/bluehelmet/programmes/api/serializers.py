"""Programme API serializers: records as JSON, validated by the model's own rules.

A human rights case's victims' identities are in its detail only: the list serializer leaves
them out, so no list, page of results or search answer carries a name (Capstone §7.2)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from bluehelmet.core.api.serializers_base import MissionScopedSerializer
from bluehelmet.programmes import models as m
from bluehelmet.programmes.hr_access import sees_hr_cases

CASE_FIELDS = (
    "id",
    "mission",
    "sensitivity",
    "reference",
    "summary",
    "violation_type",
    "occurred_on",
    "admin1",
    "perpetrator",
    "victims_count",
    "victims_female",
    "victims_children",
    "verification",
    "follow_up",
    "follow_up_notes",
)


class HumanRightsCaseListSerializer(MissionScopedSerializer):
    class Meta:
        model = m.HumanRightsCase
        fields = CASE_FIELDS


class HumanRightsCaseSerializer(MissionScopedSerializer):
    class Meta:
        model = m.HumanRightsCase
        fields = (*CASE_FIELDS, "victim_identities")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # Clearance is not enough to write a case: a human rights case role in its mission.
        mission = attrs.get("mission") or getattr(self.instance, "mission", None)
        if mission is not None and not sees_hr_cases(self.context["request"].user, mission.pk):
            raise serializers.ValidationError(
                {"mission": ["You do not handle human rights cases in this mission."]}
            )
        return super().validate(attrs)


class DdrSiteSerializer(MissionScopedSerializer):
    class Meta:
        model = m.DdrSite
        fields = (
            "id",
            "mission",
            "sensitivity",
            "name",
            "kind",
            "admin1",
            "latitude",
            "longitude",
            "capacity",
            "occupancy",
            "opened_on",
        )


class DdrParticipantSerializer(MissionScopedSerializer):
    class Meta:
        model = m.DdrParticipant
        fields = (
            "id",
            "mission",
            "sensitivity",
            "registration_number",
            "armed_group",
            "sex",
            "age_group",
            "registered_at",
            "site",
            "referred_at",
            "referred_to",
            "status",
        )
        read_only_fields = ("referred_at", "referred_to")


class WeaponCollectionSerializer(MissionScopedSerializer):
    weapons_gap = serializers.IntegerField(read_only=True)

    class Meta:
        model = m.WeaponCollection
        fields = (
            "id",
            "mission",
            "sensitivity",
            "collected_on",
            "site",
            "armed_group",
            "weapons_collected",
            "weapons_destroyed",
            "weapons_gap",
            "ammunition_collected",
            "ammunition_destroyed",
            "stored_at",
        )


class HazardAreaSerializer(MissionScopedSerializer):
    incidents = serializers.SerializerMethodField()

    class Meta:
        model = m.HazardArea
        fields = (
            "id",
            "mission",
            "sensitivity",
            "code",
            "name",
            "hazard_type",
            "status",
            "admin1",
            "geometry",
            "area_m2",
            "surveyed_m2",
            "cleared_m2",
            "released_m2",
            "incidents",
        )

    def get_incidents(self, obj: m.HazardArea) -> list[int]:
        """The linked incidents the caller may see (an incident may be more sensitive)."""
        user = self.context["request"].user
        return list(obj.incidents.restrict(user).values_list("pk", flat=True))


class QuickImpactProjectSerializer(MissionScopedSerializer):
    approved_by: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )

    class Meta:
        model = m.QuickImpactProject
        fields = (
            "id",
            "mission",
            "sensitivity",
            "title",
            "description",
            "admin1",
            "location",
            "budget_usd",
            "beneficiaries",
            "implementing_partner",
            "community_consulted",
            "humanitarian_coordination",
            "status",
            "approved_by",
            "approved_on",
            "completed_on",
            "handed_over_to",
            "handed_over_on",
        )
        read_only_fields = (
            "status",
            "approved_on",
            "completed_on",
            "handed_over_to",
            "handed_over_on",
        )


class ProgrammeVerdictOverrideSerializer(MissionScopedSerializer):
    decided_by: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )

    class Meta:
        model = m.ProgrammeVerdictOverride
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


class OverrideRequestSerializer(serializers.Serializer):
    rule = serializers.CharField(max_length=40)
    subject = serializers.CharField(max_length=200)
    decision = serializers.CharField(max_length=10)
    reason = serializers.CharField(max_length=4000)


class HandOverRequestSerializer(serializers.Serializer):
    to = serializers.CharField(max_length=200)


class ReferRequestSerializer(serializers.Serializer):
    partner = serializers.IntegerField(required=False)


class ElectoralEventSerializer(MissionScopedSerializer):
    class Meta:
        model = m.ElectoralEvent
        fields = (
            "id",
            "mission",
            "sensitivity",
            "title",
            "kind",
            "starts_on",
            "ends_on",
            "completed_on",
            "notes",
        )


class PollingCentreSerializer(MissionScopedSerializer):
    class Meta:
        model = m.PollingCentre
        fields = (
            "id",
            "mission",
            "sensitivity",
            "code",
            "name",
            "admin1",
            "latitude",
            "longitude",
            "registered_voters",
            "polling_stations",
            "logistics_needs",
        )


class StatePresenceSerializer(MissionScopedSerializer):
    class Meta:
        model = m.StatePresence
        fields = (
            "id",
            "mission",
            "sensitivity",
            "admin1",
            "service",
            "observed_on",
            "present",
            "officials",
            "note",
        )


class RuleOfLawInstitutionSerializer(MissionScopedSerializer):
    class Meta:
        model = m.RuleOfLawInstitution
        fields = ("id", "mission", "sensitivity", "name", "kind", "admin1")


class SsrActivitySerializer(MissionScopedSerializer):
    class Meta:
        model = m.SsrActivity
        fields = (
            "id",
            "mission",
            "sensitivity",
            "institution",
            "reported_on",
            "status",
            "personnel",
            "personnel_trained",
            "personnel_vetted",
            "prison_population",
            "pretrial_detainees",
        )
