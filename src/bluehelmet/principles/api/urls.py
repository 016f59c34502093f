"""Principles (Capstone §3.1) API routes.

The site layer (``bluehelmet/urls.py``) mounts them under ``/api/`` and merges ``router``
into the API root."""

from __future__ import annotations

from django.urls import path

from bluehelmet.core.api.routers import AppRouter
from bluehelmet.principles.api import views

router = AppRouter()
router.register("roe-profiles", views.RoeProfileViewSet)
router.register("force-levels", views.ForceLevelViewSet)
router.register("use-of-force-reports", views.UseOfForceReportViewSet)
router.register("review-flags", views.ReviewFlagViewSet)
router.register("parties", views.PartyViewSet)
router.register("consent-events", views.ConsentEventViewSet)
router.register("consent-assessments", views.ConsentAssessmentViewSet)
router.register("violations", views.ViolationViewSet)
router.register("violation-responses", views.ViolationResponseViewSet)
router.register("protection-threats", views.ProtectionThreatViewSet)
router.register("protection-alerts", views.ProtectionAlertViewSet)

urlpatterns = [
    path(
        "missions/<str:code>/principles/",
        views.MissionPrinciplesView.as_view(),
        name="api-mission-principles",
    ),
    path(
        "missions/<str:code>/principles/overrides/",
        views.VerdictOverrideView.as_view(),
        name="api-mission-principles-overrides",
    ),
]
