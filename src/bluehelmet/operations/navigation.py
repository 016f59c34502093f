"""What the operations app adds to the shared pages.

Its menu section.

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, registry


def register() -> None:
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
