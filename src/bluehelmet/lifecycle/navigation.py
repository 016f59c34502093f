"""What the lifecycle app adds to the shared pages.

Its menu section, its overview link and the deployment clock.

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, OverviewLink, OverviewPanel, registry
from bluehelmet.lifecycle import hq
from bluehelmet.lifecycle.panels import deployment_clock_panel


def register() -> None:
    hq.register()
    registry.section("mission", _("Mission"), weight=10)
    registry.add_nav_items(
        "mission", NavItem(_("Lifecycle"), "mission-lifecycle", mission_page=True, weight=20)
    )
    registry.add_link(OverviewLink(_("Lifecycle"), "mission-lifecycle", weight=30))
    registry.add_panel(
        OverviewPanel(
            "deployment-clock",
            "lifecycle/includes/deployment_clock.html",
            deployment_clock_panel,
            position="summary",
        )
    )
