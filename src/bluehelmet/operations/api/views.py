"""JOC API (Capstone §7.2): incidents with map, aggregate and export views; situation and
flash reports; crises with their log and tasks. Every queryset is the caller's restricted one.
"""

from __future__ import annotations

from typing import Any

import orjson
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from bluehelmet.core.api.generic import BaseModelViewSet, BaseReadOnlyViewSet
from bluehelmet.core.context import acting_as
from bluehelmet.core.permissions import Action
from bluehelmet.operations import actions as act
from bluehelmet.operations import export as exporter
from bluehelmet.operations import filtersets as fs
from bluehelmet.operations import models as m
from bluehelmet.operations.aggregate import AggregateError, Grouping, aggregate
from bluehelmet.operations.api import serializers as s

MAP_LIMIT_DEFAULT, MAP_LIMIT_MAX = 1000, 10000
TRUE = {"1", "true", "yes", "on"}


def changeable(viewset: Any, model: type) -> Any:
    """The record named in the URL, if the caller may change it (else 404)."""
    queryset = model.objects.restrict(viewset.request.user, Action.CHANGE)  # type: ignore[attr-defined]
    return get_object_or_404(queryset, pk=viewset.kwargs["pk"])


def _flag(request: Any, name: str) -> bool:
    return str(request.query_params.get(name, "")).lower() in TRUE


AGGREGATE_PARAMS = [
    OpenApiParameter("by", str, description="period, category, admin1, h3 (comma-separated)"),
    OpenApiParameter("period", str, enum=["week", "month", "year"]),
    OpenApiParameter("h3_res", int, description="H3 resolution 0-7 (default 5)"),
]
AggregateRow = inline_serializer(
    "IncidentAggregateRow",
    {
        "period": serializers.DateField(required=False),
        "category": serializers.CharField(required=False),
        "admin1": serializers.CharField(required=False),
        "h3": serializers.CharField(required=False),
        "lat": serializers.FloatField(required=False),
        "lon": serializers.FloatField(required=False),
        "count": serializers.IntegerField(),
        "killed": serializers.IntegerField(),
        "civilians_killed": serializers.IntegerField(),
    },
    many=True,
)


class IncidentCategoryViewSet(BaseReadOnlyViewSet):
    queryset = m.IncidentCategory.objects.all()
    serializer_class = s.IncidentCategorySerializer
    filterset_class = fs.IncidentCategoryFilterSet
    pagination_class = None


class IncidentSourceViewSet(BaseModelViewSet):
    queryset = m.IncidentSource.objects.select_related("mission")
    serializer_class = s.IncidentSourceSerializer
    filterset_class = fs.IncidentSourceFilterSet


class IncidentViewSet(BaseModelViewSet):
    """Incidents: ``?mission=&bbox=&since=&until=&category=&actor=&source=&sensitivity=``."""

    queryset = m.Incident.objects.select_related("mission", "category", "source", "duplicate_of")
    serializer_class = s.IncidentSerializer
    filterset_class = fs.IncidentFilterSet
    ordering_fields = ("occurred_at", "reported_at", "killed", "id")

    def get_serializer_class(self) -> Any:
        if self.action == "retrieve":
            return s.IncidentDetailSerializer
        if self.action == "verify":
            return s.VerifyRequestSerializer
        return super().get_serializer_class()

    def get_queryset(self) -> Any:
        queryset = super().get_queryset()
        if self.action == "retrieve":
            queryset = queryset.prefetch_related("verifications__by", "duplicates")
        return queryset

    @extend_schema(
        parameters=[OpenApiParameter("limit", int, description="at most 10000 (default 1000)")],
        responses={(200, "application/geo+json"): OpenApiTypes.OBJECT},
    )
    @action(detail=False, methods=["get"])
    def geojson(self, request: Any) -> HttpResponse:
        """The filtered incidents that have coordinates, as a GeoJSON FeatureCollection."""
        limit = self._limit(request)
        queryset = self.filter_queryset(self.get_queryset()).filter(latitude__isnull=False)
        # Only the shown columns, as values (one query, no model instances), encoded by orjson.
        features, truncated = exporter.map_features(queryset, request.user, limit)
        body = {"type": "FeatureCollection", "features": features, "truncated": truncated}
        return HttpResponse(orjson.dumps(body), content_type="application/geo+json")

    def _limit(self, request: Any) -> int:
        raw = request.query_params.get("limit") or MAP_LIMIT_DEFAULT
        try:
            limit = int(raw)
        except (TypeError, ValueError):
            raise ValidationError({"limit": ["A whole number, at most 10000."]}) from None
        if not 1 <= limit <= MAP_LIMIT_MAX:
            raise ValidationError({"limit": ["Between 1 and 10000."]})
        return limit

    @extend_schema(parameters=AGGREGATE_PARAMS, responses=AggregateRow)
    @action(detail=False, methods=["get"], pagination_class=None)  # rows, not pages
    def aggregate(self, request: Any) -> Response:
        """Counts, killed and civilians killed by period x category x admin1 x H3 cell."""
        q = request.query_params
        try:
            grouping = Grouping.parse(q.get("by"), q.get("period"), q.get("h3_res"))
        except AggregateError as exc:
            raise ValidationError({"detail": str(exc)}) from exc
        return Response(aggregate(self.filter_queryset(self.get_queryset()), grouping))

    @extend_schema(
        parameters=[
            OpenApiParameter("as", str, enum=list(exporter.FORMATS)),
            OpenApiParameter(
                "humanitarian",
                bool,
                description="partner variant (Capstone §7.2); always for a partner liaison",
            ),
        ],
        responses={
            (200, "text/csv"): OpenApiTypes.STR,
            (200, "application/geo+json"): OpenApiTypes.OBJECT,
        },
    )
    @action(detail=False, methods=["get"])
    def export(self, request: Any) -> StreamingHttpResponse:
        """The filtered incidents as a CSV, GeoJSON or HXL file, streamed."""
        kind = request.query_params.get("as", "csv")
        if kind not in exporter.FORMATS:
            raise ValidationError({"as": [f"Choose one of {', '.join(exporter.FORMATS)}."]})
        humanitarian = exporter.partner_variant(request.user, _flag(request, "humanitarian"))
        queryset = self.filter_queryset(self.get_queryset())
        chunks = exporter.write(kind, queryset, humanitarian=humanitarian, user=request.user)
        response = StreamingHttpResponse(chunks, content_type=exporter.CONTENT_TYPES[kind])
        name = f"incidents{'-humanitarian' if humanitarian else ''}.{exporter.EXTENSIONS[kind]}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    @extend_schema(request=s.VerifyRequestSerializer, responses=s.IncidentDetailSerializer)
    @action(detail=True, methods=["post"])
    def verify(self, request: Any, pk: str | None = None) -> Response:
        """Record a verification step (status and how it was established)."""
        incident = changeable(self, m.Incident)
        body = s.VerifyRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        act.do_record_verification(
            incident,
            body.validated_data["verification_status"],
            acting_user=request.user,
            note=body.validated_data.get("note", ""),
        )
        incident.refresh_from_db()
        return Response(s.IncidentDetailSerializer(incident, context={"request": request}).data)


