"""What the mandates app adds to the shared pages.

Its menu section, its overview links, the overdue-consultations warning (on the overview and
the "situation now" page) and the mission parameters its consultation due dates read.

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, OverviewLink, OverviewPanel, registry
from bluehelmet.mandates import consultations, hq
from bluehelmet.mandates.panels import (
    overdue_consultations_panel,
    overdue_consultations_situation,
)


def register() -> None:
    hq.register()
    registry.section("mandates", _("Mandates (§1.4, §4.2-4.3)"), weight=40)
    registry.add_nav_items(
        "mandates",
        NavItem(_("Mandate and history"), "mission-mandate", mission_page=True),
        NavItem(_("Strength and gap"), "mission-strength", mission_page=True),
        NavItem(_("Consultations"), "consultation-list"),
        NavItem(_("Mandate versions"), "mandate-list"),
        NavItem(_("Mandated tasks"), "mandatedtask-list"),
        NavItem(_("Resolutions"), "resolution-list", scoped=False),
    )
    registry.add_link(OverviewLink(_("Mandate"), "mission-mandate", weight=10))
    registry.add_link(OverviewLink(_("Strength and gap"), "mission-strength", weight=20))
    registry.add_panel(
        OverviewPanel(
            "overdue-consultations",
            "mandates/panels/overdue_consultations.html",
            overdue_consultations_panel,
            position="alerts",
            weight=20,
        )
    )
    registry.add_situation_panel(
        OverviewPanel(
            "overdue-consultations",
            "mandates/panels/situation_consultations.html",
            overdue_consultations_situation,
            position="cards",
            weight=60,
        )
    )
    registry.add_parameter(*consultations.PARAMETERS)
