"""Report API (Capstone §4.3): reports, their versions, assemble and clear."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from bluehelmet.core.api.generic import BaseModelViewSet, BaseReadOnlyViewSet
from bluehelmet.core.permissions import Action
from bluehelmet.reports import actions
from bluehelmet.reports.api.serializers import (
    CouncilReportSerializer,
    CouncilReportVersionSerializer,
)
from bluehelmet.reports.filtersets import CouncilReportFilterSet, CouncilReportVersionFilterSet
from bluehelmet.reports.models import CouncilReport, CouncilReportVersion


class CouncilReportViewSet(BaseModelViewSet):
    """A cleared report is frozen: edits are refused by the model, versions by the action."""

    queryset = CouncilReport.objects.select_related("assessment")
    serializer_class = CouncilReportSerializer
    filterset_class = CouncilReportFilterSet

    def _changeable(self, request: Any, pk: Any) -> CouncilReport:
        return get_object_or_404(CouncilReport.objects.restrict(request.user, Action.CHANGE), pk=pk)

    @extend_schema(request=None, responses=CouncilReportVersionSerializer)
    @action(detail=True, methods=["post"])
    def assemble(self, request: Any, pk: Any = None) -> Response:
        version = actions.do_assemble_council_report(
            self._changeable(request, pk), acting_user=request.user
        )
        context = self.get_serializer_context()
        return Response(CouncilReportVersionSerializer(version, context=context).data, status=201)

    @extend_schema(request=None, responses=CouncilReportSerializer)
    @action(detail=True, methods=["post"])
    def clear(self, request: Any, pk: Any = None) -> Response:
        report = actions.do_clear_council_report(
            self._changeable(request, pk), acting_user=request.user
        )
        return Response(self.get_serializer(report).data)


class CouncilReportVersionViewSet(BaseReadOnlyViewSet):
    queryset = CouncilReportVersion.objects.select_related("report", "assembled_by")
    serializer_class = CouncilReportVersionSerializer
    filterset_class = CouncilReportVersionFilterSet
