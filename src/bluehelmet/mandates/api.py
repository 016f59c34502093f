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
from bluehelmet.core.api.serializers_base import BaseModelSerializer, MissionScopedSerializer
from bluehelmet.core.models import ContributingCountry, Mission
from bluehelmet.mandates import filtersets as fs
from bluehelmet.mandates import models as m
from bluehelmet.mandates.actions import do_change_mandate
from bluehelmet.mandates.gap import Thresholds, gap_flags, gap_series
from bluehelmet.mandates.history import COLUMNS, history, history_csv


class ResolutionSerializer(BaseModelSerializer):
    class Meta:
        model = m.Resolution
        fields = ("id", "number", "adopted_on", "chapter_vii", "title", "text_reference", "source")


class MandatedTaskSerializer(MissionScopedSerializer):
    mission = serializers.SlugRelatedField(slug_field="code", read_only=True)  # type: ignore[assignment,var-annotated]
    task_type: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    task_name = serializers.CharField(source="task_type.name", read_only=True)
    version = serializers.IntegerField(source="mandate.version", read_only=True)

    class Meta:
        model = m.MandatedTask
        fields = (
            "id",
            "mission",
            "sensitivity",
            "mandate",
            "version",
            "task_type",
            "task_name",
            "wording",
            "priority",
        )
        read_only_fields = ("mandate",)


class MandateSerializer(MissionScopedSerializer):
    resolution: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="number", read_only=True
    )
    task_codes = serializers.SerializerMethodField()

    class Meta:
        model = m.Mandate
        fields = (
            "id",
            "mission",
            "sensitivity",
            "version",
            "resolution",
            "effective_from",
            "effective_to",
            "chapter_vii",
            "all_necessary_means",
            "summary",
            "diff",
            "source",
            "task_codes",
        )
        read_only_fields = fields

    def get_task_codes(self, obj: m.Mandate) -> list[str]:
        return sorted(t.task_type.code for t in obj.tasks.all())


class StrengthSerializer(MissionScopedSerializer):
    class Meta:
        model = m.DeployedStrength
        fields = (
            "id",
            "mission",
            "sensitivity",
            "month",
            "troops",
            "police",
            "military_observers",
            "civilians",
            "source",
        )


class AuthorisedStrengthSerializer(MissionScopedSerializer):
    resolution = serializers.SlugRelatedField(
        slug_field="number", allow_null=True, required=False, queryset=m.Resolution.objects.all()
    )

    class Meta:
        model = m.AuthorisedStrength
        fields = (
            "id",
            "mission",
            "sensitivity",
            "resolution",
            "effective_from",
            "effective_to",
            "troops",
            "police",
            "military_observers",
            "civilians",
            "source",
        )


class ConsultationSerializer(MissionScopedSerializer):
    countries = serializers.SlugRelatedField(
        slug_field="iso3", many=True, required=False, queryset=ContributingCountry.objects.all()
    )
    status = serializers.CharField(read_only=True)

    class Meta:
        model = m.Consultation
        fields = (
            "id",
            "mission",
            "sensitivity",
            "trigger",
            "due_on",
            "held_on",
            "status",
            "countries",
            "summary",
            "reason",
            "mandate",
        )
        read_only_fields = ("mandate",)

    def _candidate(self, attrs: dict[str, Any]) -> Any:
        return super()._candidate({k: v for k, v in attrs.items() if k != "countries"})


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


def _number(request: Any, name: str, cast: type) -> Any:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    try:
        return cast(raw)
    except ValueError as exc:
        raise ValidationError({name: [_("Not a number: %(v)s") % {"v": raw}]}) from exc


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
                ratio=_number(request, "ratio", float),
                min_months=_number(request, "min_months", int),
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


class MandateChangeRequestSerializer(serializers.Serializer):
    resolution = serializers.IntegerField(required=False, min_value=1)
    basis_reference = serializers.CharField(required=False, allow_blank=True, max_length=100)
    effective_from = serializers.DateField()
    tasks = serializers.ListField(child=serializers.CharField(max_length=60), allow_empty=False)
    priority_tasks = serializers.ListField(
        child=serializers.CharField(max_length=60), required=False
    )
    chapter_vii = serializers.BooleanField(required=False, allow_null=True, default=None)
    all_necessary_means = serializers.BooleanField(required=False, default=False)
    summary = serializers.CharField(required=False, allow_blank=True, max_length=4000)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("resolution") and not attrs.get("basis_reference"):
            raise ValidationError(
                {"resolution": [_("Give the resolution number or another basis.")]}
            )
        return attrs


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
