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
router.register("handover-items", views.HandoverItemViewSet)
router.register("asset-disposals", views.AssetDisposalViewSet)
router.register("drawdown-steps", views.DrawdownStepViewSet)

urlpatterns = [
    path(
        "asset-disposals/<int:pk>/<str:step>/",
        views.AssetDisposalStepView.as_view(),
        name="api-asset-disposal-step",
    ),
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
