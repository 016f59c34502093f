"""What the interop app adds to the shared pages.

The "Import incidents" link, in the operations app's menu section (which this app may extend:
interop builds on operations, never the reverse).

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.permissions import Action
from bluehelmet.core.registry import NavItem, registry


def register() -> None:
    registry.section("operations", _("Operations (JOC) (§7.2)"), weight=50)
    registry.add_nav_items(
        "operations",
        NavItem(
            _("Import incidents"),
            "mission-incident-import",
            mission_page=True,
            needs=Action.ADD,
            weight=70,
        ),
    )
