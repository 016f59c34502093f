"""Outreach (Capstone §9.1-9.2, §7.2) API routes, merged into ``/api/`` by the site layer."""

from __future__ import annotations

from django.urls import path

from bluehelmet.core.api.routers import AppRouter
from bluehelmet.outreach.api import views

router = AppRouter()
router.register("impact-indicators", views.ImpactIndicatorViewSet)
router.register("impact-readings", views.ImpactObservationViewSet)
router.register("outreach-activities", views.OutreachActivityViewSet)
router.register("rumours", views.RumourViewSet)
router.register("coordination-meetings", views.CoordinationMeetingViewSet)
router.register("action-items", views.ActionItemViewSet)
router.register("sharing-records", views.SharingRecordViewSet)
router.register("outreach-verdict-overrides", views.OutreachVerdictOverrideViewSet)

urlpatterns = [
    path("rumours/<int:pk>/link/", views.RumourLinkView.as_view(), name="api-rumour-link"),
    path("share-with-partner/", views.ShareView.as_view(), name="api-sharing-share"),
    path(
        "missions/<str:code>/outreach/verdicts/",
        views.MissionOutreachVerdictsView.as_view(),
        name="api-mission-outreach-verdicts",
    ),
]
