"""Outreach API (Capstone §9.1-9.2, §7.2): every record, and the actions and readings on them
(link a rumour to incidents, share with a partner, the flags and the decisions on them)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from bluehelmet.core.api.generic import BaseModelViewSet, BaseReadOnlyViewSet
from bluehelmet.core.audit import log_reads
from bluehelmet.core.models import Mission, Partner
from bluehelmet.outreach import actions
from bluehelmet.outreach import filtersets as fs
from bluehelmet.outreach import models as m
from bluehelmet.outreach.api import serializers as s
from bluehelmet.outreach.verdicts import judge_actions, judge_impact, judge_rumours, overrides_for


class ImpactIndicatorViewSet(BaseModelViewSet):
    queryset = m.ImpactIndicator.objects.select_related("mission", "org_unit")
    serializer_class = s.ImpactIndicatorSerializer
    filterset_class = fs.ImpactIndicatorFilterSet


class ImpactObservationViewSet(BaseModelViewSet):
    queryset = m.ImpactObservation.objects.select_related("mission", "indicator")
    serializer_class = s.ImpactObservationSerializer
    filterset_class = fs.ImpactObservationFilterSet


class OutreachActivityViewSet(BaseModelViewSet):
    queryset = m.OutreachActivity.objects.select_related("mission")
    serializer_class = s.OutreachActivitySerializer
    filterset_class = fs.OutreachActivityFilterSet


class RumourViewSet(BaseModelViewSet):
    queryset = m.Rumour.objects.select_related("mission")
    serializer_class = s.RumourSerializer
    filterset_class = fs.RumourFilterSet


class CoordinationMeetingViewSet(BaseModelViewSet):
    queryset = m.CoordinationMeeting.objects.select_related("mission")
    serializer_class = s.CoordinationMeetingSerializer
    filterset_class = fs.CoordinationMeetingFilterSet


class ActionItemViewSet(BaseModelViewSet):
    queryset = m.ActionItem.objects.select_related("mission", "meeting")
    serializer_class = s.ActionItemSerializer
    filterset_class = fs.ActionItemFilterSet


class SharingRecordViewSet(BaseReadOnlyViewSet):
    queryset = m.SharingRecord.objects.select_related("mission", "partner", "shared_by")
    serializer_class = s.SharingRecordSerializer
    filterset_class = fs.SharingRecordFilterSet


class OutreachVerdictOverrideViewSet(BaseReadOnlyViewSet):
    queryset = m.OutreachVerdictOverride.objects.select_related("mission", "decided_by")
    serializer_class = s.OutreachVerdictOverrideSerializer
    filterset_class = fs.OutreachVerdictOverrideFilterSet


class RumourLinkView(APIView):
    """``POST /api/rumours/<pk>/link/``: link the rumour to the incidents that followed it in its
    area within the mission's window (all of them, or the ``incidents`` named)."""

    @extend_schema(request=s.LinkRequestSerializer, responses=s.RumourSerializer)
    def post(self, request: Any, pk: int) -> Response:
        rumour = get_object_or_404(m.Rumour.objects.restrict(request.user), pk=pk)
        body = s.LinkRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        actions.do_link_rumour_incidents(
            rumour, incident_ids=body.validated_data["incidents"], acting_user=request.user
        )
        return Response(s.RumourSerializer(rumour, context={"request": request}).data, status=201)


class ShareView(APIView):
    """``POST /api/share-with-partner/``: record information given to a partner; refused
    for a humanitarian partner unless unclassified and non-operational (Capstone §7.2)."""

    @extend_schema(request=s.ShareRequestSerializer, responses=s.SharingRecordSerializer)
    def post(self, request: Any) -> Response:
        body = s.ShareRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        partner = get_object_or_404(Partner.objects.restrict(request.user), pk=data.pop("partner"))
        meeting_id = data.pop("meeting")
        meeting = None
        if meeting_id is not None:
            visible = m.CoordinationMeeting.objects.restrict(request.user)
            meeting = get_object_or_404(visible, pk=meeting_id)
        made = actions.do_share_with_partner(
            partner, **data, meeting=meeting, acting_user=request.user
        )
        return Response(s.SharingRecordSerializer(made).data, status=201)


def verdict_rows(judged: list[Any], kind: str) -> list[dict[str, Any]]:
    return [{"kind": kind, "record": j.record.pk, **j.verdict.as_dict()} for j in judged]


class MissionOutreachVerdictsView(APIView):
    """``GET /api/missions/<code>/outreach/verdicts/``: every outreach verdict the caller may
    see; ``POST`` records a decision on one flag."""

    @extend_schema(
        responses=inline_serializer("OutreachVerdicts", {"verdicts": serializers.ListField()})
    )
    def get(self, request: Any, code: str) -> Response:
        mission = get_object_or_404(Mission.objects.restrict(request.user), code=code.upper())
        overrides = overrides_for(mission, request.user)
        impact = judge_impact(mission, request.user, overrides)
        rumours = judge_rumours(mission, request.user, overrides)
        items = judge_actions(mission, request.user, overrides)
        log_reads(request.user, [j.record for j in (*impact, *rumours, *items)])
        rows = [
            *verdict_rows(impact, "impactindicator"),
            *verdict_rows(rumours, "rumour"),
            *verdict_rows(items, "actionitem"),
        ]
        return Response({"mission": mission.code, "verdicts": rows})

    @extend_schema(
        request=s.OverrideRequestSerializer, responses=s.OutreachVerdictOverrideSerializer
    )
    def post(self, request: Any, code: str) -> Response:
        mission = get_object_or_404(Mission.objects.restrict(request.user), code=code.upper())
        body = s.OverrideRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        override = actions.do_override_outreach_verdict(
            mission, **body.validated_data, acting_user=request.user
        )
        return Response(s.OutreachVerdictOverrideSerializer(override).data, status=201)
