"""Planning (Capstone §5.1-5.2, §4.3) API routes, merged into ``/api/`` by the site layer."""

from __future__ import annotations

from django.urls import path

from bluehelmet.core.api.routers import AppRouter
from bluehelmet.planning.api import views

router = AppRouter()
router.register("plan-revisions", views.PlanRevisionViewSet)
router.register("plan-reviews", views.PlanReviewViewSet)
router.register("strategic-objectives", views.StrategicObjectiveViewSet)
router.register("plan-actors", views.PlanActorViewSet)
router.register("expected-results", views.ExpectedResultViewSet)
router.register("result-indicators", views.ResultIndicatorViewSet)
router.register("parallel-frameworks", views.ParallelFrameworkViewSet)
router.register("framework-links", views.FrameworkLinkViewSet)
router.register("concepts-of-operations", views.ConceptOfOperationsViewSet)
router.register("plan-verdict-overrides", views.PlanVerdictOverrideViewSet)

urlpatterns = [
    path(
        "missions/<str:code>/plan/revisions/",
        views.MissionPlanRevisionsView.as_view(),
        name="api-mission-plan-revisions",
    ),
    path(
        "plan-revisions/<int:pk>/adopt/",
        views.PlanRevisionAdoptView.as_view(),
        name="api-plan-revision-adopt",
    ),
    path(
        "missions/<str:code>/plan/compare/<int:a>/<int:b>/",
        views.MissionPlanCompareView.as_view(),
        name="api-mission-plan-compare",
    ),
    path(
        "missions/<str:code>/plan/verdicts/",
        views.MissionPlanVerdictsView.as_view(),
        name="api-mission-plan-verdicts",
    ),
    path(
        "missions/<str:code>/concepts/",
        views.MissionConceptsView.as_view(),
        name="api-mission-concepts",
    ),
]
