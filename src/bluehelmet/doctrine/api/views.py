"""Read-only API for the doctrine reference data (Capstone §1.4-§3.2, §10.2, Annexes 1-2).

Every signed-in user with a role may read it (``restrict`` treats reference data as visible to
all); nobody changes the catalogue through the API: it is loaded from ``loader.py``. The
guidance index is the exception: Headquarters roles write it (Capstone Annex 1).
Entries are addressed by their stable code, e.g. ``/api/doctrine/principles/consent/``.
"""

from __future__ import annotations

from bluehelmet.core.api.generic import BaseModelViewSet, BaseReadOnlyViewSet
from bluehelmet.doctrine import filtersets as fs
from bluehelmet.doctrine import models as m
from bluehelmet.doctrine.api.serializers import (
    BenchmarkTemplateSerializer,
    CoreFunctionSerializer,
    GlossaryTermSerializer,
    GuidanceDocumentSerializer,
    GuidanceSeriesSerializer,
    PrincipleSerializer,
    SpectrumActivitySerializer,
    TaskCategorySerializer,
    TaskTypeSerializer,
)


class DoctrineViewSet(BaseReadOnlyViewSet):
    """List and detail by code; ``?q=`` searches code, name, summary and citation."""

    lookup_field = "code"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    ordering_fields: tuple[str, ...] = ("order", "code", "name")


class PrincipleViewSet(DoctrineViewSet):
    queryset = m.Principle.objects.all()
    serializer_class = PrincipleSerializer
    filterset_class = fs.PrincipleFilterSet


class CoreFunctionViewSet(DoctrineViewSet):
    queryset = m.CoreFunction.objects.all()
    serializer_class = CoreFunctionSerializer
    filterset_class = fs.CoreFunctionFilterSet


class SpectrumActivityViewSet(DoctrineViewSet):
    queryset = m.SpectrumActivity.objects.all()
    serializer_class = SpectrumActivitySerializer
    filterset_class = fs.SpectrumActivityFilterSet


class TaskCategoryViewSet(DoctrineViewSet):
    queryset = m.TaskCategory.objects.all()
    serializer_class = TaskCategorySerializer
    filterset_class = fs.TaskCategoryFilterSet


class TaskTypeViewSet(DoctrineViewSet):
    queryset = m.TaskType.objects.select_related("category", "core_function")
    serializer_class = TaskTypeSerializer
    filterset_class = fs.TaskTypeFilterSet
    ordering_fields = (*DoctrineViewSet.ordering_fields, "tamm_flag")


class BenchmarkTemplateViewSet(DoctrineViewSet):
    queryset = m.BenchmarkTemplate.objects.all()
    serializer_class = BenchmarkTemplateSerializer
    filterset_class = fs.BenchmarkTemplateFilterSet


class GuidanceSeriesViewSet(DoctrineViewSet):
    queryset = m.GuidanceSeries.objects.all()
    serializer_class = GuidanceSeriesSerializer
    filterset_class = fs.GuidanceSeriesFilterSet
    ordering_fields = (*DoctrineViewSet.ordering_fields, "series")


class GlossaryTermViewSet(DoctrineViewSet):
    queryset = m.GlossaryTerm.objects.all()
    serializer_class = GlossaryTermSerializer
    filterset_class = fs.GlossaryTermFilterSet


class GuidanceDocumentViewSet(BaseModelViewSet):
    """The guidance index (Capstone Annex 1): read by all, written by Headquarters only (the
    permission check treats it as reference data); ``?q=``, ``?series=``, ``?uncited=true``."""

    queryset = m.GuidanceDocument.objects.select_related("series").prefetch_related("principles")
    serializer_class = GuidanceDocumentSerializer
    filterset_class = fs.GuidanceDocumentFilterSet
