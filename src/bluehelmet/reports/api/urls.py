"""Report (Capstone §4.3) API routes, merged into ``/api/`` by the site layer."""

from __future__ import annotations

from bluehelmet.core.api.routers import AppRouter
from bluehelmet.reports.api import views

router = AppRouter()
router.register("council-reports", views.CouncilReportViewSet)
router.register("council-report-versions", views.CouncilReportVersionViewSet)

urlpatterns: list = []
