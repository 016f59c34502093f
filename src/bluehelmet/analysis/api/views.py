"""JMAC API (Capstone §7.2, §3.1, §4.2): actors, threat assessments, hotspots and trends.

Every list and detail goes through ``restrict``; hotspots and trends count only the incidents
the caller may see. Bad parameters answer 400 with a message per parameter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from bluehelmet.analysis import actions as act
from bluehelmet.analysis import filtersets as fs
from bluehelmet.analysis import linking, queries
from bluehelmet.analysis import models as m
from bluehelmet.analysis.api import serializers as s
from bluehelmet.analysis.params import ParamError
from bluehelmet.core.api.generic import BaseModelViewSet
from bluehelmet.core.context import acting_as
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action


def with_params(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except ParamError as exc:
        raise ValidationError({k: [v] for k, v in exc.errors.items()}) from exc


def visible_mission(request: Any, code: str) -> Mission:
    return get_object_or_404(Mission.objects.restrict(request.user), code=code.upper())


RANGE_PARAMS = [
    OpenApiParameter("since", OpenApiTypes.DATE),
    OpenApiParameter("until", OpenApiTypes.DATE),
    OpenApiParameter("category", OpenApiTypes.STR, description="Comma-separated category codes"),
    OpenApiParameter("group", OpenApiTypes.STR, description="Category group"),
]


class ActorViewSet(BaseModelViewSet):
    """The JMAC's register of parties, armed groups, spoilers and criminal groups (§3.1)."""

    queryset = m.Actor.objects.select_related("mission", "party")
    serializer_class = s.ActorSerializer
    filterset_class = fs.ActorFilterSet

    @extend_schema(
        parameters=[
            OpenApiParameter("period", OpenApiTypes.STR, enum=["month", "week"]),
            OpenApiParameter("days", OpenApiTypes.INT),
            OpenApiParameter("since", OpenApiTypes.DATE),
            OpenApiParameter("until", OpenApiTypes.DATE),
        ],
        responses=OpenApiTypes.OBJECT,
    )
    @action(detail=True, methods=["get"])
    def activity(self, request: Any, pk: str | None = None) -> Response:
        """Incidents and fatalities per month (or week) naming this actor, by side."""
        actor = self.get_object()
        return Response(
            with_params(lambda: queries.activity(request.user, actor, request.query_params))
        )

    @extend_schema(
        parameters=[OpenApiParameter("mission", OpenApiTypes.STR, required=True)],
        request=None,
        responses=OpenApiTypes.OBJECT,
    )
    @action(detail=False, methods=["post"])
    def relink(self, request: Any) -> Response:
        """Recompute the incident links of every actor of ``?mission=`` (normally automatic)."""
        mission = self._mission(request, Action.CHANGE)
        result = act.do_link_actor_incidents(mission, acting_user=request.user)
        return Response(result.as_dict())

    @extend_schema(
        parameters=[OpenApiParameter("mission", OpenApiTypes.STR, required=True)],
        responses=OpenApiTypes.OBJECT,
    )
    @action(detail=False, methods=["get"])
    def unmatched(self, request: Any) -> Response:
        """Actor names of the incident log that no actor claims yet (candidates for aliases)."""
        mission = self._mission(request, Action.VIEW)
        names = linking.unmatched_names(mission.pk, reader=request.user)
        return Response([{"name": n, "incidents": c} for n, c in names])

    def _mission(self, request: Any, action_name: str) -> Mission:
        code = (request.query_params.get("mission") or "").strip()
        if not code:
            raise ValidationError({"mission": ["Give the mission code: ?mission=<code>."]})
        missions = Mission.objects.restrict(request.user, action_name)
        return get_object_or_404(missions, code=code.upper())


