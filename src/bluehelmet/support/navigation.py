"""What the support app adds to the shared pages (Capstone §8.1-8.3).

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import registry


def register() -> None:
    registry.section("support", _("Mission support (§8.1-8.3)"), weight=55)
