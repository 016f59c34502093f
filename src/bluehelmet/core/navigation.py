"""What the core app adds to the shared pages.

Its menu sections (with the API documentation under Reference) and the mission-parameters
button on the overview.

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core import hq
from bluehelmet.core.permissions import Action
from bluehelmet.core.registry import NavItem, OverviewLink, registry


def register() -> None:
    registry.section("mission", _("Mission"), weight=10)
    registry.add_nav_items(
        "mission",
        NavItem(_("Situation now"), "mission-now", mission_page=True, weight=5),
        NavItem(_("Overview"), "mission-detail", mission_page=True, weight=10),
        NavItem(_("Mission parameters"), "mission-parameters", mission_page=True, weight=80),
        NavItem(_("All missions"), "mission-list", scoped=False, weight=90),
        NavItem(_("Headquarters overview"), "hq-overview", scoped=False, weight=95),
    )
    hq.register_core_columns()
    registry.add_link(OverviewLink(_("Parameters"), "mission-parameters", weight=90))
    registry.section("organisation", _("Organisation (§6.2, §7.1)"), weight=20)
    registry.add_nav_items(
        "organisation",
        NavItem(_("Components"), "component-list"),
        NavItem(_("Organisational units"), "orgunit-list"),
        NavItem(_("Posts"), "post-list"),
        NavItem(_("People"), "person-list"),
        NavItem(_("Assignments"), "assignment-list"),
    )
    registry.section("contributors", _("Contributors and partners (§7.1-7.2)"), weight=30)
    registry.add_nav_items(
        "contributors",
        NavItem(_("Contingents"), "contingent-list"),
        NavItem(_("Contributing countries"), "contributingcountry-list", scoped=False),
        NavItem(_("Partners"), "partner-list"),
    )
    registry.section("reference", _("Reference"), weight=900)
    registry.add_nav_items(
        "reference",
        NavItem(_("Admin areas"), "adminarea-list", scoped=False, weight=50),
        NavItem(_("API documentation"), "api-docs", scoped=False, weight=90),
    )
    registry.section("oversight", _("Oversight"), weight=950)
    registry.add_nav_items(
        "oversight",
        NavItem(_("Audit log"), "auditentry-list", scoped=False, needs=Action.AUDIT),
    )
