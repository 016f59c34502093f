"""Mandates (Capstone §1.4, §4.2-4.3) API routes.

The site layer (``bluehelmet/urls.py``) mounts them under ``/api/`` and merges ``router``
into the API root."""

from __future__ import annotations

from django.urls import path

from bluehelmet.core.api.routers import AppRouter
from bluehelmet.mandates.api import views

router = AppRouter()
router.register("resolutions", views.ResolutionViewSet)
router.register("mandates", views.MandateViewSet)
router.register("mandated-tasks", views.MandatedTaskViewSet)
router.register("strength", views.StrengthViewSet)
router.register("authorised-strength", views.AuthorisedStrengthViewSet)
router.register("consultations", views.ConsultationViewSet)

urlpatterns = [
    path("missions/<str:code>/gap/", views.MissionGapView.as_view(), name="api-mission-gap"),
    path(
        "missions/<str:code>/mandate/",
        views.MissionMandateChangeView.as_view(),
        name="api-mission-mandate-change",
    ),
    path(
        "missions/<str:code>/mandate-history/",
        views.MissionMandateHistoryView.as_view(),
        name="api-mission-mandate-history",
    ),
]
