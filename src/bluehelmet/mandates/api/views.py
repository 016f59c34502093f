"""Mandates API (Capstone §1.4, §4.2-4.3)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from bluehelmet.core.api.generic import BaseModelViewSet, BaseReadOnlyViewSet
from bluehelmet.core.models import Mission
from bluehelmet.mandates import filtersets as fs
from bluehelmet.mandates import models as m
from bluehelmet.mandates.actions import do_change_mandate
from bluehelmet.mandates.api.serializers import (
    AuthorisedStrengthSerializer,
    ConsultationSerializer,
    MandateChangeRequestSerializer,
    MandatedTaskSerializer,
    MandateSerializer,
    ResolutionSerializer,
    StrengthSerializer,
)
from bluehelmet.mandates.gap import Thresholds, gap_flags, gap_series
from bluehelmet.mandates.history import COLUMNS, history, history_csv


class ResolutionViewSet(BaseModelViewSet):
    queryset = m.Resolution.objects.all()
    serializer_class = ResolutionSerializer
    filterset_class = fs.ResolutionFilterSet


class MandateViewSet(BaseReadOnlyViewSet):
    """Mandate versions are written by ``do_change_mandate`` (pages, CLI, importers)."""

    queryset = m.Mandate.objects.select_related("mission", "resolution").prefetch_related(
        "tasks__task_type"
    )
    serializer_class = MandateSerializer
    filterset_class = fs.MandateFilterSet


class MandatedTaskViewSet(BaseReadOnlyViewSet):
    queryset = m.MandatedTask.objects.select_related("mission", "task_type", "mandate")
    serializer_class = MandatedTaskSerializer
    filterset_class = fs.MandatedTaskFilterSet


class StrengthViewSet(BaseModelViewSet):
    queryset = m.DeployedStrength.objects.select_related("mission")
    serializer_class = StrengthSerializer
    filterset_class = fs.DeployedStrengthFilterSet


class AuthorisedStrengthViewSet(BaseModelViewSet):
    queryset = m.AuthorisedStrength.objects.select_related("mission", "resolution")
    serializer_class = AuthorisedStrengthSerializer
    filterset_class = fs.AuthorisedStrengthFilterSet


class ConsultationViewSet(BaseModelViewSet):
    queryset = m.Consultation.objects.select_related("mission").prefetch_related("countries")
    serializer_class = ConsultationSerializer
    filterset_class = fs.ConsultationFilterSet


def _number(request: Any, name: str, cast: type, low: float, high: float) -> Any:
    """``?name=`` as ``cast`` within [low, high] (None when not given), else a 400 naming it."""
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    try:
        value = cast(raw)
    except ValueError as exc:
        raise ValidationError({name: [_("Not a number: %(v)s") % {"v": raw}]}) from exc
    if not low <= value <= high:  # also refuses nan
        raise ValidationError(
            {name: [_("Between %(low)s and %(high)s.") % {"low": low, "high": high}]}
        )
    return value


class MissionGapView(APIView):
    """``/api/missions/<code>/gap/?ratio=0.8&min_months=3``: monthly series and flags (§4.2)."""

    @extend_schema(
        parameters=[OpenApiParameter("ratio", float), OpenApiParameter("min_months", int)],
        responses=inline_serializer(
            "MandateResourceGap",
            {
                "mission": serializers.CharField(),
                "thresholds": serializers.DictField(),
                "flags": serializers.ListField(child=serializers.DictField()),
                "series": serializers.ListField(child=serializers.DictField()),
            },
        ),
    )
    def get(self, request: Any, code: str) -> Response:
        mission = get_object_or_404(Mission.objects.restrict(request.user), code=code.upper())
        try:
            thresholds = Thresholds.from_settings(
                ratio=_number(request, "ratio", float, 0.01, 1),
                min_months=_number(request, "min_months", int, 1, 1200),
            )
        except ValueError as exc:
            raise ValidationError({"thresholds": [str(exc)]}) from exc
        series = gap_series(mission, request.user)
        return Response(
            {
                "mission": mission.code,
                "thresholds": asdict(thresholds),
                "flags": [asdict(f) for f in gap_flags(series, thresholds)],
                "series": [asdict(s) for s in series],
            }
        )


class MissionMandateHistoryView(APIView):
    """``/api/missions/<code>/mandate-history/`` (``?export=csv`` for a spreadsheet)."""

    @extend_schema(
        parameters=[OpenApiParameter("export", str, enum=["csv"])],
        responses=inline_serializer(
            "MandateHistoryRow", {c: serializers.CharField() for c in COLUMNS}, many=True
        ),
    )
    def get(self, request: Any, code: str) -> Any:
        mission = get_object_or_404(Mission.objects.restrict(request.user), code=code.upper())
        rows = history(mission, request.user)
        if request.query_params.get("export") == "csv":
            response = HttpResponse(history_csv(rows), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = (
                f'attachment; filename="{mission.code}-mandate-history.csv"'
            )
            return response
        return Response(rows)


class MissionMandateChangeView(APIView):
    """``POST /api/missions/<code>/mandate/``: record a new mandate version (Capstone §1.4).

    The resolution is created on first mention; the diff and the §4.3 consultations follow.
    """

    @extend_schema(request=MandateChangeRequestSerializer, responses=MandateSerializer)
    def post(self, request: Any, code: str) -> Response:
        mission = get_object_or_404(Mission.objects.restrict(request.user), code=code.upper())
        body = MandateChangeRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        resolution = None
        if data.get("resolution"):
            resolution, _created = m.Resolution.objects.get_or_create(number=data["resolution"])
        mandate = do_change_mandate(
            mission,
            resolution,
            acting_user=request.user,
            effective_from=data["effective_from"],
            task_codes=data["tasks"],
            chapter_vii=data["chapter_vii"],
            all_necessary_means=data["all_necessary_means"],
            summary=data.get("summary", ""),
            priorities=data.get("priority_tasks", []),
            basis_reference=data.get("basis_reference", ""),
        )
        return Response(MandateSerializer(mandate).data, status=201)
