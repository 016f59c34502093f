"""What the operations app adds to the shared pages.

Its menu section and its panels on the "situation now" page (incidents of the last 24 hours
and 7 days, open crises, today's SITREP).

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, OverviewPanel, registry
from bluehelmet.operations import hq, panels


def register() -> None:
    hq.register()
    registry.section("operations", _("Operations (JOC) (§7.2)"), weight=50)
    registry.add_nav_items(
        "operations",
        NavItem(_("Common operating picture"), "mission-cop", mission_page=True, weight=10),
        NavItem(_("Incidents"), "incident-list", weight=20),
        NavItem(_("Situation reports"), "situationreport-list", weight=30),
        NavItem(_("Flash reports"), "flashreport-list", weight=40),
        NavItem(_("Crises"), "crisis-list", weight=50),
        NavItem(_("Information sources"), "incidentsource-list", weight=60),
    )
    for key, template, context, position, weight in (
        ("recent-incidents", "situation_incidents", panels.recent_incidents_panel, "main", 10),
        ("open-crises", "situation_crises", panels.open_crises_panel, "cards", 10),
        ("sitrep-status", "situation_sitrep", panels.sitrep_status_panel, "cards", 20),
    ):
        registry.add_situation_panel(
            OverviewPanel(
                key, f"operations/panels/{template}.html", context, position, weight=weight
            )
        )
