"""Joint Mission Analysis Centre (Capstone §7.2) API routes.

The site layer (``bluehelmet/urls.py``) mounts them under ``/api/`` and merges ``router``
into the API root."""

from __future__ import annotations

from django.urls import path

from bluehelmet.analysis.api import views
from bluehelmet.core.api.routers import AppRouter

router = AppRouter()
router.register("actors", views.ActorViewSet)
router.register("threat-assessments", views.ThreatAssessmentViewSet)

urlpatterns = [
    path(
        "missions/<str:code>/hotspots/",
        views.MissionHotspotsView.as_view(),
        name="api-mission-hotspots",
    ),
    path(
        "missions/<str:code>/trends/", views.MissionTrendsView.as_view(), name="api-mission-trends"
    ),
]
