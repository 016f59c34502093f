"""What the analysis app adds to the shared pages.

Its menu section.

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, registry


def register() -> None:
    registry.section("analysis", _("Analysis (JMAC) (§7.2)"), weight=70)
    registry.add_nav_items(
        "analysis",
        NavItem(_("Hotspots and trends"), "mission-analysis", mission_page=True, weight=10),
        NavItem(_("Threat assessments"), "threatassessment-list", weight=30),
        NavItem(_("Actors"), "actor-list", weight=40),
    )
