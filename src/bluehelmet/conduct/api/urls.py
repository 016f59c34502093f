"""Conduct (Capstone §3.2) API routes, merged into ``/api/`` by the site layer."""

from __future__ import annotations

from django.urls import path

from bluehelmet.conduct.api import views
from bluehelmet.core.api.routers import AppRouter

router = AppRouter()
router.register("misconduct-allegations", views.MisconductAllegationViewSet)
router.register("conduct-referrals", views.ReferralViewSet)
router.register("conduct-investigations", views.InvestigationViewSet)
router.register("conduct-verdict-decisions", views.ConductVerdictOverrideViewSet)

urlpatterns = [
    path(
        "misconduct-allegations/<int:pk>/verdicts/",
        views.AllegationVerdictsView.as_view(),
        name="api-misconduct-allegation-verdicts",
    ),
    path(
        "misconduct-allegations/<int:pk>/<str:verb>/",
        views.AllegationStepView.as_view(),
        name="api-misconduct-allegation-step",
    ),
    path(
        "missions/<str:code>/conduct-figures/",
        views.MissionConductFiguresView.as_view(),
        name="api-mission-conduct-figures",
    ),
]
