"""Report pages: the deployment report (``council``, Capstone §4.3) and the periodic report on
a mission with its reporting calendar (``periodic``, Capstone §9.1, §7.1)."""

from bluehelmet.reports.views.council import (
    CouncilReportActionView,
    CouncilReportDetailView,
    CouncilReportEditView,
    CouncilReportListView,
    CouncilReportVersionView,
)
from bluehelmet.reports.views.periodic import (
    PeriodicDraftView,
    PeriodicReportActionView,
    PeriodicReportDetailView,
    PeriodicReportEditView,
    PeriodicReportListView,
    PeriodicReportVersionView,
    ReportingCalendarDetailView,
    ReportingCalendarEditView,
    ReportingCalendarListView,
)

__all__ = [
    "CouncilReportActionView",
    "CouncilReportDetailView",
    "CouncilReportEditView",
    "CouncilReportListView",
    "CouncilReportVersionView",
    "PeriodicDraftView",
    "PeriodicReportActionView",
    "PeriodicReportDetailView",
    "PeriodicReportEditView",
    "PeriodicReportListView",
    "PeriodicReportVersionView",
    "ReportingCalendarDetailView",
    "ReportingCalendarEditView",
    "ReportingCalendarListView",
]
