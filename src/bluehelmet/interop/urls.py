"""Interop pages, collected at the site root by the site layer (``bluehelmet/urls.py``).

The incident import page of a mission and its background job (Capstone §7.2), under the
mission's ``missions/<code>/incidents/`` like the JOC's other mission pages.
"""

from __future__ import annotations

from django.urls import URLPattern, path

from bluehelmet.interop import views

MISSION = "missions/<str:code>"

urlpatterns: list[URLPattern] = [
    path(
        f"{MISSION}/incidents/import/",
        views.ImportPageView.as_view(),
        name="mission-incident-import",
    ),
    path(
        f"{MISSION}/incidents/import/<int:pk>/",
        views.ImportJobView.as_view(),
        name="mission-incident-import-job",
    ),
]
