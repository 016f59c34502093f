"""Report FilterSets shared by API and pages."""

from __future__ import annotations

import django_filters as df
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.filtersets import MissionScopedFilterSet
from bluehelmet.deployment.filtersets import DeploymentFilterSet
from bluehelmet.reports.models import (
    CouncilReport,
    CouncilReportVersion,
    PeriodicReport,
    PeriodicReportVersion,
    ReportingCalendar,
)


class CouncilReportFilterSet(DeploymentFilterSet):
    search_fields = ("title", "symbol")

    class Meta:
        model = CouncilReport
        fields = ["assessment", "status"]


class CouncilReportVersionFilterSet(DeploymentFilterSet):
    class Meta:
        model = CouncilReportVersion
        fields = ["report", "number"]


class PeriodicReportFilterSet(MissionScopedFilterSet):
    search_fields = ("title", "symbol", "observations")
    period_after = df.DateFilter(
        field_name="period_end", lookup_expr="gte", label=_("Period to, from")
    )
    period_before = df.DateFilter(
        field_name="period_start", lookup_expr="lte", label=_("Period from, until")
    )

    class Meta:
        model = PeriodicReport
        fields = ["mission", "status"]


class PeriodicReportVersionFilterSet(MissionScopedFilterSet):
    class Meta:
        model = PeriodicReportVersion
        fields = ["mission", "report", "number"]


class ReportingCalendarFilterSet(MissionScopedFilterSet):
    search_fields = ("notes",)

    class Meta:
        model = ReportingCalendar
        fields = ["mission", "resolution"]
