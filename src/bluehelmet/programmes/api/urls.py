"""Programmes (Capstone §2.4-2.5) API routes, merged into ``/api/`` by the site layer."""

from __future__ import annotations

from django.urls import path

from bluehelmet.core.api.routers import AppRouter
from bluehelmet.programmes.api import views

router = AppRouter()
router.register("human-rights-cases", views.HumanRightsCaseViewSet)
router.register("ddr-sites", views.DdrSiteViewSet)
router.register("ddr-participants", views.DdrParticipantViewSet)
router.register("weapons-collections", views.WeaponCollectionViewSet)
router.register("hazard-areas", views.HazardAreaViewSet)
router.register("quick-impact-projects", views.QuickImpactProjectViewSet)
router.register("programme-verdict-overrides", views.ProgrammeVerdictOverrideViewSet)
router.register("electoral-events", views.ElectoralEventViewSet)
router.register("polling-centres", views.PollingCentreViewSet)
router.register("state-presence", views.StatePresenceViewSet)
router.register("rule-of-law-institutions", views.RuleOfLawInstitutionViewSet)
router.register("ssr-reports", views.SsrActivityViewSet)

urlpatterns = [
    path("programmes/figures/", views.FiguresView.as_view(), name="api-programme-figures"),
    path("programmes/polling-risk/", views.PollingRiskView.as_view(), name="api-polling-risk"),
    path("programmes/verdicts/", views.VerdictsView.as_view(), name="api-programme-verdicts"),
    path(
        "programmes/link-explosive-incidents/",
        views.LinkIncidentsView.as_view(),
        name="api-programme-link-incidents",
    ),
    path(
        "quick-impact-projects/<int:pk>/<str:step>/",
        views.QipStepView.as_view(),
        name="api-qip-step",
    ),
    path(
        "ddr-participants/<int:pk>/refer/",
        views.ReferChildView.as_view(),
        name="api-ddr-participant-refer",
    ),
]
