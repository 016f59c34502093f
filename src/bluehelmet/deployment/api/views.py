"""Deployment API (Capstone §4.1-4.3): the records, and the actions on an assessment."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from bluehelmet.core.api.generic import BaseModelViewSet, BaseReadOnlyViewSet
from bluehelmet.core.context import acting_as
from bluehelmet.core.permissions import Action
from bluehelmet.deployment import actions, decisions
from bluehelmet.deployment import filtersets as fs
from bluehelmet.deployment import models as m
from bluehelmet.deployment.api import serializers as s
from bluehelmet.deployment.conditions import judge_option, overrides_for


class CrisisSituationViewSet(BaseModelViewSet):
    queryset = m.CrisisSituation.objects.select_related("mission")
    serializer_class = s.CrisisSituationSerializer
    filterset_class = fs.CrisisSituationFilterSet


class CrisisPartyViewSet(BaseModelViewSet):
    queryset = m.CrisisParty.objects.select_related("situation")
    serializer_class = s.CrisisPartySerializer
    filterset_class = fs.CrisisPartyFilterSet


def _option(request: Any, assessment: m.StrategicAssessment, pk: int) -> m.DeploymentOption:
    options = m.DeploymentOption.objects.restrict(request.user).filter(assessment=assessment)
    return get_object_or_404(options, pk=pk)


def conditions_of(assessment: m.StrategicAssessment, user: Any) -> list[dict[str, Any]]:
    """Each visible option with its success-condition verdicts (Capstone §4.2)."""
    overrides = overrides_for(assessment, user)
    options = assessment.options.restrict(user).prefetch_related("tasks", "scenarios")
    return [
        {
            "option": option.pk,
            "title": option.title,
            "recommended": option.pk == assessment.recommended_option_id,
            "conditions": [v.as_dict() for v in judge_option(assessment, option, overrides)],
        }
        for option in options
    ]


class StrategicAssessmentViewSet(BaseModelViewSet):
    """Status, recommendation, overrides and the decision go through the ``do_`` actions."""

    queryset = m.StrategicAssessment.objects.select_related("situation")
    serializer_class = s.StrategicAssessmentSerializer
    filterset_class = fs.StrategicAssessmentFilterSet

    def _changeable(self, request: Any, pk: Any) -> m.StrategicAssessment:
        records = m.StrategicAssessment.objects.restrict(request.user, Action.CHANGE)
        return get_object_or_404(records.select_related("situation"), pk=pk)

    @extend_schema(request=None, responses=None)
    @action(detail=True, methods=["get"])
    def conditions(self, request: Any, pk: Any = None) -> Response:
        return Response(conditions_of(self.get_object(), request.user))

    @extend_schema(request=s.StatusRequestSerializer, responses=s.StrategicAssessmentSerializer)
    @action(detail=True, methods=["post"])
    def status(self, request: Any, pk: Any = None) -> Response:
        assessment = self._changeable(request, pk)
        body = s.StatusRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        with acting_as(request.user):
            actions.do_change_assessment_status(
                assessment, body.validated_data["status"], acting_user=request.user
            )
        return Response(self.get_serializer(assessment).data)

    @extend_schema(request=s.RecommendRequestSerializer, responses=s.StrategicAssessmentSerializer)
    @action(detail=True, methods=["post"])
    def recommend(self, request: Any, pk: Any = None) -> Response:
        assessment = self._changeable(request, pk)
        body = s.RecommendRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        option = _option(request, assessment, body.validated_data["option"])
        actions.do_recommend_option(assessment, option, acting_user=request.user)
        return Response(self.get_serializer(assessment).data)

    @extend_schema(request=s.OverrideRequestSerializer, responses=s.ConditionOverrideSerializer)
    @action(detail=True, methods=["post"])
    def override(self, request: Any, pk: Any = None) -> Response:
        assessment = self._changeable(request, pk)
        body = s.OverrideRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        override = actions.do_override_condition(
            assessment,
            _option(request, assessment, data["option"]),
            rule=data["rule"],
            decision=data["decision"],
            reason=data["reason"],
            acting_user=request.user,
        )
        context = self.get_serializer_context()
        return Response(s.ConditionOverrideSerializer(override, context=context).data, status=201)

    @extend_schema(request=s.DecisionRequestSerializer, responses=s.DeploymentDecisionSerializer)
    @action(detail=True, methods=["post"])
    def decision(self, request: Any, pk: Any = None) -> Response:
        assessment = self._changeable(request, pk)
        body = s.DecisionRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        option = _option(request, assessment, data["option"]) if data.get("option") else None
        new_mission = None
        if data.get("mission_code"):
            new_mission = decisions.NewMission(data["mission_code"], data.get("mission_name", ""))
        decision = decisions.do_record_decision(
            assessment,
            decisions.DecisionInput(
                outcome=data["outcome"],
                decided_on=data["decided_on"],
                decided_by=data["decided_by"],
                option=option,
                resolution_number=data.get("resolution"),
                notes=data.get("notes", ""),
                new_mission=new_mission,
            ),
            acting_user=request.user,
        )
        context = self.get_serializer_context()
        return Response(s.DeploymentDecisionSerializer(decision, context=context).data, status=201)


class DeploymentFactorViewSet(BaseModelViewSet):
    queryset = m.DeploymentFactor.objects.select_related("assessment").prefetch_related("incidents")
    serializer_class = s.DeploymentFactorSerializer
    filterset_class = fs.DeploymentFactorFilterSet


class AssessmentMissionViewSet(BaseModelViewSet):
    queryset = m.AssessmentMission.objects.select_related("assessment")
    serializer_class = s.AssessmentMissionSerializer
    filterset_class = fs.AssessmentMissionFilterSet


class AssessmentMissionMemberViewSet(BaseModelViewSet):
    queryset = m.AssessmentMissionMember.objects.all()
    serializer_class = s.AssessmentMissionMemberSerializer
    filterset_class = fs.AssessmentMissionMemberFilterSet


class AssessmentFindingViewSet(BaseModelViewSet):
    queryset = m.AssessmentFinding.objects.prefetch_related("factors")
    serializer_class = s.AssessmentFindingSerializer
    filterset_class = fs.AssessmentFindingFilterSet


class DeploymentOptionViewSet(BaseModelViewSet):
    queryset = m.DeploymentOption.objects.prefetch_related("tasks", "contributors_to_consult")
    serializer_class = s.DeploymentOptionSerializer
    filterset_class = fs.DeploymentOptionFilterSet


class ScenarioViewSet(BaseModelViewSet):
    queryset = m.Scenario.objects.select_related("option")
    serializer_class = s.ScenarioSerializer
    filterset_class = fs.ScenarioFilterSet


class ConditionOverrideViewSet(BaseReadOnlyViewSet):
    """Written by ``POST /api/strategic-assessments/<id>/override/``."""

    queryset = m.ConditionOverride.objects.select_related("decided_by")
    serializer_class = s.ConditionOverrideSerializer
    filterset_class = fs.ConditionOverrideFilterSet


class DeploymentDecisionViewSet(BaseReadOnlyViewSet):
    """Written by ``POST /api/strategic-assessments/<id>/decision/``."""

    queryset = m.DeploymentDecision.objects.select_related("resolution", "mission")
    serializer_class = s.DeploymentDecisionSerializer
    filterset_class = fs.DeploymentDecisionFilterSet
