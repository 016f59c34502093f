"""Outreach pages (Capstone §9.1-9.2, §7.2), included at the site root.

Record pages follow the ``<model_name>-list`` / ``-detail`` / ``-add`` / ``-edit`` naming so
``tables.object_url`` links any record to its page.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path

from bluehelmet.outreach import views as v


def crud(prefix: str, name: str, listing: Any, detail: Any, edit: Any) -> list[URLPattern]:
    return [
        path(f"{prefix}/", listing.as_view(), name=f"{name}-list"),
        path(f"{prefix}/add/", edit.as_view(), name=f"{name}-add"),
        path(f"{prefix}/<int:pk>/", detail.as_view(), name=f"{name}-detail"),
        path(f"{prefix}/<int:pk>/edit/", edit.as_view(), name=f"{name}-edit"),
    ]


MISSION = "missions/<str:code>"

urlpatterns = [
    path(
        f"{MISSION}/outreach/", v.MissionOutreachFlagsView.as_view(), name="mission-outreach-flags"
    ),
    path(
        f"{MISSION}/outreach/override/",
        v.MissionOutreachOverrideView.as_view(),
        name="mission-outreach-override",
    ),
    path(f"{MISSION}/rumours/map/", v.MissionRumourMapView.as_view(), name="mission-rumour-map"),
    *crud(
        "impact-indicators",
        "impactindicator",
        v.ImpactIndicatorListView,
        v.ImpactIndicatorDetailView,
        v.ImpactIndicatorEditView,
    ),
    *crud(
        "impact-readings",
        "impactobservation",
        v.ImpactObservationListView,
        v.ImpactObservationDetailView,
        v.ImpactObservationEditView,
    ),
    *crud(
        "outreach-activities",
        "outreachactivity",
        v.OutreachActivityListView,
        v.OutreachActivityDetailView,
        v.OutreachActivityEditView,
    ),
    *crud("rumours", "rumour", v.RumourListView, v.RumourDetailView, v.RumourEditView),
    path("rumours/<int:pk>/link/", v.RumourLinkView.as_view(), name="rumour-link"),
    *crud(
        "coordination-meetings",
        "coordinationmeeting",
        v.CoordinationMeetingListView,
        v.CoordinationMeetingDetailView,
        v.CoordinationMeetingEditView,
    ),
    *crud(
        "action-items",
        "actionitem",
        v.ActionItemListView,
        v.ActionItemDetailView,
        v.ActionItemEditView,
    ),
    path("sharing-records/", v.SharingRecordListView.as_view(), name="sharingrecord-list"),
    path("sharing-records/add/", v.ShareWithPartnerView.as_view(), name="sharingrecord-add"),
    path(
        "sharing-records/<int:pk>/",
        v.SharingRecordDetailView.as_view(),
        name="sharingrecord-detail",
    ),
]
