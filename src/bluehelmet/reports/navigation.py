"""What the reports app adds to the shared pages (Capstone §4.1, §4.3; §9.1, §7.1): the
deployment report in the deployment section, a reports section with the periodic reports and
the reporting calendars, and the reporting-status panel of the mission overview. Registered
from ``AppConfig.ready()``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, OverviewPanel, registry
from bluehelmet.reports.panels import reporting_panel


def register() -> None:
    registry.add_nav_items(
        "deployment",
        NavItem(_("Reports to the Council"), "councilreport-list", scoped=False, weight=40),
    )
    registry.section("reports", _("Reports to the Council (§9.1)"), weight=48)
    registry.add_nav_items(
        "reports",
        NavItem(_("Periodic reports"), "periodicreport-list", weight=10),
        NavItem(_("Reporting calendars"), "reportingcalendar-list", weight=20),
    )
    registry.add_panel(
        OverviewPanel(
            "reporting-status",
            "reports/panels/reporting_status.html",
            reporting_panel,
            position="summary",
            weight=40,
        )
    )
