"""Planning pages (Capstone §5.1-5.2, §4.3), included at the site root.

Record pages follow the ``<model_name>-list`` / ``-detail`` / ``-add`` / ``-edit`` naming so
``tables.object_url`` links any record to its page.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path

from bluehelmet.planning import views as v


def crud(
    prefix: str, name: str, detail: Any, edit: Any = None, listing: Any = None
) -> list[URLPattern]:
    patterns = [path(f"{prefix}/<int:pk>/", detail.as_view(), name=f"{name}-detail")]
    if edit is not None:
        patterns += [
            path(f"{prefix}/add/", edit.as_view(), name=f"{name}-add"),
            path(f"{prefix}/<int:pk>/edit/", edit.as_view(), name=f"{name}-edit"),
        ]
    if listing is not None:
        patterns.append(path(f"{prefix}/", listing.as_view(), name=f"{name}-list"))
    return patterns


MISSION = "missions/<str:code>/plan"

urlpatterns = [
    path(f"{MISSION}/", v.MissionPlanView.as_view(), name="mission-plan"),
    path(f"{MISSION}/matrix/", v.PlanMatrixView.as_view(), name="mission-plan-matrix"),
    path(f"{MISSION}/timeline/", v.PlanTimelineView.as_view(), name="mission-plan-timeline"),
    path(f"{MISSION}/history/", v.PlanHistoryView.as_view(), name="mission-plan-history"),
    path(f"{MISSION}/export.csv", v.PlanExportView.as_view(), name="mission-plan-export"),
    path(f"{MISSION}/print/", v.PlanPrintView.as_view(), name="mission-plan-print"),
    path(f"{MISSION}/<str:verb>/", v.MissionPlanActionView.as_view(), name="mission-plan-action"),
    path(
        "missions/<str:code>/concepts/issue/",
        v.ConceptIssueView.as_view(),
        name="mission-concept-issue",
    ),
    path(
        "plan-revisions/<int:pk>/", v.PlanRevisionDetailView.as_view(), name="planrevision-detail"
    ),
    *crud(
        "strategic-objectives",
        "strategicobjective",
        v.StrategicObjectiveDetailView,
        v.StrategicObjectiveEditView,
    ),
    *crud("plan-actors", "planactor", v.PlanActorDetailView, v.PlanActorEditView),
    *crud(
        "expected-results", "expectedresult", v.ExpectedResultDetailView, v.ExpectedResultEditView
    ),
    *crud(
        "result-indicators",
        "resultindicator",
        v.ResultIndicatorDetailView,
        v.ResultIndicatorEditView,
        v.ResultIndicatorListView,
    ),
    *crud("framework-links", "frameworklink", v.FrameworkLinkDetailView, v.FrameworkLinkEditView),
    *crud(
        "parallel-frameworks",
        "parallelframework",
        v.ParallelFrameworkDetailView,
        v.ParallelFrameworkEditView,
        v.ParallelFrameworkListView,
    ),
    *crud(
        "concepts-of-operations",
        "conceptofoperations",
        v.ConceptOfOperationsDetailView,
        listing=v.ConceptOfOperationsListView,
    ),
]
