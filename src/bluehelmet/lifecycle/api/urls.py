"""Lifecycle (Capstone §6.1-6.2) API routes.

The site layer (``bluehelmet/urls.py``) mounts them under ``/api/`` and merges ``router``
into the API root."""

from __future__ import annotations

from django.urls import path

from bluehelmet.core.api.routers import AppRouter
from bluehelmet.lifecycle.api import views

router = AppRouter()
router.register("phase-transitions", views.PhaseTransitionViewSet)
router.register("milestones", views.StartUpMilestoneViewSet)

urlpatterns = [
    path(
        "missions/<str:code>/lifecycle/",
        views.MissionLifecycleView.as_view(),
        name="api-mission-lifecycle",
    ),
    path(
        "missions/<str:code>/transition/",
        views.MissionTransitionView.as_view(),
        name="api-mission-transition",
    ),
]
