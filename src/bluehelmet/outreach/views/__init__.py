"""Outreach pages (Capstone §9.1-9.2, §7.2)."""

from bluehelmet.outreach.views.flags import MissionOutreachFlagsView, MissionOutreachOverrideView
from bluehelmet.outreach.views.records import (
    ActionItemDetailView,
    ActionItemEditView,
    ActionItemListView,
    CoordinationMeetingDetailView,
    CoordinationMeetingEditView,
    CoordinationMeetingListView,
    ImpactIndicatorDetailView,
    ImpactIndicatorEditView,
    ImpactIndicatorListView,
    ImpactObservationDetailView,
    ImpactObservationEditView,
    ImpactObservationListView,
    OutreachActivityDetailView,
    OutreachActivityEditView,
    OutreachActivityListView,
    RumourEditView,
    RumourListView,
    SharingRecordDetailView,
    SharingRecordListView,
)
from bluehelmet.outreach.views.rumours import MissionRumourMapView, RumourDetailView, RumourLinkView
from bluehelmet.outreach.views.sharing import ShareWithPartnerView

__all__ = [
    "ActionItemDetailView",
    "ActionItemEditView",
    "ActionItemListView",
    "CoordinationMeetingDetailView",
    "CoordinationMeetingEditView",
    "CoordinationMeetingListView",
    "ImpactIndicatorDetailView",
    "ImpactIndicatorEditView",
    "ImpactIndicatorListView",
    "ImpactObservationDetailView",
    "ImpactObservationEditView",
    "ImpactObservationListView",
    "MissionOutreachFlagsView",
    "MissionOutreachOverrideView",
    "MissionRumourMapView",
    "OutreachActivityDetailView",
    "OutreachActivityEditView",
    "OutreachActivityListView",
    "RumourDetailView",
    "RumourEditView",
    "RumourLinkView",
    "RumourListView",
    "ShareWithPartnerView",
    "SharingRecordDetailView",
    "SharingRecordListView",
]
