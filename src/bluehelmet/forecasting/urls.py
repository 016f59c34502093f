"""Forecast pages (Capstone §7.2), included at the site root by ``core.urls``."""

from __future__ import annotations

from django.urls import path

from bluehelmet.forecasting import views

urlpatterns = [
    path(
        "missions/<str:code>/forecasts/",
        views.ForecastPageView.as_view(),
        name="mission-forecasts",
    ),
    path(
        "missions/<str:code>/forecasts/start/",
        views.ForecastStartView.as_view(),
        name="mission-forecasts-start",
    ),
    path(
        "missions/<str:code>/forecasts/export.csv",
        views.ForecastExportView.as_view(),
        name="mission-forecasts-export",
    ),
    path(
        "forecast-runs/<int:pk>/status/",
        views.RunStatusView.as_view(),
        name="forecastrun-status",
    ),
]
