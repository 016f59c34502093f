"""Report API serializers (Capstone §4.3)."""

from __future__ import annotations

from django.conf import settings
from rest_framework import serializers

from bluehelmet.core.api.serializers_base import MissionScopedSerializer
from bluehelmet.deployment.api.serializers import DeploymentSerializer
from bluehelmet.reports.models import (
    CouncilReport,
    CouncilReportVersion,
    PeriodicReport,
    PeriodicReportVersion,
    ReportingCalendar,
)


class CouncilReportSerializer(DeploymentSerializer):
    class Meta:
        model = CouncilReport
        fields = (
            "id",
            "assessment",
            "title",
            "symbol",
            "council_needs_to_know",
            "observations",
            "status",
            "cleared_on",
            "sensitivity",
        )
        read_only_fields = ("status", "cleared_on")


class CouncilReportVersionSerializer(DeploymentSerializer):
    assembled_by = serializers.CharField(
        source="assembled_by.username", read_only=True, default=None
    )

    class Meta:
        model = CouncilReportVersion
        fields = ("id", "report", "number", "content", "assembled_by", "created_at", "sensitivity")
        read_only_fields = fields


class PeriodicReportSerializer(MissionScopedSerializer):
    class Meta:
        model = PeriodicReport
        fields = (
            "id",
            "mission",
            "title",
            "symbol",
            "period_start",
            "period_end",
            "language",
            "observations",
            "status",
            "cleared_on",
            "sensitivity",
        )
        read_only_fields = ("status", "cleared_on")


class PeriodicReportVersionSerializer(MissionScopedSerializer):
    assembled_by = serializers.CharField(
        source="assembled_by.username", read_only=True, default=None
    )

    class Meta:
        model = PeriodicReportVersion
        fields = (
            "id",
            "mission",
            "report",
            "number",
            "content",
            "assembled_by",
            "created_at",
            "sensitivity",
        )
        read_only_fields = fields


class ReportingCalendarSerializer(MissionScopedSerializer):
    class Meta:
        model = ReportingCalendar
        fields = (
            "id",
            "mission",
            "resolution",
            "starts_on",
            "cadence_days",
            "notes",
            "sensitivity",
        )


class PeriodicDraftSerializer(serializers.Serializer):
    """A new draft: the mission and the period (default: the last full quarter)."""

    mission = serializers.CharField()
    period_start = serializers.DateField(required=False)
    period_end = serializers.DateField(required=False)
    title = serializers.CharField(required=False, allow_blank=True, default="")
    language = serializers.ChoiceField(
        choices=[code for code, _name in settings.LANGUAGES], required=False, default=""
    )
