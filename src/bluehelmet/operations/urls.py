"""JOC pages (Capstone §7.2), included at the site root by ``core.urls``.

Mission pages live under ``missions/<code>/`` (the common operating picture and its data);
records follow the ``<model_name>-list/-add/-detail/-edit/-delete`` naming so
``tables.object_url`` links any JOC record to its page.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path

from bluehelmet.operations.views import attachments, cop, crises, incidents, reports, search


def records(
    prefix: str, name: str, list_view: Any, detail: Any, edit: Any, delete: Any
) -> list[URLPattern]:
    """List, detail, edit and delete pages of one record type (add is routed separately)."""
    return [
        path(f"{prefix}/", list_view.as_view(), name=f"{name}-list"),
        path(f"{prefix}/<int:pk>/", detail.as_view(), name=f"{name}-detail"),
        path(f"{prefix}/<int:pk>/edit/", edit.as_view(), name=f"{name}-edit"),
        path(f"{prefix}/<int:pk>/delete/", delete.as_view(), name=f"{name}-delete"),
    ]


MISSION = "missions/<str:code>"

mission_pages: list[URLPattern] = [
    path(f"{MISSION}/cop/", cop.CopPageView.as_view(), name="mission-cop"),
    path(
        f"{MISSION}/cop/hexagons.geojson",
        cop.CopHexagonsView.as_view(),
        name="mission-cop-hexagons",
    ),
    path(f"{MISSION}/cop/points.geojson", cop.CopPointsView.as_view(), name="mission-cop-points"),
    path(
        f"{MISSION}/cop/timeline.json", cop.CopTimelineView.as_view(), name="mission-cop-timeline"
    ),
    path(f"{MISSION}/cop/list/", cop.CopListView.as_view(), name="mission-cop-list"),
]

incident_pages = [
    *records(
        "incidents",
        "incident",
        incidents.IncidentListView,
        incidents.IncidentDetailView,
        incidents.IncidentEditView,
        incidents.IncidentDeleteView,
    ),
    path("incidents/add/", incidents.IncidentEditView.as_view(), name="incident-add"),
    path("incidents/search/", search.IncidentSearchView.as_view(), name="incident-search"),
    path(
        "incidents/<int:pk>/verify/",
        incidents.IncidentVerifyView.as_view(),
        name="incident-verify",
    ),
    path(
        "incidents/actor-names.json",
        incidents.IncidentActorNamesView.as_view(),
        name="incident-actor-names",
    ),
    path(
        "incidents/<int:pk>/attachments/",
        incidents.IncidentAttachmentAddView.as_view(),
        name="incident-attachment-add",
    ),
    path(
        "incidents/<int:pk>/attachments/<int:attachment>/",
        attachments.IncidentAttachmentDownloadView.as_view(),
        name="incident-attachment",
    ),
    path(
        "incidents/<int:pk>/attachments/<int:attachment>/delete/",
        attachments.IncidentAttachmentDeleteView.as_view(),
        name="incident-attachment-delete",
    ),
    *records(
        "incident-sources",
        "incidentsource",
        incidents.IncidentSourceListView,
        incidents.IncidentSourceDetailView,
        incidents.IncidentSourceEditView,
        incidents.IncidentSourceDeleteView,
    ),
    path(
        "incident-sources/add/",
        incidents.IncidentSourceEditView.as_view(),
        name="incidentsource-add",
    ),
]

report_pages = [
    *records(
        "situation-reports",
        "situationreport",
        reports.SituationReportListView,
        reports.SituationReportDetailView,
        reports.SituationReportEditView,
        reports.SituationReportDeleteView,
    ),
    path(
        "situation-reports/add/",
        reports.SituationReportEditView.as_view(),
        name="situationreport-add",
    ),
    path(
        "situation-reports/<int:pk>/print/",
        reports.SituationReportPrintView.as_view(),
        name="situationreport-print",
    ),
    path(
        "situation-reports/<int:pk>/compile/",
        reports.SituationReportActionView.as_view(verb="compile"),
        name="situationreport-compile",
    ),
    path(
        "situation-reports/<int:pk>/publish/",
        reports.SituationReportActionView.as_view(verb="publish"),
        name="situationreport-publish",
    ),
    *records(
        "flash-reports",
        "flashreport",
        reports.FlashReportListView,
        reports.FlashReportDetailView,
        reports.FlashReportEditView,
        reports.FlashReportDeleteView,
    ),
    path("flash-reports/add/", reports.FlashReportEditView.as_view(), name="flashreport-add"),
    path(
        "flash-reports/<int:pk>/issue/",
        reports.FlashReportIssueView.as_view(),
        name="flashreport-issue",
    ),
]

crisis_pages = [
    *records(
        "crises",
        "crisis",
        crises.CrisisListView,
        crises.CrisisDetailView,
        crises.CrisisEditView,
        crises.CrisisDeleteView,
    ),
    path("crises/open/", crises.CrisisOpenView.as_view(), name="crisis-add"),
    path("crises/<int:pk>/log/", crises.CrisisLogView.as_view(), name="crisis-log"),
    path("crises/<int:pk>/tasks/", crises.CrisisTaskAddView.as_view(), name="crisis-task-add"),
    path("crises/<int:pk>/close/", crises.CrisisCloseView.as_view(), name="crisis-close"),
    path(
        "crisis-tasks/<int:pk>/status/",
        crises.CrisisTaskStatusView.as_view(),
        name="crisistask-status",
    ),
]

urlpatterns = [*mission_pages, *incident_pages, *report_pages, *crisis_pages]
