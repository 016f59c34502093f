"""What the outreach app adds to the shared pages (Capstone §9.1-9.2, §7.2, §10.2): its menu
section and the mission parameters its rules read.

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, OverviewLink, registry
from bluehelmet.outreach.rules import RESPONSE, WINDOW


def register() -> None:
    registry.section("outreach", _("Impact, information and coordination (§9.1-9.2)"), weight=59)
    registry.add_nav_items(
        "outreach",
        NavItem(
            _("Flags for the leadership"), "mission-outreach-flags", mission_page=True, weight=10
        ),
        NavItem(_("Rumours over time"), "mission-rumour-map", mission_page=True, weight=20),
        NavItem(_("Impact indicators"), "impactindicator-list", weight=30),
        NavItem(_("Impact readings"), "impactobservation-list", weight=40),
        NavItem(_("Outreach activities"), "outreachactivity-list", weight=50),
        NavItem(_("Rumours"), "rumour-list", weight=60),
        NavItem(_("Coordination meetings"), "coordinationmeeting-list", weight=70),
        NavItem(_("Action items"), "actionitem-list", weight=80),
        NavItem(_("Information shared with partners"), "sharingrecord-list", weight=90),
    )
    registry.add_link(
        OverviewLink(_("Impact and coordination"), "mission-outreach-flags", weight=29)
    )
    registry.add_parameter(WINDOW)
    registry.add_parameter(RESPONSE)
