"""Conduct API (Capstone §3.2): cases and their steps for the case roles only (everyone else
gets empty lists and 404s), and the suppressed figures for every role viewing the mission."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from bluehelmet.conduct import actions, figures, rules
from bluehelmet.conduct import filtersets as fs
from bluehelmet.conduct import models as m
from bluehelmet.conduct.api import serializers as s
from bluehelmet.conduct.views.cases import STEPS
from bluehelmet.core.api.generic import BaseModelViewSet, BaseReadOnlyViewSet
from bluehelmet.core.audit import log_reads
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action


class MisconductAllegationViewSet(BaseModelViewSet):
    queryset = m.MisconductAllegation.objects.select_related("mission", "contingent")
    serializer_class = s.MisconductAllegationSerializer
    filterset_class = fs.MisconductAllegationFilterSet


class ReferralViewSet(BaseReadOnlyViewSet):
    queryset = m.Referral.objects.select_related("mission", "allegation")
    serializer_class = s.ReferralSerializer
    filterset_class = fs.ReferralFilterSet


class InvestigationViewSet(BaseReadOnlyViewSet):
    queryset = m.Investigation.objects.select_related("mission", "allegation")
    serializer_class = s.InvestigationSerializer
    filterset_class = fs.InvestigationFilterSet


class ConductVerdictOverrideViewSet(BaseReadOnlyViewSet):
    queryset = m.ConductVerdictOverride.objects.select_related("mission", "decided_by")
    serializer_class = s.ConductVerdictOverrideSerializer


def _case(request: Any, pk: int, action: str = Action.VIEW) -> m.MisconductAllegation:
    return get_object_or_404(m.MisconductAllegation.objects.restrict(request.user, action), pk=pk)


class AllegationStepView(APIView):
    """``POST /api/misconduct-allegations/<pk>/<step>/``: assess, refer, investigate, outcome,
    action or assist; answers the case as it now stands."""

    @extend_schema(
        request=s.ConductStepRequestSerializer,
        responses=s.MisconductAllegationSerializer,
        operation_id="misconduct_allegations_step",
    )
    def post(self, request: Any, pk: int, verb: str) -> Response:
        if verb not in STEPS:
            raise Http404
        case = _case(request, pk, Action.CHANGE)
        body = s.ConductStepRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        STEPS[verb][2](case, dict(body.validated_data), request.user)
        case.refresh_from_db()
        log_reads(request.user, [case])
        data = s.MisconductAllegationSerializer(case, context={"request": request}).data
        return Response(data)


class AllegationVerdictsView(APIView):
    """``GET`` the time-limit verdicts of a case; ``POST`` a decision on one."""

    @extend_schema(responses=s.ConductVerdictSerializer(many=True))
    def get(self, request: Any, pk: int) -> Response:
        case = _case(request, pk)
        log_reads(request.user, [case])
        return Response([v.as_dict() for v in rules.verdicts(rules.timeline(case))])

    @extend_schema(
        request=s.ConductDecisionRequestSerializer,
        responses={201: s.ConductVerdictSerializer(many=True)},
    )
    def post(self, request: Any, pk: int) -> Response:
        case = _case(request, pk, Action.CHANGE)
        body = s.ConductDecisionRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        actions.do_decide_conduct_verdict(case, **body.validated_data, acting_user=request.user)
        return Response([v.as_dict() for v in rules.verdicts(rules.timeline(case))], status=201)


class MissionConductFiguresView(APIView):
    """``GET /api/missions/<code>/conduct-figures/``: counts by category and contingent, per
    100 personnel, small counts suppressed; never a case."""

    @extend_schema(responses=s.ConductFiguresSerializer)
    def get(self, request: Any, code: str) -> Response:
        mission = get_object_or_404(Mission.objects.restrict(request.user), code=code.upper())
        found = figures.mission_figures(mission, user=request.user)
        if found is None:
            raise Http404
        return Response(found.as_dict())
