"""What the programmes app adds to the shared pages: its menu section, the overview link and
panel (open flags), the mission parameters its rules read (Capstone §2.3-2.5, §7.2) and the
indicator sources the benchmarks can be computed from (``indicators``, §10.2).

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, OverviewLink, OverviewPanel, registry
from bluehelmet.programmes.elections import DAYS, FORECAST, RADIUS
from bluehelmet.programmes.panels import programme_flags_panel
from bluehelmet.programmes.rules import LINK_METRES, PRETRIAL_SHARE, REFERRAL_HOURS


def register() -> None:
    from bluehelmet.programmes import indicators

    indicators.register()
    registry.section("programmes", _("Peacebuilding programmes (§2.3-2.5)"), weight=45)
    registry.add_nav_items(
        "programmes",
        NavItem(_("Programmes overview"), "mission-programmes", mission_page=True, weight=10),
        NavItem(_("Human rights cases"), "humanrightscase-list", weight=20),
        NavItem(_("DDR participants"), "ddrparticipant-list", weight=30),
        NavItem(_("DDR sites"), "ddrsite-list", weight=40),
        NavItem(_("Weapons collections"), "weaponcollection-list", weight=50),
        NavItem(_("Hazard areas (mine action)"), "hazardarea-list", weight=60),
        NavItem(_("Quick-impact projects"), "quickimpactproject-list", weight=70),
        NavItem(_("Electoral calendar"), "electoralevent-list", weight=80),
        NavItem(_("Polling centres"), "pollingcentre-list", weight=90),
        NavItem(_("State presence"), "statepresence-list", weight=100),
        NavItem(
            _("State presence map and series"),
            "mission-state-presence",
            mission_page=True,
            weight=105,
        ),
        NavItem(_("Rule of law institutions"), "ruleoflawinstitution-list", weight=110),
        NavItem(_("SSR and rule of law reports"), "ssractivity-list", weight=120),
    )
    registry.add_link(OverviewLink(_("Programmes"), "mission-programmes", weight=28))
    registry.add_panel(
        OverviewPanel(
            "programme-flags",
            "programmes/panels/programme_flags.html",
            programme_flags_panel,
            position="summary",
            weight=60,
        )
    )
    registry.add_parameter(REFERRAL_HOURS, LINK_METRES, RADIUS, DAYS, FORECAST, PRETRIAL_SHARE)
