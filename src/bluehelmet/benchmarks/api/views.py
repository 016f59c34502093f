"""Benchmarks API (Capstone §10.1-10.2): every record, and the actions and readings on them
(compute and re-run a reading, take over a plan indicator, the verdicts and decisions on them,
readiness by area)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from bluehelmet.benchmarks import actions, lessons, readiness
from bluehelmet.benchmarks import filtersets as fs
from bluehelmet.benchmarks import models as m
from bluehelmet.benchmarks.api import serializers as s
from bluehelmet.benchmarks.verdicts import judge_mission, must_report
from bluehelmet.core.api.generic import BaseModelViewSet, BaseReadOnlyViewSet
from bluehelmet.core.context import acting_as
from bluehelmet.core.models import Mission
from bluehelmet.core.types import recorded
from bluehelmet.planning.models import ResultIndicator


class BenchmarkViewSet(BaseModelViewSet):
    queryset = m.Benchmark.objects.select_related("mission", "template")
    serializer_class = s.BenchmarkSerializer
    filterset_class = fs.BenchmarkFilterSet


class IndicatorViewSet(BaseModelViewSet):
    queryset = m.Indicator.objects.select_related("mission", "benchmark")
    serializer_class = s.IndicatorSerializer
    filterset_class = fs.IndicatorFilterSet


class ObservationViewSet(BaseModelViewSet):
    queryset = m.Observation.objects.select_related("mission", "indicator")
    serializer_class = s.ObservationSerializer
    filterset_class = fs.ObservationFilterSet


class ReadinessAssessmentViewSet(BaseModelViewSet):
    queryset = m.ReadinessAssessment.objects.select_related("mission", "assessed_by")
    serializer_class = s.ReadinessAssessmentSerializer
    filterset_class = fs.ReadinessAssessmentFilterSet

    def perform_create(self, serializer: Any) -> None:
        with acting_as(self.request.user):
            serializer.save(assessed_by=recorded(self.request.user))


class BenchmarkVerdictOverrideViewSet(BaseReadOnlyViewSet):
    queryset = m.BenchmarkVerdictOverride.objects.select_related("mission", "decided_by")
    serializer_class = s.BenchmarkVerdictOverrideSerializer
    filterset_class = fs.BenchmarkVerdictOverrideFilterSet


def _mission(request: Any, code: str) -> Mission:
    return get_object_or_404(Mission.objects.restrict(request.user), code=code.upper())


class IndicatorComputeView(APIView):
    """``POST /api/indicators/<pk>/compute/``: a reading computed from the platform's records."""

    @extend_schema(request=s.ComputeRequestSerializer, responses=s.ObservationSerializer)
    def post(self, request: Any, pk: int) -> Response:
        indicator = get_object_or_404(m.Indicator.objects.restrict(request.user), pk=pk)
        body = s.ComputeRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        made = actions.do_compute_observation(
            indicator, observed_on=body.validated_data.get("observed_on"), acting_user=request.user
        )
        return Response(s.ObservationSerializer(made).data, status=201)


class ObservationRerunView(APIView):
    """``POST /api/observations/<pk>/rerun/``: run a computed reading's stored query again."""

    @extend_schema(request=None, responses=s.ObservationSerializer)
    def post(self, request: Any, pk: int) -> Response:
        found = get_object_or_404(m.Observation.objects.restrict(request.user), pk=pk)
        actions.do_rerun_observation(found, acting_user=request.user)
        return Response(s.ObservationSerializer(found).data)


class BenchmarkAdoptIndicatorView(APIView):
    """``POST /api/benchmarks/<pk>/adopt-plan-indicator/``: measure it by a plan indicator."""

    @extend_schema(request=s.AdoptPlanIndicatorRequestSerializer, responses=s.IndicatorSerializer)
    def post(self, request: Any, pk: int) -> Response:
        benchmark = get_object_or_404(m.Benchmark.objects.restrict(request.user), pk=pk)
        body = s.AdoptPlanIndicatorRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        plan_indicator = get_object_or_404(
            ResultIndicator.objects.restrict(request.user), pk=body.validated_data["plan_indicator"]
        )
        made = actions.do_adopt_plan_indicator(benchmark, plan_indicator, acting_user=request.user)
        return Response(s.IndicatorSerializer(made).data, status=201)


VERDICTS_SCHEMA = inline_serializer(
    "BenchmarkVerdicts",
    {
        "mission": serializers.CharField(),
        "indicators": serializers.ListField(child=serializers.DictField()),
        "must_report": serializers.ListField(child=serializers.IntegerField()),
    },
)


class MissionBenchmarkVerdictsView(APIView):
    """``GET /api/missions/<code>/benchmarks/verdicts/``: every indicator's verdicts, and the
    indicators the next report must carry; ``POST`` records a decision on one verdict."""

    @extend_schema(responses=VERDICTS_SCHEMA)
    def get(self, request: Any, code: str) -> Response:
        mission = _mission(request, code)
        judged = judge_mission(mission, request.user)
        rows = [
            {
                "indicator": j.indicator.pk,
                "name": j.indicator.name,
                "benchmark": j.indicator.benchmark.code,
                "verdicts": [v.as_dict() for v in j.verdicts],
            }
            for j in judged
        ]
        report = [j.indicator.pk for j in must_report(judged)]
        return Response({"mission": mission.code, "indicators": rows, "must_report": report})

    @extend_schema(
        request=s.OverrideRequestSerializer, responses=s.BenchmarkVerdictOverrideSerializer
    )
    def post(self, request: Any, code: str) -> Response:
        mission = _mission(request, code)
        body = s.OverrideRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        override = actions.do_override_benchmark_verdict(
            mission, **body.validated_data, acting_user=request.user
        )
        return Response(s.BenchmarkVerdictOverrideSerializer(override).data, status=201)


class MissionReadinessView(APIView):
    """``GET /api/missions/<code>/readiness/``: the latest readiness by benchmark area and by
    admin area, with the open flags of each area's indicators."""

    @extend_schema(responses=inline_serializer("Readiness", {"areas": serializers.ListField()}))
    def get(self, request: Any, code: str) -> Response:
        mission = _mission(request, code)
        return Response(readiness.summary(mission, request.user))


class LessonLearnedViewSet(BaseModelViewSet):
    queryset = m.LessonLearned.objects.select_related("mission", "author")
    serializer_class = s.LessonLearnedSerializer
    filterset_class = fs.LessonLearnedFilterSet

    def perform_create(self, serializer: Any) -> None:
        with acting_as(self.request.user):
            serializer.save(author=recorded(self.request.user))


class LessonLinkView(APIView):
    """``POST /api/lessons/<pk>/links/``: the lesson is about this record (one the caller may
    see, of the same mission)."""

    @extend_schema(request=s.LinkLessonRequestSerializer, responses=s.LessonLearnedSerializer)
    def post(self, request: Any, pk: int) -> Response:
        lesson = get_object_or_404(m.LessonLearned.objects.restrict(request.user), pk=pk)
        body = s.LinkLessonRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        lessons.do_link_lesson(lesson, body.validated_data["record"], acting_user=request.user)
        context = {"request": request}
        return Response(s.LessonLearnedSerializer(lesson, context=context).data, status=201)
