"""Joint Operations Centre (Capstone §7.2) API routes.

The site layer (``bluehelmet/urls.py``) mounts them under ``/api/`` and merges ``router``
into the API root."""

from __future__ import annotations

from bluehelmet.core.api.routers import AppRouter
from bluehelmet.operations.api import views

router = AppRouter()
router.register("incident-categories", views.IncidentCategoryViewSet)
router.register("incident-sources", views.IncidentSourceViewSet)
router.register("incidents", views.IncidentViewSet)
router.register("situation-reports", views.SituationReportViewSet)
router.register("flash-reports", views.FlashReportViewSet)
router.register("crises", views.CrisisViewSet)
router.register("crisis-log", views.CrisisLogEntryViewSet)
router.register("crisis-tasks", views.CrisisTaskViewSet)

urlpatterns: list = []
