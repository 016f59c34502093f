"""The reports app's models: the deployment report to the Council (Capstone §4.1, §4.3), the
periodic report on a mission and its reporting calendar (Capstone §9.1, §10.1, §7.1)."""

from bluehelmet.reports.models.council import CouncilReport, CouncilReportVersion, ReportStatus
from bluehelmet.reports.models.periodic import (
    PeriodicReport,
    PeriodicReportVersion,
    ReportingCalendar,
)

__all__ = [
    "CouncilReport",
    "CouncilReportVersion",
    "PeriodicReport",
    "PeriodicReportVersion",
    "ReportStatus",
    "ReportingCalendar",
]
