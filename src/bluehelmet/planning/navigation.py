"""What the planning app adds to the shared pages: its menu section, the overview link and panel
(open plan flags) and the mission parameter its review rule reads (Capstone §5.1-5.2).

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, OverviewLink, OverviewPanel, registry
from bluehelmet.planning.panels import plan_flags_panel
from bluehelmet.planning.reviews import REVIEW_DAYS


def register() -> None:
    registry.section("planning", _("Integrated planning (§5.1-5.2)"), weight=45)
    registry.add_nav_items(
        "planning",
        NavItem(_("Mission plan"), "mission-plan", mission_page=True, weight=10),
        NavItem(_("Who does what"), "mission-plan-matrix", mission_page=True, weight=20),
        NavItem(_("Plan timeline"), "mission-plan-timeline", mission_page=True, weight=30),
        NavItem(_("Revisions and changes"), "mission-plan-history", mission_page=True, weight=40),
        NavItem(_("Concepts of operations"), "conceptofoperations-list", weight=50),
        NavItem(_("Parallel frameworks"), "parallelframework-list", weight=60),
        NavItem(_("Result indicators"), "resultindicator-list", weight=70),
    )
    registry.add_link(OverviewLink(_("Integrated plan"), "mission-plan", weight=25))
    registry.add_panel(
        OverviewPanel(
            "plan-flags", "planning/panels/plan_flags.html", plan_flags_panel, position="summary"
        )
    )
    registry.add_parameter(REVIEW_DAYS)
