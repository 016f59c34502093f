"""What the programmes app adds to the shared pages (Capstone §2.3-2.5, §7.2).

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import registry


def register() -> None:
    registry.section("programmes", _("Peacebuilding programmes (§2.3-2.5)"), weight=45)
