"""Early-warning forecasts (JMAC, Capstone §7.2) API routes.

The site layer (``bluehelmet/urls.py``) mounts them under ``/api/`` and merges ``router``
into the API root."""

from __future__ import annotations

from bluehelmet.core.api.routers import AppRouter
from bluehelmet.forecasting.api import views

router = AppRouter()
router.register("forecast-runs", views.ForecastRunViewSet)
router.register("forecasts", views.ForecastViewSet)

urlpatterns: list = []
