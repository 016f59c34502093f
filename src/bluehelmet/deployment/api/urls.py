"""Deployment (Capstone §4.1-4.3) API routes, merged into ``/api/`` by the site layer."""

from __future__ import annotations

from bluehelmet.core.api.routers import AppRouter
from bluehelmet.deployment.api import views

router = AppRouter()
router.register("crisis-situations", views.CrisisSituationViewSet)
router.register("crisis-parties", views.CrisisPartyViewSet)
router.register("strategic-assessments", views.StrategicAssessmentViewSet)
router.register("deployment-factors", views.DeploymentFactorViewSet)
router.register("assessment-missions", views.AssessmentMissionViewSet)
router.register("assessment-mission-members", views.AssessmentMissionMemberViewSet)
router.register("assessment-findings", views.AssessmentFindingViewSet)
router.register("deployment-options", views.DeploymentOptionViewSet)
router.register("scenarios", views.ScenarioViewSet)
router.register("condition-overrides", views.ConditionOverrideViewSet)
router.register("deployment-decisions", views.DeploymentDecisionViewSet)

urlpatterns: list = []
