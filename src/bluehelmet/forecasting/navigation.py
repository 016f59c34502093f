"""What the forecasting app adds to the shared pages.

Its menu section (in the JMAC section).

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, registry
from bluehelmet.forecasting import hq


def register() -> None:
    hq.register()
    registry.section("analysis", _("Analysis (JMAC) (§7.2)"), weight=70)
    registry.add_nav_items(
        "analysis",
        NavItem(_("Early-warning forecasts"), "mission-forecasts", mission_page=True, weight=20),
    )
