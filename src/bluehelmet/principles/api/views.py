"""Principles API (Capstone §3.1, §2.3): ROE/DUF, use of force, consent, impartiality, PoC.

Every list and detail goes through ``restrict``; all these records are at least confidential,
so a caller without that clearance sees empty lists and 404s.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from bluehelmet.core.api.generic import BaseModelViewSet, BaseReadOnlyViewSet
from bluehelmet.core.context import acting_as
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action
from bluehelmet.core.validators import parse_day
from bluehelmet.principles import actions as act
from bluehelmet.principles import filtersets as fs
from bluehelmet.principles import models as m
from bluehelmet.principles import overrides
from bluehelmet.principles.api import serializers as s
from bluehelmet.principles.dashboard import principles_summary


def changeable(viewset: Any, model: Any) -> Any:
    """The record named in the URL, if the caller may change it (else 404)."""
    queryset = model.objects.restrict(viewset.request.user, Action.CHANGE)
    return get_object_or_404(queryset, pk=viewset.kwargs["pk"])


class RoeProfileViewSet(BaseModelViewSet):
    queryset = m.RoeProfile.objects.select_related("mission").prefetch_related("levels")
    serializer_class = s.RoeProfileSerializer
    filterset_class = fs.RoeProfileFilterSet


class ForceLevelViewSet(BaseModelViewSet):
    queryset = m.ForceLevel.objects.select_related("mission", "profile")
    serializer_class = s.ForceLevelSerializer
    filterset_class = fs.ForceLevelFilterSet


class UseOfForceReportViewSet(BaseModelViewSet):
    """Reports are reviewed against the §3.1 rules as soon as they are filed or corrected."""

    queryset = m.UseOfForceReport.objects.select_related(
        "mission", "level__profile"
    ).prefetch_related("flags__decided_by")
    serializer_class = s.UseOfForceReportSerializer
    filterset_class = fs.UseOfForceReportFilterSet

    def perform_create(self, serializer: Any) -> None:
        super().perform_create(serializer)
        self._review(serializer.instance)

    def perform_update(self, serializer: Any) -> None:
        super().perform_update(serializer)
        self._review(serializer.instance)

    def _review(self, report: m.UseOfForceReport) -> None:
        with acting_as(self.request.user):
            act.do_review_use_of_force_report(report, acting_user=self.request.user)

    @extend_schema(request=None, responses=s.UseOfForceReportSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request: Any, pk: str | None = None) -> Response:
        """Run the review rules again (e.g. after the mandate changed)."""
        report = changeable(self, m.UseOfForceReport)
        self._review(report)
        report = self.get_queryset().get(pk=report.pk)
        return Response(self.get_serializer(report).data)


class ReviewFlagViewSet(BaseReadOnlyViewSet):
    """Flags are raised by the review; a reviewer closes each with a decision and reason."""

    queryset = m.ReviewFlag.objects.select_related("mission", "decided_by")
    serializer_class = s.ReviewFlagSerializer
    filterset_class = fs.ReviewFlagFilterSet

    @extend_schema(request=s.CloseFlagSerializer, responses=s.ReviewFlagSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request: Any, pk: str | None = None) -> Response:
        flag = changeable(self, m.ReviewFlag)
        body = s.CloseFlagSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        act.do_close_review_flag(
            flag,
            decision=body.validated_data["decision"],
            reason=body.validated_data["reason"],
            acting_user=request.user,
        )
        return Response(s.ReviewFlagSerializer(flag, context={"request": request}).data)


class PartyViewSet(BaseModelViewSet):
    queryset = m.Party.objects.select_related("mission")
    serializer_class = s.PartySerializer
    filterset_class = fs.PartyFilterSet


class ConsentEventViewSet(BaseModelViewSet):
    queryset = m.ConsentEvent.objects.select_related("mission", "party", "org_unit")
    serializer_class = s.ConsentEventSerializer
    filterset_class = fs.ConsentEventFilterSet

    @extend_schema(
        request=s.AssessConsentSerializer, responses=s.ConsentAssessmentSerializer(many=True)
    )
    @action(detail=False, methods=["post"])
    def assess(self, request: Any) -> Response:
        """Store a consent assessment per party and locality for a mission (§3.1)."""
        body = s.AssessConsentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        missions = Mission.objects.restrict(request.user)
        mission = get_object_or_404(missions, code=data["mission"].upper())
        kwargs = {"window_days": data["window_days"]} if data.get("window_days") else {}
        rows = act.do_assess_consent(
            mission, acting_user=request.user, as_of=data.get("as_of"), **kwargs
        )
        out = s.ConsentAssessmentSerializer(rows, many=True, context={"request": request})
        return Response(out.data, status=201)


class ConsentAssessmentViewSet(BaseReadOnlyViewSet):
    queryset = m.ConsentAssessment.objects.select_related("mission", "party")
    serializer_class = s.ConsentAssessmentSerializer
    filterset_class = fs.ConsentAssessmentFilterSet


class ViolationViewSet(BaseModelViewSet):
    queryset = m.Violation.objects.select_related("mission", "party")
    serializer_class = s.ViolationSerializer
    filterset_class = fs.ViolationFilterSet


class ViolationResponseViewSet(BaseModelViewSet):
    queryset = m.ViolationResponse.objects.select_related("mission", "violation")
    serializer_class = s.ViolationResponseSerializer
    filterset_class = fs.ViolationResponseFilterSet


class ProtectionThreatViewSet(BaseModelViewSet):
    queryset = m.ProtectionThreat.objects.select_related("mission", "perpetrator")
    serializer_class = s.ProtectionThreatSerializer
    filterset_class = fs.ProtectionThreatFilterSet


class ProtectionAlertViewSet(BaseModelViewSet):
    queryset = m.ProtectionAlert.objects.select_related("mission", "threat")
    serializer_class = s.ProtectionAlertSerializer
    filterset_class = fs.ProtectionAlertFilterSet

    @extend_schema(request=s.AlertResponseSerializer, responses=s.ProtectionAlertSerializer)
    @action(detail=True, methods=["post"])
    def respond(self, request: Any, pk: str | None = None) -> Response:
        """Record the response to an alert and its time (Capstone §2.3)."""
        alert = changeable(self, m.ProtectionAlert)
        body = s.AlertResponseSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        act.do_record_alert_response(
            alert,
            response_kind=data["response_kind"],
            responded_at=data.get("responded_at"),
            note=data.get("note", ""),
            acting_user=request.user,
        )
        return Response(s.ProtectionAlertSerializer(alert, context={"request": request}).data)


class MissionPrinciplesView(APIView):
    """``/api/missions/<code>/principles/?as_of=YYYY-MM-DD``: the leadership dashboard data."""

    @extend_schema(
        parameters=[OpenApiParameter("as_of", OpenApiTypes.DATE)], responses=OpenApiTypes.OBJECT
    )
    def get(self, request: Any, code: str) -> Response:
        mission = get_object_or_404(Mission.objects.restrict(request.user), code=code.upper())
        as_of = _date(request.query_params.get("as_of"))
        return Response(principles_summary(mission, request.user, as_of))


class VerdictOverrideView(APIView):
    """``POST /api/missions/<code>/principles/overrides/``: accept or dismiss a consent,
    impartiality or protection verdict (``rule`` and ``subject`` as the summary gives them),
    with a reason; the summary then shows the verdict with the decision."""

    @extend_schema(request=s.OverrideVerdictSerializer, responses={201: OpenApiTypes.OBJECT})
    def post(self, request: Any, code: str) -> Response:
        mission = get_object_or_404(Mission.objects.restrict(request.user), code=code.upper())
        body = s.OverrideVerdictSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        override = act.do_override_verdict(mission, acting_user=request.user, **body.validated_data)
        data = {"rule": override.rule, "subject": override.subject, **overrides.describe(override)}
        return Response(data, status=201)


def _date(raw: str | None) -> Any:
    try:
        return parse_day(raw)
    except ValueError as exc:
        raise ValidationError({"as_of": [str(exc)]}) from None
