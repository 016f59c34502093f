"""What the doctrine app adds to the shared pages.

Its menu section.

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, registry


def register() -> None:
    registry.section("reference", _("Reference"), weight=900)
    registry.add_nav_items(
        "reference",
        NavItem(_("Doctrine (Capstone)"), "doctrine-index", scoped=False, weight=10),
        NavItem(_("Guidance index"), "guidancedocument-list", scoped=False, weight=20),
    )
