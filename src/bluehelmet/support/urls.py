"""Support pages (Capstone §8.1-8.3), included at the site root.

Record pages follow the ``<model_name>-list`` / ``-detail`` / ``-add`` / ``-edit`` naming so
``tables.object_url`` links any record to its page.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path

from bluehelmet.support.views import mission as mv
from bluehelmet.support.views import records as rv


def crud(
    prefix: str, name: str, views: tuple[Any, Any, Any], detail: Any = None
) -> list[URLPattern]:
    listing, default_detail, edit = views
    return [
        path(f"{prefix}/", listing.as_view(), name=f"{name}-list"),
        path(f"{prefix}/add/", edit.as_view(), name=f"{name}-add"),
        path(f"{prefix}/<int:pk>/", (detail or default_detail).as_view(), name=f"{name}-detail"),
        path(f"{prefix}/<int:pk>/edit/", edit.as_view(), name=f"{name}-edit"),
    ]


MISSION = "missions/<str:code>"

urlpatterns = [
    path(f"{MISSION}/support/", mv.MissionSupportView.as_view(), name="mission-support"),
    path(
        f"{MISSION}/support/decide/",
        mv.MissionSupportActionView.as_view(),
        name="mission-support-decide",
    ),
    *crud("support/self-sufficiency", "selfsufficiency", rv.SELF_SUFFICIENCY),
    *crud("support/contracts", "supportcontract", rv.SUPPORT_CONTRACT),
    *crud("support/equipment-mous", "equipmentlease", rv.EQUIPMENT_LEASE),
    *crud("support/equipment-lines", "equipmentline", rv.EQUIPMENT_LINE),
    *crud("support/inspections", "equipmentinspection", rv.EQUIPMENT_INSPECTION),
    *crud("support/inspection-findings", "inspectionfinding", rv.INSPECTION_FINDING),
    *crud("support/requests", "supplyrequest", rv.SUPPLY_REQUEST, mv.SupplyRequestDetailView),
    path(
        "support/requests/<int:pk>/<str:step>/",
        mv.SupplyRequestStepView.as_view(),
        name="supplyrequest-step",
    ),
    *crud("support/premises", "premises", rv.PREMISES),
    *crud("support/moss-checks", "mosscheck", rv.MOSS_CHECK),
    *crud("support/security-assessments", "securityassessment", rv.SECURITY_ASSESSMENT),
    *crud("support/smt-meetings", "securitymeeting", rv.SECURITY_MEETING),
    *crud("support/smt-decisions", "securitydecision", rv.SECURITY_DECISION),
    *crud("support/rotations", "rotation", rv.ROTATION),
    *crud("support/training", "trainingrecord", rv.TRAINING_RECORD),
    path(
        "support/decisions/",
        rv.SupportVerdictOverrideListView.as_view(),
        name="supportverdictoverride-list",
    ),
]
