"""Report (Capstone §4.3) API routes, merged into ``/api/`` by the site layer."""

from __future__ import annotations

from django.urls import path

from bluehelmet.core.api.routers import AppRouter
from bluehelmet.reports.api import views

router = AppRouter()
router.register("council-reports", views.CouncilReportViewSet)
router.register("council-report-versions", views.CouncilReportVersionViewSet)
router.register("periodic-reports", views.PeriodicReportViewSet)
router.register("periodic-report-versions", views.PeriodicReportVersionViewSet)
router.register("reporting-calendars", views.ReportingCalendarViewSet)

urlpatterns = [
    path(
        "missions/<str:code>/reporting-status/",
        views.MissionReportingStatusView.as_view(),
        name="api-mission-reporting-status",
    ),
]
