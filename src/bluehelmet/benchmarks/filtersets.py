"""Benchmark FilterSets shared by the API and the list pages (Capstone §10.2)."""

from __future__ import annotations

from typing import Any

import django_filters as df
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from bluehelmet.benchmarks import computed
from bluehelmet.benchmarks import models as m
from bluehelmet.core.filtersets import MissionScopedFilterSet
from bluehelmet.doctrine.models import TaskCategory


class BenchmarkFilterSet(MissionScopedFilterSet):
    search_fields = ("code", "title", "statement")

    class Meta:
        model = m.Benchmark
        fields = ["mission", "area", "template"]


class IndicatorFilterSet(MissionScopedFilterSet):
    search_fields = ("name", "unit", "admin1")
    area = df.ChoiceFilter(field_name="benchmark__area", choices=m.BenchmarkArea.choices)
    # The indicator sources registered (``core.registry``), read when the filter is built.
    computation = df.ChoiceFilter(label=_("Computed from"), choices=computed.source_groups)

    class Meta:
        model = m.Indicator
        fields = ["mission", "benchmark", "level", "direction", "computation", "plan_indicator"]


class ObservationFilterSet(MissionScopedFilterSet):
    search_fields = ("source_name", "note")
    observed_after = df.DateFilter(field_name="observed_on", lookup_expr="gte")
    observed_before = df.DateFilter(field_name="observed_on", lookup_expr="lte")
    benchmark = df.NumberFilter(field_name="indicator__benchmark")

    class Meta:
        model = m.Observation
        fields = ["mission", "indicator", "source_kind", "independent"]


class ReadinessAssessmentFilterSet(MissionScopedFilterSet):
    search_fields = ("rationale", "admin1")

    class Meta:
        model = m.ReadinessAssessment
        fields = ["mission", "area", "admin1", "level"]


class BenchmarkVerdictOverrideFilterSet(MissionScopedFilterSet):
    search_fields = ("reason", "subject")

    class Meta:
        model = m.BenchmarkVerdictOverride
        fields = ["mission", "rule", "decision"]


class LessonLearnedFilterSet(MissionScopedFilterSet):
    """``?q=`` searches the text; ``?about=<app>.<model>:<id>`` finds the lessons on a record;
    ``?area=<task category code>`` those tagged with a doctrine area."""

    search_fields = ("title", "summary", "worked", "change")
    about = df.CharFilter(method="filter_about", label=_("About the record"))
    area = df.ModelChoiceFilter(
        field_name="areas",
        queryset=TaskCategory.objects.all(),
        to_field_name="code",
        label=_("Doctrine area"),
    )
    written_after = df.DateFilter(field_name="written_on", lookup_expr="gte")

    class Meta:
        model = m.LessonLearned
        fields = ["mission", "kind", "author"]

    def filter_about(self, queryset: Any, name: str, value: str) -> Any:
        label, _sep, number = value.partition(":")
        app_label, _dot, model = label.partition(".")
        kind = ContentType.objects.filter(app_label=app_label, model=model.lower()).first()
        if kind is None or not number.isdigit():
            return queryset.none()
        return queryset.filter(links__content_type=kind, links__object_id=int(number)).distinct()
