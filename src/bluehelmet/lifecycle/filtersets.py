"""Lifecycle FilterSets, shared by API and pages."""

from __future__ import annotations

import django_filters as df

from bluehelmet.core.filtersets import MissionScopedFilterSet
from bluehelmet.lifecycle.models import PhaseTransition, StartUpMilestone


class PhaseTransitionFilterSet(MissionScopedFilterSet):
    search_fields = ("override_reason",)

    class Meta:
        model = PhaseTransition
        fields = ["mission", "to_phase", "from_phase", "overridden"]


class StartUpMilestoneFilterSet(MissionScopedFilterSet):
    search_fields = ("evidence",)
    achieved_after = df.DateFilter(field_name="achieved_on", lookup_expr="gte")

    class Meta:
        model = StartUpMilestone
        fields = ["mission", "kind"]
