"""Support (Capstone §8.1-8.3) API routes, merged into ``/api/`` by the site layer."""

from __future__ import annotations

from django.urls import path

from bluehelmet.core.api.routers import AppRouter
from bluehelmet.support.api import views

router = AppRouter()
router.register("self-sufficiency", views.SelfSufficiencyViewSet)
router.register("support-contracts", views.SupportContractViewSet)
router.register("equipment-leases", views.EquipmentLeaseViewSet)
router.register("equipment-lines", views.EquipmentLineViewSet)
router.register("equipment-inspections", views.EquipmentInspectionViewSet)
router.register("inspection-findings", views.InspectionFindingViewSet)
router.register("supply-requests", views.SupplyRequestViewSet)
router.register("premises", views.PremisesViewSet)
router.register("moss-checks", views.MossCheckViewSet)
router.register("security-assessments", views.SecurityAssessmentViewSet)
router.register("security-meetings", views.SecurityMeetingViewSet)
router.register("security-decisions", views.SecurityDecisionViewSet)
router.register("rotations", views.RotationViewSet)
router.register("training-records", views.TrainingRecordViewSet)
router.register("support-verdict-overrides", views.SupportVerdictOverrideViewSet)

urlpatterns = [
    path(
        "supply-requests/<int:pk>/route-incidents/",
        views.SupplyRequestRouteView.as_view(),
        name="api-supply-request-route",
    ),
    path(
        "supply-requests/<int:pk>/<str:step>/",
        views.SupplyRequestStepView.as_view(),
        name="api-supply-request-step",
    ),
    path(
        "missions/<str:code>/support/",
        views.MissionSupportView.as_view(),
        name="api-mission-support",
    ),
    path(
        "missions/<str:code>/training-compliance/",
        views.MissionTrainingView.as_view(),
        name="api-mission-training-compliance",
    ),
]
