"""Planning API (Capstone §5.1-5.2, §4.3): every record, and the actions and readings of the
plan (draft, adopt, compare, coverage verdicts and decisions on them, concepts of operations)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from bluehelmet.core.api.generic import BaseModelViewSet, BaseReadOnlyViewSet
from bluehelmet.core.context import acting_as
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.models import Mission
from bluehelmet.planning import actions
from bluehelmet.planning import filtersets as fs
from bluehelmet.planning import models as m
from bluehelmet.planning.api import serializers as s
from bluehelmet.planning.coverage import judge_plan, overrides_for
from bluehelmet.planning.diff import compare
from bluehelmet.planning.queries import current_revision, revision_numbered


class PlanPartViewSet(BaseModelViewSet):
    """Parts of a revision: deleted only from a draft, like any change (Capstone §5.2)."""

    def perform_destroy(self, instance: Any) -> None:
        revision = instance.owning_revision()
        if revision is not None and not revision.is_draft:
            raise ActionError(
                ErrorCode.WRONG_STATE,
                _("Revision %(n)d is kept as it was: start a new revision to change the plan.")
                % {"n": revision.number},
            )
        with acting_as(self.request.user):
            instance.delete()


class PlanRevisionViewSet(BaseReadOnlyViewSet):
    """Revisions are drafted and adopted by actions (``/api/missions/<code>/plan/...``)."""

    queryset = m.PlanRevision.objects.select_related("mission").prefetch_related("objectives")
    serializer_class = s.PlanRevisionSerializer
    filterset_class = fs.PlanRevisionFilterSet


class PlanReviewViewSet(BaseReadOnlyViewSet):
    queryset = m.PlanReview.objects.select_related("mission")
    serializer_class = s.PlanReviewSerializer
    filterset_class = fs.PlanReviewFilterSet


class StrategicObjectiveViewSet(PlanPartViewSet):
    queryset = m.StrategicObjective.objects.select_related("mission", "revision").prefetch_related(
        "tasks"
    )
    serializer_class = s.StrategicObjectiveSerializer
    filterset_class = fs.StrategicObjectiveFilterSet


class PlanActorViewSet(PlanPartViewSet):
    queryset = m.PlanActor.objects.select_related(
        "mission", "objective__revision", "component", "org_unit", "partner"
    )
    serializer_class = s.PlanActorSerializer
    filterset_class = fs.PlanActorFilterSet


class ExpectedResultViewSet(PlanPartViewSet):
    queryset = m.ExpectedResult.objects.select_related("mission", "objective__revision")
    serializer_class = s.ExpectedResultSerializer
    filterset_class = fs.ExpectedResultFilterSet


class ResultIndicatorViewSet(PlanPartViewSet):
    queryset = m.ResultIndicator.objects.select_related("mission", "result__objective__revision")
    serializer_class = s.ResultIndicatorSerializer
    filterset_class = fs.ResultIndicatorFilterSet


class ParallelFrameworkViewSet(BaseModelViewSet):
    queryset = m.ParallelFramework.objects.select_related("mission")
    serializer_class = s.ParallelFrameworkSerializer
    filterset_class = fs.ParallelFrameworkFilterSet


class FrameworkLinkViewSet(PlanPartViewSet):
    queryset = m.FrameworkLink.objects.select_related("mission", "objective__revision")
    serializer_class = s.FrameworkLinkSerializer
    filterset_class = fs.FrameworkLinkFilterSet


class ConceptOfOperationsViewSet(BaseReadOnlyViewSet):
    """Versions are issued by ``POST /api/missions/<code>/concepts/`` (it opens §4.3)."""

    queryset = m.ConceptOfOperations.objects.select_related("mission")
    serializer_class = s.ConceptOfOperationsSerializer
    filterset_class = fs.ConceptOfOperationsFilterSet


class PlanVerdictOverrideViewSet(BaseReadOnlyViewSet):
    queryset = m.PlanVerdictOverride.objects.select_related("mission", "decided_by")
    serializer_class = s.PlanVerdictOverrideSerializer
    filterset_class = fs.PlanVerdictOverrideFilterSet


def _mission(request: Any, code: str) -> Mission:
    return get_object_or_404(Mission.objects.restrict(request.user), code=code.upper())


class MissionPlanRevisionsView(APIView):
    """``POST /api/missions/<code>/plan/revisions/``: draft the next revision (a copy)."""

    @extend_schema(request=s.DraftRevisionRequestSerializer, responses=s.PlanRevisionSerializer)
    def post(self, request: Any, code: str) -> Response:
        mission = _mission(request, code)
        body = s.DraftRevisionRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        revision = actions.do_draft_revision(
            mission,
            title=body.validated_data["title"],
            reason=body.validated_data.get("reason", ""),
            acting_user=request.user,
        )
        return Response(s.PlanRevisionSerializer(revision).data, status=201)


class PlanRevisionAdoptView(APIView):
    """``POST /api/plan-revisions/<pk>/adopt/``: the draft becomes the plan in force."""

    @extend_schema(request=s.AdoptRevisionRequestSerializer, responses=s.PlanRevisionSerializer)
    def post(self, request: Any, pk: int) -> Response:
        revision = get_object_or_404(m.PlanRevision.objects.restrict(request.user), pk=pk)
        body = s.AdoptRevisionRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        actions.do_adopt_revision(
            revision, adopted_on=body.validated_data.get("adopted_on"), acting_user=request.user
        )
        return Response(s.PlanRevisionSerializer(revision).data)


DIFF_SCHEMA = inline_serializer(
    "PlanRevisionDiff",
    {
        "from": serializers.IntegerField(),
        "to": serializers.IntegerField(),
        "added": serializers.ListField(child=serializers.DictField()),
        "removed": serializers.ListField(child=serializers.DictField()),
        "retargeted": serializers.ListField(child=serializers.DictField()),
        "actors_changed": serializers.ListField(child=serializers.DictField()),
        "changed": serializers.ListField(child=serializers.DictField()),
        "unchanged": serializers.IntegerField(),
    },
)


class MissionPlanCompareView(APIView):
    """``GET /api/missions/<code>/plan/compare/<a>/<b>/``: what changed from a to b."""

    @extend_schema(responses=DIFF_SCHEMA)
    def get(self, request: Any, code: str, a: int, b: int) -> Response:
        mission = _mission(request, code)
        old = revision_numbered(mission, request.user, a)
        new = revision_numbered(mission, request.user, b)
        return Response(compare(old, new))


class MissionPlanVerdictsView(APIView):
    """``GET /api/missions/<code>/plan/verdicts/`` (``?revision=n``): coverage verdicts;
    ``POST`` records a decision on one (rule, subject, decision, reason)."""

    @extend_schema(
        responses=inline_serializer(
            "PlanVerdicts",
            {
                "mission": serializers.CharField(),
                "revision": serializers.IntegerField(allow_null=True),
                "verdicts": serializers.ListField(child=serializers.DictField()),
            },
        )
    )
    def get(self, request: Any, code: str) -> Response:
        mission = _mission(request, code)
        number = request.query_params.get("revision")
        revision = (
            revision_numbered(mission, request.user, number)
            if number
            else current_revision(mission, request.user)
        )
        verdicts = []
        if revision is not None:
            day = timezone.now().date()
            overrides = overrides_for(mission.pk, request.user)
            verdicts = [v.as_dict() for v in judge_plan(revision, day, overrides)]
        number_out = revision.number if revision else None
        return Response({"mission": mission.code, "revision": number_out, "verdicts": verdicts})

    @extend_schema(request=s.OverrideRequestSerializer, responses=s.PlanVerdictOverrideSerializer)
    def post(self, request: Any, code: str) -> Response:
        mission = _mission(request, code)
        body = s.OverrideRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        override = actions.do_override_plan_verdict(
            mission, **body.validated_data, acting_user=request.user
        )
        return Response(s.PlanVerdictOverrideSerializer(override).data, status=201)


class MissionConceptsView(APIView):
    """``POST /api/missions/<code>/concepts/``: issue a concept of operations version; it opens
    the §4.3 consultation with contributors."""

    @extend_schema(
        request=s.IssueConceptRequestSerializer, responses=s.ConceptOfOperationsSerializer
    )
    def post(self, request: Any, code: str) -> Response:
        mission = _mission(request, code)
        body = s.IssueConceptRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        concept = actions.do_issue_concept(mission, **body.validated_data, acting_user=request.user)
        return Response(s.ConceptOfOperationsSerializer(concept).data, status=201)
