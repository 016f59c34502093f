"""Forecast serializers: runs and forecasts are read; a run is started with ``StartRun``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from bluehelmet.core.api.serializers_base import MissionScopedSerializer
from bluehelmet.forecasting.limits import MAX_HORIZON
from bluehelmet.forecasting.models import Forecast, ForecastRun


class ForecastRunSerializer(MissionScopedSerializer):
    created_by: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )

    class Meta:
        model = ForecastRun
        fields = (
            "id",
            "mission",
            "sensitivity",
            "unit",
            "origin_month",
            "horizon_min",
            "horizon_max",
            "model_version",
            "params",
            "track_record",
            "status",
            "progress",
            "progress_note",
            "error",
            "n_areas",
            "created_by",
            "created_at",
            "started_at",
            "finished_at",
            "duration_seconds",
        )
        read_only_fields = fields


class ForecastSerializer(MissionScopedSerializer):
    unit = serializers.CharField(source="run.unit", read_only=True)

    class Meta:
        model = Forecast
        fields = (
            "id",
            "mission",
            "sensitivity",
            "run",
            "unit",
            "area_code",
            "area_label",
            "latitude",
            "longitude",
            "target_month",
            "horizon",
            "probability",
            "expected_fatalities",
            "fatalities_low",
            "fatalities_high",
            "events_last_month",
            "fatalities_last_month",
        )
        read_only_fields = fields


class StartRunSerializer(serializers.Serializer):
    mission = serializers.CharField(help_text=_("mission code"))
    unit = serializers.CharField(default="admin1", help_text=_("admin1 or h3:<resolution>"))
    months = serializers.IntegerField(default=3, min_value=1, max_value=MAX_HORIZON)
