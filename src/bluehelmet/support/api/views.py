"""Support API (Capstone §8.1-8.3): every record, the logistics request steps, the incidents on
a movement's route, the mission's verdicts and the decisions on them, training compliance."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from bluehelmet.core.api.generic import BaseModelViewSet, BaseReadOnlyViewSet
from bluehelmet.core.audit import log_reads
from bluehelmet.core.models import Mission
from bluehelmet.support import actions, dashboard
from bluehelmet.support import filtersets as fs
from bluehelmet.support import models as m
from bluehelmet.support.api import serializers as s
from bluehelmet.support.routes import incidents_on_route
from bluehelmet.support.training import training_compliance


def viewset(model: Any, serializer: Any, filterset: Any, *related: str) -> Any:
    """A ``BaseModelViewSet`` for one support record: data, no behaviour of its own."""
    attrs = {
        "queryset": model.objects.select_related("mission", *related),
        "serializer_class": serializer,
        "filterset_class": filterset,
        "__doc__": model.__doc__,
    }
    return type(f"{model.__name__}ViewSet", (BaseModelViewSet,), attrs)


SelfSufficiencyViewSet = viewset(
    m.SelfSufficiency, s.SelfSufficiencySerializer, fs.SelfSufficiencyFilterSet, "contingent"
)
SupportContractViewSet = viewset(
    m.SupportContract, s.SupportContractSerializer, fs.SupportContractFilterSet
)
EquipmentLeaseViewSet = viewset(
    m.EquipmentLease, s.EquipmentLeaseSerializer, fs.EquipmentLeaseFilterSet, "contingent"
)
EquipmentLineViewSet = viewset(
    m.EquipmentLine, s.EquipmentLineSerializer, fs.EquipmentLineFilterSet
)
EquipmentInspectionViewSet = viewset(
    m.EquipmentInspection, s.EquipmentInspectionSerializer, fs.EquipmentInspectionFilterSet
)
InspectionFindingViewSet = viewset(
    m.InspectionFinding, s.InspectionFindingSerializer, fs.InspectionFindingFilterSet
)
SupplyRequestViewSet = viewset(
    m.SupplyRequest, s.SupplyRequestSerializer, fs.SupplyRequestFilterSet
)
PremisesViewSet = viewset(m.Premises, s.PremisesSerializer, fs.PremisesFilterSet, "org_unit")
MossCheckViewSet = viewset(m.MossCheck, s.MossCheckSerializer, fs.MossCheckFilterSet)
SecurityAssessmentViewSet = viewset(
    m.SecurityAssessment, s.SecurityAssessmentSerializer, fs.SecurityAssessmentFilterSet
)
SecurityMeetingViewSet = viewset(
    m.SecurityMeeting, s.SecurityMeetingSerializer, fs.SecurityMeetingFilterSet
)
SecurityDecisionViewSet = viewset(
    m.SecurityDecision, s.SecurityDecisionSerializer, fs.SecurityDecisionFilterSet
)
RotationViewSet = viewset(m.Rotation, s.RotationSerializer, fs.RotationFilterSet, "contingent")
TrainingRecordViewSet = viewset(
    m.TrainingRecord, s.TrainingRecordSerializer, fs.TrainingRecordFilterSet
)


class SupportVerdictOverrideViewSet(BaseReadOnlyViewSet):
    queryset = m.SupportVerdictOverride.objects.select_related("mission", "decided_by")
    serializer_class = s.SupportVerdictOverrideSerializer
    filterset_class = fs.SupportVerdictOverrideFilterSet


STEPS = {
    "approve": actions.do_approve_supply_request,
    "reject": actions.do_reject_supply_request,
    "fulfil": actions.do_fulfil_supply_request,
}


class SupplyRequestStepView(APIView):
    """``POST /api/supply-requests/<pk>/<approve|reject|fulfil>/``: the joint logistics
    centre's step on a request, optionally dated (``on``); a wrong step answers 409."""

    @extend_schema(
        operation_id="supply_requests_step",
        request=s.SupplyRequestStepSerializer,
        responses=s.SupplyRequestSerializer,
    )
    def post(self, request: Any, pk: int, step: str) -> Response:
        found = get_object_or_404(m.SupplyRequest.objects.restrict(request.user), pk=pk)
        if step not in STEPS:
            return Response({"code": "invalid", "detail": "No such step."}, status=404)
        body = s.SupplyRequestStepSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        STEPS[step](found, on=body.validated_data.get("on"), acting_user=request.user)
        return Response(s.SupplyRequestSerializer(found, context={"request": request}).data)


ROUTE_SCHEMA = inline_serializer(
    "RouteIncidents",
    {"request": serializers.IntegerField(), "incidents": serializers.ListField()},
)


class SupplyRequestRouteView(APIView):
    """``GET /api/supply-requests/<pk>/route-incidents/``: the JOC incidents the caller may
    see near a movement's route in the mission's recent days, nearest first."""

    @extend_schema(operation_id="supply_requests_route_incidents", responses=ROUTE_SCHEMA)
    def get(self, request: Any, pk: int) -> Response:
        found = get_object_or_404(m.SupplyRequest.objects.restrict(request.user), pk=pk)
        near = incidents_on_route(found, user=request.user)
        log_reads(request.user, [found, *(i for i, _km in near)])
        rows = [
            {
                "id": i.pk,
                "title": i.title,
                "occurred_at": i.occurred_at.isoformat(),
                "latitude": i.latitude,
                "longitude": i.longitude,
                "km_from_route": km,
            }
            for i, km in near
        ]
        return Response({"request": found.pk, "incidents": rows})


def _mission(request: Any, code: str) -> Mission:
    return get_object_or_404(Mission.objects.restrict(request.user), code=code.upper())


class MissionSupportView(APIView):
    """``GET /api/missions/<code>/support/``: the dashboard's figures and every verdict;
    ``POST`` records a decision on one verdict (accepted or dismissed, with the reason)."""

    @extend_schema(
        responses=inline_serializer("SupportSummary", {"mission": serializers.CharField()})
    )
    def get(self, request: Any, code: str) -> Response:
        mission = _mission(request, code)
        return Response(dashboard.summary(mission, request.user))

    @extend_schema(
        request=s.SupportOverrideRequestSerializer, responses=s.SupportVerdictOverrideSerializer
    )
    def post(self, request: Any, code: str) -> Response:
        mission = _mission(request, code)
        body = s.SupportOverrideRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        override = actions.do_override_support_verdict(
            mission, **body.validated_data, acting_user=request.user
        )
        data = s.SupportVerdictOverrideSerializer(override, context={"request": request}).data
        return Response(data, status=201)


class MissionTrainingView(APIView):
    """``GET /api/missions/<code>/training-compliance/``: per contingent, the course
    completions its current rotation requires and those done (Capstone §8.2, §3.2)."""

    @extend_schema(
        responses=inline_serializer("TrainingCompliance", {"rows": serializers.ListField()})
    )
    def get(self, request: Any, code: str) -> Response:
        mission = _mission(request, code)
        rows = training_compliance(mission, user=request.user)
        return Response({"mission": mission.code, "rows": [r.as_dict() for r in rows]})
