"""Programmes API (Capstone §2.4-2.5, §7.2): every record, the actions on them, the verdicts
and the key figures by mission (the indicators benchmarks may rest on)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from bluehelmet.core.api.generic import BaseModelViewSet, BaseReadOnlyViewSet
from bluehelmet.core.models import Mission, Partner
from bluehelmet.programmes import actions, elections, figures, verdicts
from bluehelmet.programmes import filtersets as fs
from bluehelmet.programmes import models as m
from bluehelmet.programmes.api import serializers as s


class HumanRightsCaseViewSet(BaseModelViewSet):
    """Lists leave the victims' identities out; a case's own record carries them."""

    queryset = m.HumanRightsCase.objects.select_related("mission", "perpetrator")
    serializer_class = s.HumanRightsCaseSerializer
    filterset_class = fs.HumanRightsCaseFilterSet

    def get_serializer_class(self) -> Any:
        if getattr(self, "action", "") == "list":
            return s.HumanRightsCaseListSerializer
        return s.HumanRightsCaseSerializer


class DdrSiteViewSet(BaseModelViewSet):
    queryset = m.DdrSite.objects.select_related("mission")
    serializer_class = s.DdrSiteSerializer
    filterset_class = fs.DdrSiteFilterSet


class DdrParticipantViewSet(BaseModelViewSet):
    queryset = m.DdrParticipant.objects.select_related("mission", "armed_group", "site")
    serializer_class = s.DdrParticipantSerializer
    filterset_class = fs.DdrParticipantFilterSet


class WeaponCollectionViewSet(BaseModelViewSet):
    queryset = m.WeaponCollection.objects.select_related("mission", "site", "armed_group")
    serializer_class = s.WeaponCollectionSerializer
    filterset_class = fs.WeaponCollectionFilterSet


class HazardAreaViewSet(BaseModelViewSet):
    queryset = m.HazardArea.objects.select_related("mission").all()
    serializer_class = s.HazardAreaSerializer
    filterset_class = fs.HazardAreaFilterSet


class QuickImpactProjectViewSet(BaseModelViewSet):
    queryset = m.QuickImpactProject.objects.select_related("mission", "approved_by")
    serializer_class = s.QuickImpactProjectSerializer
    filterset_class = fs.QuickImpactProjectFilterSet


class ProgrammeVerdictOverrideViewSet(BaseReadOnlyViewSet):
    queryset = m.ProgrammeVerdictOverride.objects.select_related("mission", "decided_by")
    serializer_class = s.ProgrammeVerdictOverrideSerializer
    filterset_class = fs.ProgrammeVerdictOverrideFilterSet


def _mission(request: Any) -> Mission:
    code = (request.query_params.get("mission") or "").strip()
    if not code:
        raise ValidationError({"mission": ["Give the mission's code: ?mission=CODE."]})
    return get_object_or_404(Mission.objects.restrict(request.user), code=code.upper())


MISSION_PARAM = OpenApiParameter("mission", str, required=True, description="Mission code")


class FiguresView(APIView):
    """``GET /api/programmes/figures/?mission=CODE``: each programme's key figures; human
    rights as aggregates, counts below 5 suppressed outside the human rights unit."""

    @extend_schema(
        parameters=[MISSION_PARAM],
        responses=inline_serializer("ProgrammeFigures", {"mission": serializers.CharField()}),
    )
    def get(self, request: Any) -> Response:
        return Response(figures.mission_figures(_mission(request), request.user))


class VerdictsView(APIView):
    """``GET /api/programmes/verdicts/?mission=CODE``: every verdict on the records the caller
    may see; ``POST`` records a decision on one (``rule``, ``subject``, ``decision``,
    ``reason``)."""

    @extend_schema(
        parameters=[MISSION_PARAM],
        responses=inline_serializer("ProgrammeVerdicts", {"verdicts": serializers.ListField()}),
    )
    def get(self, request: Any) -> Response:
        mission = _mission(request)
        judged = verdicts.judge_mission(mission, request.user)
        return Response({"mission": mission.code, "verdicts": [v.as_dict() for _r, v in judged]})

    @extend_schema(
        parameters=[MISSION_PARAM],
        request=s.OverrideRequestSerializer,
        responses=s.ProgrammeVerdictOverrideSerializer,
    )
    def post(self, request: Any) -> Response:
        mission = _mission(request)
        body = s.OverrideRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        made = actions.do_override_programme_verdict(
            mission, **body.validated_data, acting_user=request.user
        )
        return Response(s.ProgrammeVerdictOverrideSerializer(made).data, status=201)


def _qip(request: Any, pk: int) -> m.QuickImpactProject:
    return get_object_or_404(m.QuickImpactProject.objects.restrict(request.user), pk=pk)  # type: ignore[no-any-return]


class QipStepView(APIView):
    """``POST /api/quick-impact-projects/<pk>/<step>/``: ``approve``, ``complete`` or
    ``hand-over`` (with ``to``)."""

    @extend_schema(request=s.HandOverRequestSerializer, responses=s.QuickImpactProjectSerializer)
    def post(self, request: Any, pk: int, step: str) -> Response:
        qip = _qip(request, pk)
        user = request.user
        if step == "approve":
            actions.do_approve_quick_impact_project(qip, acting_user=user)
        elif step == "complete":
            actions.do_complete_quick_impact_project(qip, acting_user=user)
        elif step == "hand-over":
            body = s.HandOverRequestSerializer(data=request.data)
            body.is_valid(raise_exception=True)
            actions.do_hand_over_quick_impact_project(
                qip, to=body.validated_data["to"], acting_user=user
            )
        else:
            raise ValidationError({"step": ["approve, complete or hand-over"]})
        return Response(s.QuickImpactProjectSerializer(qip).data)


class ReferChildView(APIView):
    """``POST /api/ddr-participants/<pk>/refer/``: the child was handed to child protection."""

    @extend_schema(request=s.ReferRequestSerializer, responses=s.DdrParticipantSerializer)
    def post(self, request: Any, pk: int) -> Response:
        child = get_object_or_404(m.DdrParticipant.objects.restrict(request.user), pk=pk)
        body = s.ReferRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        partner = None
        if "partner" in body.validated_data:
            partners = Partner.objects.restrict(request.user)
            partner = get_object_or_404(partners, pk=body.validated_data["partner"])
        actions.do_refer_ddr_child(child, partner=partner, acting_user=request.user)
        return Response(s.DdrParticipantSerializer(child).data)


class LinkIncidentsView(APIView):
    """``POST /api/programmes/link-explosive-incidents/?mission=CODE``: link the JOC's
    explosive incidents to the hazard areas they lie in or near."""

    @extend_schema(
        parameters=[MISSION_PARAM],
        request=None,
        responses=inline_serializer("LinkedIncidents", {"linked": serializers.IntegerField()}),
    )
    def post(self, request: Any) -> Response:
        made = actions.do_link_explosive_incidents(_mission(request), acting_user=request.user)
        return Response({"linked": made})


class ElectoralEventViewSet(BaseModelViewSet):
    queryset = m.ElectoralEvent.objects.select_related("mission")
    serializer_class = s.ElectoralEventSerializer
    filterset_class = fs.ElectoralEventFilterSet


class PollingCentreViewSet(BaseModelViewSet):
    queryset = m.PollingCentre.objects.select_related("mission")
    serializer_class = s.PollingCentreSerializer
    filterset_class = fs.PollingCentreFilterSet


class StatePresenceViewSet(BaseModelViewSet):
    queryset = m.StatePresence.objects.select_related("mission")
    serializer_class = s.StatePresenceSerializer
    filterset_class = fs.StatePresenceFilterSet


class RuleOfLawInstitutionViewSet(BaseModelViewSet):
    queryset = m.RuleOfLawInstitution.objects.select_related("mission")
    serializer_class = s.RuleOfLawInstitutionSerializer
    filterset_class = fs.RuleOfLawInstitutionFilterSet


class SsrActivityViewSet(BaseModelViewSet):
    queryset = m.SsrActivity.objects.select_related("mission", "institution")
    serializer_class = s.SsrActivitySerializer
    filterset_class = fs.SsrActivityFilterSet


class PollingRiskView(APIView):
    """``GET /api/programmes/polling-risk/?mission=CODE``: each polling centre's security risk
    from the JOC incidents the caller may see around it and the latest JMAC forecast the caller
    may see for its area (``forecast`` is null without one)."""

    @extend_schema(
        parameters=[MISSION_PARAM],
        responses=inline_serializer("PollingRisk", {"centres": serializers.ListField()}),
    )
    def get(self, request: Any) -> Response:
        mission = _mission(request)
        risks = elections.mission_risks(mission, request.user, timezone.now().date())
        rows = [
            {
                "centre": r.centre.pk,
                "code": r.centre.code,
                "level": r.level,
                "incidents": r.incidents,
                "killed": r.killed,
                "incident_level": r.incident_level,
                "forecast": None
                if r.forecast_probability is None
                else {
                    "probability": round(r.forecast_probability, 4),
                    "unit": r.forecast_unit,
                    "month": f"{r.forecast_month:%Y-%m}" if r.forecast_month else None,
                    "run": r.forecast_run,
                    "run_on": r.forecast_run_on.isoformat() if r.forecast_run_on else None,
                    "threshold_percent": r.forecast_threshold,
                },
                "explanation": r.explanation,
            }
            for r in risks
        ]
        return Response({"mission": mission.code, "centres": rows})