class ThreatAssessmentViewSet(BaseModelViewSet):
    """Written threat assessments (§7.2) with a worst case (§4.2), reviewed before use."""

    queryset = m.ThreatAssessment.objects.select_related("mission", "author", "reviewer")
    serializer_class = s.ThreatAssessmentSerializer
    filterset_class = fs.ThreatAssessmentFilterSet

    def perform_create(self, serializer: Any) -> None:
        cited = serializer.validated_data.pop("cited_incidents", None)
        with transaction.atomic(), acting_as(self.request.user):
            assessment = serializer.save(author=self.request.user)
            if cited:
                act.do_set_threat_assessment_citations(
                    assessment, cited, acting_user=self.request.user
                )

    def perform_update(self, serializer: Any) -> None:
        if not serializer.instance.editable_now:
            raise ActionError(
                ErrorCode.WRONG_STATE, _("Only a draft can change; return it to draft first.")
            )
        cited = serializer.validated_data.pop("cited_incidents", None)
        with transaction.atomic(), acting_as(self.request.user):
            assessment = serializer.save()
            if cited is not None:
                act.do_set_threat_assessment_citations(
                    assessment, cited, acting_user=self.request.user
                )

    def _changeable(self) -> m.ThreatAssessment:
        queryset = m.ThreatAssessment.objects.restrict(self.request.user, Action.CHANGE)
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def _respond(self, assessment: m.ThreatAssessment) -> Response:
        fresh = self.get_queryset().get(pk=assessment.pk)
        return Response(self.get_serializer(fresh).data)

    @extend_schema(request=None, responses=s.ThreatAssessmentSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request: Any, pk: str | None = None) -> Response:
        """Send a draft for review (needs narrative, worst case and a cited incident)."""
        assessment = self._changeable()
        act.do_submit_threat_assessment(assessment, acting_user=request.user)
        return self._respond(assessment)

    @extend_schema(request=s.ReviewSerializer, responses=s.ThreatAssessmentSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request: Any, pk: str | None = None) -> Response:
        """Approve an assessment in review (not its author), with an optional note."""
        assessment = self._changeable()
        body = s.ReviewSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        reason = body.validated_data.get("reason", "")
        act.do_approve_threat_assessment(assessment, acting_user=request.user, reason=reason)
        return self._respond(assessment)

    @extend_schema(request=s.ReviewSerializer, responses=s.ThreatAssessmentSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_to_draft(self, request: Any, pk: str | None = None) -> Response:
        """Return an assessment in review to its author, with the reason."""
        assessment = self._changeable()
        body = s.ReviewSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        reason = body.validated_data.get("reason", "")
        act.do_return_threat_assessment(assessment, acting_user=request.user, reason=reason)
        return self._respond(assessment)


class MissionHotspotsView(APIView):
    """``/api/missions/<code>/hotspots/``: areas whose violence rose or fell, tested (§7.2)."""

    @extend_schema(
        parameters=[
            OpenApiParameter("unit", OpenApiTypes.STR, description="admin1 or h3:<resolution>"),
            OpenApiParameter("period", OpenApiTypes.STR, description="e.g. 30d or 4w"),
            OpenApiParameter("baseline", OpenApiTypes.INT, description="Baseline periods (12)"),
            *RANGE_PARAMS,
        ],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request: Any, code: str) -> Response:
        mission = visible_mission(request, code)
        report = with_params(
            lambda: queries.hotspot_report(request.user, mission, request.query_params)
        )
        return Response({"mission": mission.code, **report.as_dict()})


class MissionTrendsView(APIView):
    """``/api/missions/<code>/trends/``: incidents per period by category, group or actor."""

    @extend_schema(
        parameters=[
            OpenApiParameter("by", OpenApiTypes.STR, enum=["category", "group", "actor"]),
            OpenApiParameter("period", OpenApiTypes.STR, enum=["month", "week"]),
            OpenApiParameter("days", OpenApiTypes.INT, description="Range when since is not given"),
            *RANGE_PARAMS,
        ],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request: Any, code: str) -> Response:
        mission = visible_mission(request, code)
        return Response(
            with_params(lambda: queries.mission_trends(request.user, mission, request.query_params))
        )
