"""Benchmarks (Capstone §10.1-10.2) API routes, merged into ``/api/`` by the site layer."""

from __future__ import annotations

from django.urls import path

from bluehelmet.benchmarks.api import views
from bluehelmet.core.api.routers import AppRouter

router = AppRouter()
router.register("benchmarks", views.BenchmarkViewSet)
router.register("indicators", views.IndicatorViewSet)
router.register("observations", views.ObservationViewSet)
router.register("readiness-assessments", views.ReadinessAssessmentViewSet)
router.register("benchmark-verdict-overrides", views.BenchmarkVerdictOverrideViewSet)
router.register("lessons", views.LessonLearnedViewSet)

urlpatterns = [
    path("lessons/<int:pk>/links/", views.LessonLinkView.as_view(), name="api-lesson-links"),
    path(
        "indicators/<int:pk>/compute/",
        views.IndicatorComputeView.as_view(),
        name="api-indicator-compute",
    ),
    path(
        "observations/<int:pk>/rerun/",
        views.ObservationRerunView.as_view(),
        name="api-observation-rerun",
    ),
    path(
        "benchmarks/<int:pk>/adopt-plan-indicator/",
        views.BenchmarkAdoptIndicatorView.as_view(),
        name="api-benchmark-adopt-plan-indicator",
    ),
    path(
        "missions/<str:code>/benchmarks/verdicts/",
        views.MissionBenchmarkVerdictsView.as_view(),
        name="api-mission-benchmark-verdicts",
    ),
    path(
        "missions/<str:code>/readiness/",
        views.MissionReadinessView.as_view(),
        name="api-mission-readiness",
    ),
]
