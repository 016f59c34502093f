"""What the reports app adds to the shared pages: reports to the Council in the deployment
section (Capstone §4.1, §4.3). Registered from ``AppConfig.ready()``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, registry


def register() -> None:
    registry.add_nav_items(
        "deployment",
        NavItem(_("Reports to the Council"), "councilreport-list", scoped=False, weight=40),
    )
