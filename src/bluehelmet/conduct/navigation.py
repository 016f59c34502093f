"""What the conduct app adds to the shared pages (Capstone §3.2, §7.1).

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import registry


def register() -> None:
    registry.section("conduct", _("Conduct and discipline (§3.2)"), weight=57)
