"""Benchmark pages (Capstone §10.1-10.2), included at the site root.

Record pages follow the ``<model_name>-list`` / ``-detail`` / ``-add`` / ``-edit`` naming so
``tables.object_url`` links any record to its page.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path

from bluehelmet.benchmarks import views as v
from bluehelmet.benchmarks.views import drawdown


def crud(prefix: str, name: str, listing: Any, detail: Any, edit: Any) -> list[URLPattern]:
    return [
        path(f"{prefix}/", listing.as_view(), name=f"{name}-list"),
        path(f"{prefix}/add/", edit.as_view(), name=f"{name}-add"),
        path(f"{prefix}/<int:pk>/", detail.as_view(), name=f"{name}-detail"),
        path(f"{prefix}/<int:pk>/edit/", edit.as_view(), name=f"{name}-edit"),
    ]


MISSION = "missions/<str:code>"

urlpatterns = [
    path(f"{MISSION}/benchmarks/", v.MissionBenchmarksView.as_view(), name="mission-benchmarks"),
    path(
        f"{MISSION}/benchmarks/<str:verb>/",
        v.MissionBenchmarksActionView.as_view(),
        name="mission-benchmarks-action",
    ),
    path(f"{MISSION}/readiness/", v.MissionReadinessView.as_view(), name="mission-readiness"),
    path(
        f"{MISSION}/readiness/disposals/<str:verb>/",
        v.AssetDisposalStepView.as_view(),
        name="mission-asset-disposal-step",
    ),
    *crud(
        "benchmarks", "benchmark", v.BenchmarkListView, v.BenchmarkDetailView, v.BenchmarkEditView
    ),
    *crud(
        "indicators", "indicator", v.IndicatorListView, v.IndicatorDetailView, v.IndicatorEditView
    ),
    *crud(
        "observations",
        "observation",
        v.ObservationListView,
        v.ObservationDetailView,
        v.ObservationEditView,
    ),
    *crud(
        "handover-items",
        "handoveritem",
        v.HandoverItemListView,
        v.HandoverItemDetailView,
        v.HandoverItemEditView,
    ),
    *crud(
        "asset-disposals",
        "assetdisposal",
        v.AssetDisposalListView,
        v.AssetDisposalDetailView,
        v.AssetDisposalEditView,
    ),
    *crud(
        "drawdown-steps",
        "drawdownstep",
        drawdown.DrawdownStepListView,
        drawdown.DrawdownStepDetailView,
        drawdown.DrawdownStepEditView,
    ),
    path(
        "drawdown-steps/<int:pk>/complete/",
        drawdown.DrawdownStepCompleteView.as_view(),
        name="drawdownstep-complete",
    ),
    *crud(
        "lessons",
        "lessonlearned",
        v.LessonLearnedListView,
        v.LessonLearnedDetailView,
        v.LessonLearnedEditView,
    ),
    path("lessons/<int:pk>/link/", v.LessonLinkView.as_view(), name="lessonlearned-link"),
    *crud(
        "readiness-assessments",
        "readinessassessment",
        v.ReadinessAssessmentListView,
        v.ReadinessAssessmentDetailView,
        v.ReadinessAssessmentEditView,
    ),
]
