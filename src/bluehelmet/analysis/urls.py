"""JMAC pages (Capstone §7.2), included at the site root by ``core.urls``.

Record pages follow the ``<model_name>-list/-add/-detail/-edit/-delete`` naming so
``tables.object_url`` links any JMAC record to its page.
"""

from __future__ import annotations

from typing import Any

from django.urls import path

from bluehelmet.analysis import views
from bluehelmet.core.urls import entity

MISSION = "missions/<str:code>/analysis"

urlpatterns: list[Any] = [
    path(f"{MISSION}/", views.HubView.as_view(), name="mission-analysis"),
    path(f"{MISSION}/hotspots.csv", views.HotspotCsvView.as_view(), name="mission-hotspots-csv"),
    path(f"{MISSION}/trends.csv", views.TrendCsvView.as_view(), name="mission-trends-csv"),
    *entity("actors", "actor", views, "Actor"),
    path(
        "threat-assessments/incident-search/",
        views.IncidentSearchView.as_view(),
        name="threatassessment-incident-search",
    ),
    *entity("threat-assessments", "threatassessment", views, "ThreatAssessment"),
    path(
        "threat-assessments/<int:pk>/submit/",
        views.ReviewActionView.as_view(verb="submit"),
        name="threatassessment-submit",
    ),
    path(
        "threat-assessments/<int:pk>/approve/",
        views.ReviewActionView.as_view(verb="approve"),
        name="threatassessment-approve",
    ),
    path(
        "threat-assessments/<int:pk>/return/",
        views.ReviewActionView.as_view(verb="return"),
        name="threatassessment-return",
    ),
]