class SituationReportViewSet(BaseModelViewSet):
    queryset = m.SituationReport.objects.select_related(
        "mission", "org_unit", "published_by"
    ).prefetch_related("incidents")
    serializer_class = s.SituationReportSerializer
    filterset_class = fs.SituationReportFilterSet

    def _reply(self, report: m.SituationReport) -> Response:
        report = self.queryset.get(pk=report.pk)
        return Response(s.SituationReportSerializer(report, context={"request": self.request}).data)

    @extend_schema(request=None, responses=s.SituationReportSerializer)
    @action(detail=True, methods=["post"])
    def compile(self, request: Any, pk: str | None = None) -> Response:
        """Fill the draft with the period's incidents (the sector's, for a sector report)."""
        report = changeable(self, m.SituationReport)
        act.do_compile_situation_report(report, acting_user=request.user)
        return self._reply(report)

    @extend_schema(request=None, responses=s.SituationReportSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request: Any, pk: str | None = None) -> Response:
        report = changeable(self, m.SituationReport)
        act.do_publish_situation_report(report, acting_user=request.user)
        return self._reply(report)


class FlashReportViewSet(BaseModelViewSet):
    queryset = m.FlashReport.objects.select_related("mission", "org_unit", "incident")
    serializer_class = s.FlashReportSerializer
    filterset_class = fs.FlashReportFilterSet

    @extend_schema(request=None, responses=s.FlashReportSerializer)
    @action(detail=True, methods=["post"])
    def issue(self, request: Any, pk: str | None = None) -> Response:
        flash = changeable(self, m.FlashReport)
        act.do_issue_flash_report(flash, acting_user=request.user)
        return Response(s.FlashReportSerializer(flash, context={"request": request}).data)


class CrisisViewSet(BaseModelViewSet):
    queryset = m.Crisis.objects.select_related("mission").prefetch_related("tasks", "incidents")
    serializer_class = s.CrisisSerializer
    filterset_class = fs.CrisisFilterSet

    @extend_schema(request=s.CrisisCloseSerializer, responses=s.CrisisSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request: Any, pk: str | None = None) -> Response:
        crisis = changeable(self, m.Crisis)
        body = s.CrisisCloseSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        summary = body.validated_data.get("summary", "")
        act.do_close_crisis(crisis, acting_user=request.user, summary=summary)
        crisis = self.queryset.get(pk=crisis.pk)
        return Response(s.CrisisSerializer(crisis, context={"request": request}).data)


class CrisisLogEntryViewSet(BaseModelViewSet):
    """The crisis log is append-only: list, read and add; never change or delete."""

    queryset = m.CrisisLogEntry.objects.select_related("mission", "author")
    serializer_class = s.CrisisLogEntrySerializer
    filterset_class = fs.CrisisLogEntryFilterSet
    http_method_names = ["get", "post", "head", "options"]

    def perform_create(self, serializer: Any) -> None:
        with acting_as(self.request.user):
            serializer.save(author=self.request.user)


class CrisisTaskViewSet(BaseModelViewSet):
    queryset = m.CrisisTask.objects.select_related("mission", "crisis", "assigned_to")
    serializer_class = s.CrisisTaskSerializer
    filterset_class = fs.CrisisTaskFilterSet
