"""Report API (Capstone §4.3; §9.1, §10.1 for the periodic report): reports, their versions,
draft, assemble and clear, the reporting calendar and status."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from bluehelmet.core.api.generic import BaseModelViewSet, BaseReadOnlyViewSet
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action
from bluehelmet.reports import actions
from bluehelmet.reports.api.serializers import (
    CouncilReportSerializer,
    CouncilReportVersionSerializer,
    PeriodicDraftSerializer,
    PeriodicReportSerializer,
    PeriodicReportVersionSerializer,
    ReportingCalendarSerializer,
)
from bluehelmet.reports.duedates import due_status
from bluehelmet.reports.filtersets import (
    CouncilReportFilterSet,
    CouncilReportVersionFilterSet,
    PeriodicReportFilterSet,
    PeriodicReportVersionFilterSet,
    ReportingCalendarFilterSet,
)
from bluehelmet.reports.models import (
    CouncilReport,
    CouncilReportVersion,
    PeriodicReport,
    PeriodicReportVersion,
    ReportingCalendar,
)
from bluehelmet.reports.periodic import last_full_quarter


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


def _refuse_if_cleared(report: PeriodicReport) -> None:
    if report.cleared:
        raise ActionError(ErrorCode.WRONG_STATE, _("The report is cleared and frozen."))


class PeriodicReportViewSet(BaseModelViewSet):
    """Periodic reports on a mission (Capstone §9.1, §10.1): ``draft`` makes one and assembles
    its first version; ``assemble`` a new version; ``clear`` freezes it. A cleared report
    answers 409 to any change."""

    queryset = PeriodicReport.objects.select_related("mission", "cleared_by")
    serializer_class = PeriodicReportSerializer
    filterset_class = PeriodicReportFilterSet

    def _changeable(self, request: Any, pk: Any) -> PeriodicReport:
        found = PeriodicReport.objects.restrict(request.user, Action.CHANGE)
        return get_object_or_404(found, pk=pk)

    def update(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        _refuse_if_cleared(self.get_object())  # before validation: 409, not a field error
        return super().update(request, *args, **kwargs)

    def perform_destroy(self, instance: Any) -> None:
        _refuse_if_cleared(instance)
        super().perform_destroy(instance)

    @extend_schema(request=PeriodicDraftSerializer, responses=PeriodicReportVersionSerializer)
    @action(detail=False, methods=["post"])
    def draft(self, request: Any) -> Response:
        given = PeriodicDraftSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        mission = get_object_or_404(Mission.objects.restrict(request.user), code=data["mission"])
        default = last_full_quarter(timezone.now().date())
        version = actions.do_draft_periodic_report(
            mission,
            data.get("period_start") or default[0],
            data.get("period_end") or default[1],
            title=data.get("title", ""),
            language=data.get("language", ""),
            acting_user=request.user,
        )
        context = self.get_serializer_context()
        return Response(PeriodicReportVersionSerializer(version, context=context).data, status=201)

    @extend_schema(request=None, responses=PeriodicReportVersionSerializer)
    @action(detail=True, methods=["post"])
    def assemble(self, request: Any, pk: Any = None) -> Response:
        version = actions.do_assemble_periodic_report(
            self._changeable(request, pk), acting_user=request.user
        )
        context = self.get_serializer_context()
        return Response(PeriodicReportVersionSerializer(version, context=context).data, status=201)

    @extend_schema(request=None, responses=PeriodicReportSerializer)
    @action(detail=True, methods=["post"])
    def clear(self, request: Any, pk: Any = None) -> Response:
        report = actions.do_clear_periodic_report(
            self._changeable(request, pk), acting_user=request.user
        )
        return Response(self.get_serializer(report).data)


class PeriodicReportVersionViewSet(BaseReadOnlyViewSet):
    queryset = PeriodicReportVersion.objects.select_related("mission", "report", "assembled_by")
    serializer_class = PeriodicReportVersionSerializer
    filterset_class = PeriodicReportVersionFilterSet


class ReportingCalendarViewSet(BaseModelViewSet):
    queryset = ReportingCalendar.objects.select_related("mission", "resolution")
    serializer_class = ReportingCalendarSerializer
    filterset_class = ReportingCalendarFilterSet


class MissionReportingStatusView(APIView):
    """When the mission's next periodic report is due, and whether it is overdue (§7.1)."""

    @extend_schema(
        responses=inline_serializer(
            "ReportingStatus",
            {
                "mission": serializers.CharField(),
                "cadence_days": serializers.IntegerField(),
                "anchor": serializers.DateField(allow_null=True),
                "last_cleared": serializers.DateField(allow_null=True),
                "next_due": serializers.DateField(allow_null=True),
                "overdue_days": serializers.IntegerField(),
                "explanation": serializers.CharField(),
                "citation": serializers.CharField(),
            },
        )
    )
    def get(self, request: Any, code: str) -> Response:
        mission = get_object_or_404(Mission.objects.restrict(request.user), code=code)
        status = due_status(mission, request.user)
        return Response(
            {
                "mission": mission.code,
                "cadence_days": status.cadence_days,
                "anchor": status.anchor,
                "last_cleared": status.last_cleared,
                "next_due": status.next_due,
                "overdue_days": status.overdue_days,
                "explanation": status.explanation,
                "citation": status.citation,
            }
        )
