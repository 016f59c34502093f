"""Report pages (Capstone §4.3; §9.1, §7.1 for the periodic report), included at the site
root. Record pages follow ``<model_name>-list`` / ``-detail`` / ``-add`` / ``-edit`` so
``tables.object_url`` links any record to its page."""

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
    path("periodic-reports/", views.PeriodicReportListView.as_view(), name="periodicreport-list"),
    path(
        "periodic-reports/add/", views.PeriodicReportEditView.as_view(), name="periodicreport-add"
    ),
    path("periodic-reports/draft/", views.PeriodicDraftView.as_view(), name="periodicreport-draft"),
    path(
        "periodic-reports/<int:pk>/",
        views.PeriodicReportDetailView.as_view(),
        name="periodicreport-detail",
    ),
    path(
        "periodic-reports/<int:pk>/edit/",
        views.PeriodicReportEditView.as_view(),
        name="periodicreport-edit",
    ),
    path(
        "periodic-reports/<int:pk>/versions/<int:number>/",
        views.PeriodicReportVersionView.as_view(),
        name="periodicreport-version",
    ),
    path(
        "periodic-reports/<int:pk>/<str:verb>/",
        views.PeriodicReportActionView.as_view(),
        name="periodicreport-action",
    ),
    path(
        "reporting-calendars/",
        views.ReportingCalendarListView.as_view(),
        name="reportingcalendar-list",
    ),
    path(
        "reporting-calendars/add/",
        views.ReportingCalendarEditView.as_view(),
        name="reportingcalendar-add",
    ),
    path(
        "reporting-calendars/<int:pk>/",
        views.ReportingCalendarDetailView.as_view(),
        name="reportingcalendar-detail",
    ),
    path(
        "reporting-calendars/<int:pk>/edit/",
        views.ReportingCalendarEditView.as_view(),
        name="reportingcalendar-edit",
    ),
]
