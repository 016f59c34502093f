"""Report FilterSets shared by API and pages."""

from __future__ import annotations

from bluehelmet.deployment.filtersets import DeploymentFilterSet
from bluehelmet.reports.models import CouncilReport, CouncilReportVersion


class CouncilReportFilterSet(DeploymentFilterSet):
    search_fields = ("title", "symbol")

    class Meta:
        model = CouncilReport
        fields = ["assessment", "status"]


class CouncilReportVersionFilterSet(DeploymentFilterSet):
    class Meta:
        model = CouncilReportVersion
        fields = ["report", "number"]
