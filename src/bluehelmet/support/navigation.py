"""What the support app adds to the shared pages (Capstone §8.1-8.3): its menu section, the
overview link and panel (open support flags) and the mission parameters its rules read.

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, OverviewLink, OverviewPanel, registry
from bluehelmet.support.panels import support_flags_panel
from bluehelmet.support.rules import PARAMETERS


def register() -> None:
    registry.section("support", _("Mission support (§8.1-8.3)"), weight=55)
    registry.add_nav_items(
        "support",
        NavItem(_("Support dashboard"), "mission-support", mission_page=True, weight=10),
        NavItem(_("Logistics requests"), "supplyrequest-list", weight=20),
        NavItem(_("Self-sufficiency"), "selfsufficiency-list", weight=30),
        NavItem(_("UN support contracts"), "supportcontract-list", weight=35),
        NavItem(_("Equipment MOUs"), "equipmentlease-list", weight=40),
        NavItem(_("Equipment inspections"), "equipmentinspection-list", weight=45),
        NavItem(_("Premises"), "premises-list", weight=50),
        NavItem(_("MOSS checks"), "mosscheck-list", weight=55),
        NavItem(_("Security assessments"), "securityassessment-list", weight=60),
        NavItem(_("Security management team"), "securitymeeting-list", weight=65),
        NavItem(_("Rotations"), "rotation-list", weight=70),
        NavItem(_("Training records"), "trainingrecord-list", weight=75),
        NavItem(_("Decisions on support flags"), "supportverdictoverride-list", weight=90),
    )
    registry.add_link(OverviewLink(_("Mission support"), "mission-support", weight=40))
    registry.add_panel(
        OverviewPanel(
            "support-flags",
            "support/panels/support_flags.html",
            support_flags_panel,
            position="main",
            weight=60,
        )
    )
    registry.add_parameter(*PARAMETERS)
