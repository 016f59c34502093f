"""Forecast API (Capstone §7.2): ``/api/forecast-runs/`` and ``/api/forecasts/``.

Both lists go through ``restrict``: runs and forecasts are confidential by default, so a caller
without that clearance in the mission sees empty lists, and any single record answers 404.
``POST /api/forecast-runs/`` queues a run (roles that may add confidential records: 202 with
the queued run; others 403).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from bluehelmet.core.api.generic import BaseReadOnlyViewSet
from bluehelmet.core.models import Mission
from bluehelmet.forecasting import filtersets as fs
from bluehelmet.forecasting.api import serializers as s
from bluehelmet.forecasting.models import Forecast, ForecastRun
from bluehelmet.forecasting.tasks import start_run


class ForecastRunViewSet(BaseReadOnlyViewSet):
    queryset = ForecastRun.objects.select_related("mission", "created_by")
    serializer_class = s.ForecastRunSerializer
    filterset_class = fs.ForecastRunFilterSet

    @extend_schema(request=s.StartRunSerializer, responses={202: s.ForecastRunSerializer})
    def create(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        """Queue a forecast run for the background worker."""
        body = s.StartRunSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        code = body.validated_data["mission"]
        mission = Mission.objects.restrict(request.user).filter(code=code).first()
        if mission is None:
            raise NotFound(f"Unknown mission {code}, or not one of your missions.")
        run = start_run(
            mission,
            body.validated_data["unit"],
            acting_user=request.user,
            months=body.validated_data["months"],
        )
        data = s.ForecastRunSerializer(run, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_202_ACCEPTED)


class ForecastViewSet(BaseReadOnlyViewSet):
    queryset = Forecast.objects.select_related("mission", "run")
    serializer_class = s.ForecastSerializer
    filterset_class = fs.ForecastFilterSet
