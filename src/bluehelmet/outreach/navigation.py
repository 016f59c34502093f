"""What the outreach app adds to the shared pages (Capstone §9.1-9.2, §7.2, §10.2).

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import registry


def register() -> None:
    registry.section("outreach", _("Impact, information and coordination (§9.1-9.2)"), weight=59)
