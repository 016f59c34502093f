"""Principles pages (Capstone §3.1, §2.3), included at the site root by ``core.urls``.

Record pages follow the ``<model_name>-list/-add/-detail/-edit`` naming so
``tables.object_url`` links any principles record to its page.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path

from bluehelmet.principles import views


def records(prefix: str, name: str, stem: str, *, editable: bool = True) -> list[URLPattern]:
    get = lambda kind: getattr(views, f"{stem}{kind}View").as_view()  # noqa: E731
    patterns = [
        path(f"{prefix}/", get("List"), name=f"{name}-list"),
        path(f"{prefix}/<int:pk>/", get("Detail"), name=f"{name}-detail"),
    ]
    if editable:
        patterns += [
            path(f"{prefix}/add/", get("Edit"), name=f"{name}-add"),
            path(f"{prefix}/<int:pk>/edit/", get("Edit"), name=f"{name}-edit"),
        ]
    return patterns


urlpatterns: list[Any] = [
    path(
        "missions/<str:code>/principles/",
        views.DashboardView.as_view(),
        name="mission-principles",
    ),
    path(
        "missions/<str:code>/principles/override/",
        views.VerdictOverrideView.as_view(),
        name="mission-principles-override",
    ),
    path("review-flags/queue/", views.ReviewQueueView.as_view(), name="reviewflag-queue"),
    path("review-flags/<int:pk>/close/", views.FlagCloseView.as_view(), name="reviewflag-close"),
    *records("review-flags", "reviewflag", "ReviewFlag", editable=False),
    *records("use-of-force-reports", "useofforcereport", "UseOfForceReport"),
    path(
        "use-of-force-reports/<int:pk>/review/",
        views.ReportReviewView.as_view(),
        name="useofforcereport-review",
    ),
    *records("parties", "party", "Party"),
    *records("protection-threats", "protectionthreat", "ProtectionThreat"),
    *records("protection-alerts", "protectionalert", "ProtectionAlert"),
    path(
        "protection-alerts/<int:pk>/respond/",
        views.AlertRespondView.as_view(),
        name="protectionalert-respond",
    ),
    *records("consent-events", "consentevent", "ConsentEvent"),
    *records("violations", "violation", "Violation"),
    *records("violation-responses", "violationresponse", "ViolationResponse"),
]
