"""Report API serializers (Capstone §4.3)."""

from __future__ import annotations

from rest_framework import serializers

from bluehelmet.deployment.api.serializers import DeploymentSerializer
from bluehelmet.reports.models import CouncilReport, CouncilReportVersion


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
