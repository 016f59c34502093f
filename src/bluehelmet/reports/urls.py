"""Report pages (Capstone §4.3), included at the site root."""

from __future__ import annotations

from django.urls import path

from bluehelmet.reports import views

urlpatterns = [
    path("council-reports/", views.CouncilReportListView.as_view(), name="councilreport-list"),
    path("council-reports/add/", views.CouncilReportEditView.as_view(), name="councilreport-add"),
    path(
        "council-reports/<int:pk>/",
        views.CouncilReportDetailView.as_view(),
        name="councilreport-detail",
    ),
    path(
        "council-reports/<int:pk>/edit/",
        views.CouncilReportEditView.as_view(),
        name="councilreport-edit",
    ),
    path(
        "council-reports/<int:pk>/versions/<int:number>/",
        views.CouncilReportVersionView.as_view(),
        name="councilreport-version",
    ),
    path(
        "council-reports/<int:pk>/<str:verb>/",
        views.CouncilReportActionView.as_view(),
        name="councilreport-action",
    ),
]
