"""Planning FilterSets shared by the API and the list pages (Capstone §5.1-5.2, §4.3)."""

from __future__ import annotations

import django_filters as df
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.filtersets import MissionScopedFilterSet
from bluehelmet.planning import models as m


class PlanRevisionFilterSet(MissionScopedFilterSet):
    search_fields = ("title", "reason")

    class Meta:
        model = m.PlanRevision
        fields = ["mission", "status", "number"]


class PlanReviewFilterSet(MissionScopedFilterSet):
    open = df.BooleanFilter(field_name="closed_on", lookup_expr="isnull", label=_("Open"))

    class Meta:
        model = m.PlanReview
        fields = ["mission", "mandate"]


class StrategicObjectiveFilterSet(MissionScopedFilterSet):
    search_fields = ("code", "title", "statement")
    task_type = df.CharFilter(field_name="tasks__task_type__code", distinct=True)

    class Meta:
        model = m.StrategicObjective
        fields = ["mission", "revision", "line", "modality", "code"]


class PlanActorFilterSet(MissionScopedFilterSet):
    search_fields = ("contribution",)
    revision = df.NumberFilter(field_name="objective__revision")

    class Meta:
        model = m.PlanActor
        fields = ["mission", "objective", "role", "component", "org_unit", "partner"]


class ExpectedResultFilterSet(MissionScopedFilterSet):
    search_fields = ("code", "statement")
    revision = df.NumberFilter(field_name="objective__revision")

    class Meta:
        model = m.ExpectedResult
        fields = ["mission", "objective"]


class ResultIndicatorFilterSet(MissionScopedFilterSet):
    search_fields = ("name", "source", "unit")
    revision = df.NumberFilter(field_name="result__objective__revision")
    objective = df.NumberFilter(field_name="result__objective")

    class Meta:
        model = m.ResultIndicator
        fields = ["mission", "result", "level", "direction", "frequency"]


class ParallelFrameworkFilterSet(MissionScopedFilterSet):
    search_fields = ("name", "owner", "reference")

    class Meta:
        model = m.ParallelFramework
        fields = ["mission", "kind"]


class FrameworkLinkFilterSet(MissionScopedFilterSet):
    search_fields = ("reference",)

    class Meta:
        model = m.FrameworkLink
        fields = ["mission", "objective", "framework"]


class ConceptOfOperationsFilterSet(MissionScopedFilterSet):
    search_fields = ("title", "summary", "changes")

    class Meta:
        model = m.ConceptOfOperations
        fields = ["mission", "kind", "version"]


class PlanVerdictOverrideFilterSet(MissionScopedFilterSet):
    search_fields = ("reason", "subject")

    class Meta:
        model = m.PlanVerdictOverride
        fields = ["mission", "rule", "decision"]
