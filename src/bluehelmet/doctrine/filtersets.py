"""FilterSets for the doctrine reference lists (shared by API and pages).

Every list takes ``q``: free text over code, name, summary and citation, so ``?q=consent`` finds
the principle, the glossary terms and the tasks that mention it.
"""

from __future__ import annotations

import django_filters as df
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.filtersets import BaseFilterSet
from bluehelmet.doctrine import models as m

ENTRY_SEARCH: tuple[str, ...] = ("code", "name", "summary", "citation")


class DoctrineEntryFilterSet(BaseFilterSet):
    search_fields: tuple[str, ...] = ENTRY_SEARCH
    citation = df.CharFilter(lookup_expr="icontains", label=_("Citation contains"))


class PrincipleFilterSet(DoctrineEntryFilterSet):
    class Meta:
        model = m.Principle
        fields = ["kind"]


class CoreFunctionFilterSet(DoctrineEntryFilterSet):
    class Meta:
        model = m.CoreFunction
        fields: list[str] = []


class SpectrumActivityFilterSet(DoctrineEntryFilterSet):
    class Meta:
        model = m.SpectrumActivity
        fields: list[str] = []


class TaskCategoryFilterSet(DoctrineEntryFilterSet):
    class Meta:
        model = m.TaskCategory
        fields = ["group"]


class TaskTypeFilterSet(DoctrineEntryFilterSet):
    search_fields = (*ENTRY_SEARCH, "tamm_flag", "category__name")
    category = df.CharFilter(field_name="category__code", label=_("Category (code)"))
    group = df.ChoiceFilter(
        field_name="category__group", choices=m.TaskGroup.choices, label=_("Group")
    )
    core_function = df.CharFilter(field_name="core_function__code", label=_("Core function"))
    tamm = df.BooleanFilter(method="filter_tamm", label=_("Has a TAMM column"))

    class Meta:
        model = m.TaskType
        fields = ["tamm_flag", "cross_cutting_resolution"]

    def filter_tamm(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        return queryset.exclude(tamm_flag="") if value else queryset.filter(tamm_flag="")


class BenchmarkTemplateFilterSet(DoctrineEntryFilterSet):
    class Meta:
        model = m.BenchmarkTemplate
        fields: list[str] = []


class GuidanceSeriesFilterSet(DoctrineEntryFilterSet):
    class Meta:
        model = m.GuidanceSeries
        fields = ["series"]


class GlossaryTermFilterSet(DoctrineEntryFilterSet):
    class Meta:
        model = m.GlossaryTerm
        fields: list[str] = []


class GuidanceDocumentFilterSet(BaseFilterSet):
    """The guidance index (Capstone Annex 1): by series, status, office or cited principle;
    ``?q=`` over title, reference, office and summary; ``?uncited=true`` finds the documents
    below the 1000 series that cite no principle."""

    search_fields = ("title", "reference", "issuing_office", "summary")
    series = df.ModelChoiceFilter(
        queryset=m.GuidanceSeries.objects.all(), to_field_name="series", label=_("Series")
    )
    principle = df.ModelChoiceFilter(
        field_name="principles",
        queryset=m.Principle.objects.all(),
        to_field_name="code",
        label=_("Cites the principle"),
    )
    uncited = df.BooleanFilter(method="filter_uncited", label=_("Subordinate, citing none"))

    class Meta:
        model = m.GuidanceDocument
        fields = ["series", "status", "principle"]

    def filter_uncited(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        uncited = queryset.filter(principles__isnull=True).exclude(series__series=1000)
        return uncited if value else queryset.exclude(pk__in=uncited.values("pk"))
