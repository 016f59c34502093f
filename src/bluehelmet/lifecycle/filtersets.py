"""Lifecycle FilterSets, shared by API and pages."""

from __future__ import annotations

import django_filters as df
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.filtersets import MissionScopedFilterSet
from bluehelmet.lifecycle.models import (
    AssetDisposal,
    DrawdownStep,
    HandoverItem,
    PhaseTransition,
    StartUpMilestone,
)


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


class HandoverItemFilterSet(MissionScopedFilterSet):
    search_fields = ("responsibility", "receiver", "conditions", "admin1")

    class Meta:
        model = HandoverItem
        fields = ["mission", "receiver_kind", "status", "admin1", "task"]


class AssetDisposalFilterSet(MissionScopedFilterSet):
    search_fields = ("asset", "recipient")

    class Meta:
        model = AssetDisposal
        fields = ["mission", "category", "method", "status"]


class DrawdownStepFilterSet(MissionScopedFilterSet):
    search_fields = ("notes", "contingent__name", "org_unit__name")
    completed = df.BooleanFilter(
        field_name="completed_on", lookup_expr="isnull", exclude=True, label=_("Completed")
    )
    planned_before = df.DateFilter(field_name="planned_on", lookup_expr="lte")

    class Meta:
        model = DrawdownStep
        fields = ["mission", "kind", "contingent", "org_unit"]
