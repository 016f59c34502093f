"""Lifecycle API (Capstone §6.1-6.2): history, milestones, gate preview and transitions."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from bluehelmet.core.api.generic import BaseModelViewSet, BaseReadOnlyViewSet
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.phases import Phase, next_phases
from bluehelmet.lifecycle.actions import (
    do_approve_asset_disposal,
    do_complete_asset_disposal,
    do_complete_drawdown_step,
    do_transition_mission_phase,
)
from bluehelmet.lifecycle.api.serializers import (
    AssetDisposalSerializer,
    DisposalStepSerializer,
    DrawdownStepSerializer,
    HandoverItemSerializer,
    PhaseTransitionSerializer,
    StartUpMilestoneSerializer,
    TransitionRequestSerializer,
)
from bluehelmet.lifecycle.clock import deployment_clock
from bluehelmet.lifecycle.filtersets import (
    AssetDisposalFilterSet,
    DrawdownStepFilterSet,
    HandoverItemFilterSet,
    PhaseTransitionFilterSet,
    StartUpMilestoneFilterSet,
)
from bluehelmet.lifecycle.gates import check_gates
from bluehelmet.lifecycle.models import (
    AssetDisposal,
    DrawdownStep,
    HandoverItem,
    PhaseTransition,
    StartUpMilestone,
)


class PhaseTransitionViewSet(BaseReadOnlyViewSet):
    """Transitions are history: recorded only through ``/api/missions/<code>/transition/``."""

    queryset = PhaseTransition.objects.select_related("mission", "decided_by")
    serializer_class = PhaseTransitionSerializer
    filterset_class = PhaseTransitionFilterSet


class StartUpMilestoneViewSet(BaseModelViewSet):
    queryset = StartUpMilestone.objects.select_related("mission")
    serializer_class = StartUpMilestoneSerializer
    filterset_class = StartUpMilestoneFilterSet


def _mission(request: Any, code: str) -> Mission:
    return get_object_or_404(Mission.objects.restrict(request.user), code=code.upper())


class MissionLifecycleView(APIView):
    """Current phase, the deployment clock, the next phases with their gate checks, history."""

    @extend_schema(
        responses=inline_serializer(
            "MissionLifecycle",
            {
                "phase": serializers.CharField(),
                "clock": serializers.DictField(),
                "next": serializers.ListField(),
                "history": PhaseTransitionSerializer(many=True),
            },
        )
    )
    def get(self, request: Any, code: str) -> Response:
        mission = _mission(request, code)
        clock = deployment_clock(mission)
        history = PhaseTransition.objects.restrict(request.user).filter(mission=mission)
        return Response(
            {
                "mission": mission.code,
                "phase": mission.phase,
                "clock": {**asdict(clock), "late": clock.late},
                "can_transition": user_can(request.user, Action.TRANSITION, mission.pk),
                "next": [
                    {
                        "phase": p,
                        "label": str(Phase(p).label),
                        "checks": [c.as_dict() for c in check_gates(mission, p, request.user)],
                    }
                    for p in next_phases(mission.phase)
                ],
                "history": PhaseTransitionSerializer(history, many=True).data,
            }
        )


class MissionTransitionView(APIView):
    """Decide a transition; failing gates answer 400 with each check unless overridden."""

    @extend_schema(request=TransitionRequestSerializer, responses=PhaseTransitionSerializer)
    def post(self, request: Any, code: str) -> Response:
        mission = _mission(request, code)
        body = TransitionRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        transition = do_transition_mission_phase(
            mission,
            body.validated_data["to_phase"],
            acting_user=request.user,
            effective_on=body.validated_data.get("effective_on"),
            override_reason=body.validated_data.get("override_reason", ""),
        )
        return Response(PhaseTransitionSerializer(transition).data, status=201)


class HandoverItemViewSet(BaseModelViewSet):
    queryset = HandoverItem.objects.select_related("mission", "task")
    serializer_class = HandoverItemSerializer
    filterset_class = HandoverItemFilterSet


class AssetDisposalViewSet(BaseModelViewSet):
    queryset = AssetDisposal.objects.select_related("mission", "approved_by")
    serializer_class = AssetDisposalSerializer
    filterset_class = AssetDisposalFilterSet


class AssetDisposalStepView(APIView):
    """``POST /api/asset-disposals/<pk>/approve/`` or ``.../complete/`` (``on``: the date)."""

    @extend_schema(request=DisposalStepSerializer, responses=AssetDisposalSerializer)
    def post(self, request: Any, pk: int, step: str) -> Response:
        found = get_object_or_404(AssetDisposal.objects.restrict(request.user), pk=pk)
        body = DisposalStepSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        day = body.validated_data.get("on")
        if step == "approve":
            do_approve_asset_disposal(found, approved_on=day, acting_user=request.user)
        elif step == "complete":
            do_complete_asset_disposal(found, completed_on=day, acting_user=request.user)
        else:
            raise Http404
        return Response(AssetDisposalSerializer(found).data)


class DrawdownStepViewSet(BaseModelViewSet):
    """The drawdown plan (Capstone §6.1); ``POST .../complete/`` (``on``: the date) carries a
    step out: the contingent is repatriated or the site closed."""

    queryset = DrawdownStep.objects.select_related("mission", "contingent", "org_unit")
    serializer_class = DrawdownStepSerializer
    filterset_class = DrawdownStepFilterSet

    @extend_schema(request=DisposalStepSerializer, responses=DrawdownStepSerializer)
    @action(detail=True, methods=["post"])
    def complete(self, request: Any, pk: Any = None) -> Response:
        step = get_object_or_404(DrawdownStep.objects.restrict(request.user, Action.CHANGE), pk=pk)
        body = DisposalStepSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        do_complete_drawdown_step(
            step, completed_on=body.validated_data.get("on"), acting_user=request.user
        )
        return Response(self.get_serializer(step).data)
