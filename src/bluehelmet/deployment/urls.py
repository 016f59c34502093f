"""Deployment pages (Capstone §4.1-4.3), included at the site root.

Record pages follow the ``<model_name>-list`` / ``-detail`` / ``-add`` / ``-edit`` naming so
``tables.object_url`` links any record to its page.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path

from bluehelmet.deployment import views as v


def crud(prefix: str, name: str, detail: Any, edit: Any, listing: Any = None) -> list[URLPattern]:
    patterns = [
        path(f"{prefix}/add/", edit.as_view(), name=f"{name}-add"),
        path(f"{prefix}/<int:pk>/", detail.as_view(), name=f"{name}-detail"),
        path(f"{prefix}/<int:pk>/edit/", edit.as_view(), name=f"{name}-edit"),
    ]
    if listing is not None:
        patterns.append(path(f"{prefix}/", listing.as_view(), name=f"{name}-list"))
    return patterns


urlpatterns = [
    *crud(
        "crisis-situations",
        "crisissituation",
        v.CrisisSituationDetailView,
        v.CrisisSituationEditView,
        v.CrisisSituationListView,
    ),
    *crud("crisis-parties", "crisisparty", v.CrisisPartyDetailView, v.CrisisPartyEditView),
    *crud(
        "strategic-assessments",
        "strategicassessment",
        v.StrategicAssessmentDetailView,
        v.StrategicAssessmentEditView,
        v.StrategicAssessmentListView,
    ),
    path(
        "strategic-assessments/<int:pk>/decision/",
        v.DecisionView.as_view(),
        name="strategicassessment-decision",
    ),
    path(
        "strategic-assessments/<int:pk>/<str:verb>/",
        v.AssessmentActionView.as_view(),
        name="strategicassessment-action",
    ),
    *crud(
        "deployment-factors",
        "deploymentfactor",
        v.DeploymentFactorDetailView,
        v.DeploymentFactorEditView,
    ),
    *crud(
        "assessment-missions",
        "assessmentmission",
        v.AssessmentMissionDetailView,
        v.AssessmentMissionEditView,
    ),
    *crud(
        "assessment-mission-members",
        "assessmentmissionmember",
        v.AssessmentMissionMemberDetailView,
        v.AssessmentMissionMemberEditView,
    ),
    *crud(
        "assessment-findings",
        "assessmentfinding",
        v.AssessmentFindingDetailView,
        v.AssessmentFindingEditView,
    ),
    *crud(
        "deployment-options",
        "deploymentoption",
        v.DeploymentOptionDetailView,
        v.DeploymentOptionEditView,
        v.DeploymentOptionListView,
    ),
    *crud("scenarios", "scenario", v.ScenarioDetailView, v.ScenarioEditView),
    path(
        "deployment-decisions/",
        v.DeploymentDecisionListView.as_view(),
        name="deploymentdecision-list",
    ),
    path(
        "deployment-decisions/<int:pk>/",
        v.DeploymentDecisionDetailView.as_view(),
        name="deploymentdecision-detail",
    ),
]
