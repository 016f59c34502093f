"""What the deployment app adds to the shared pages: its menu section (Capstone §4.1-4.2).

The lists are not filtered by the current mission: a crisis under assessment has none yet.
Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, registry


def register() -> None:
    registry.section("deployment", _("Deciding to deploy (§4.1-4.3)"), weight=35)
    registry.add_nav_items(
        "deployment",
        NavItem(_("Crisis situations"), "crisissituation-list", scoped=False, weight=10),
        NavItem(_("Strategic assessments"), "strategicassessment-list", scoped=False, weight=20),
        NavItem(_("Options"), "deploymentoption-list", scoped=False, weight=30),
        NavItem(_("Decisions"), "deploymentdecision-list", scoped=False, weight=50),
    )
