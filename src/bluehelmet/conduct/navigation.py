"""What the conduct app adds to the shared pages (Capstone §3.2, §7.1): its menu section (the
dashboard of figures for all, the cases for the case roles), the overview panel of figures and
the time limits its rules read.

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, OverviewPanel, ReportSection, registry


def register() -> None:
    from bluehelmet.conduct import hq, panels
    from bluehelmet.conduct.report import conduct_paragraphs
    from bluehelmet.conduct.rules import LIMITS

    hq.register()
    registry.add_report_section(
        ReportSection("conduct", _("Conduct and discipline"), conduct_paragraphs, weight=70)
    )

    registry.section("conduct", _("Conduct and discipline (§3.2)"), weight=57)
    registry.add_nav_items(
        "conduct",
        NavItem(_("Conduct dashboard"), "mission-conduct", mission_page=True, weight=10),
        NavItem(_("Misconduct cases"), "misconductallegation-list", weight=20),
    )
    registry.add_panel(
        OverviewPanel(
            "conduct-figures", "conduct/panels/figures.html", panels.conduct_panel, "main", 80
        )
    )
    for spec in LIMITS:
        registry.add_parameter(spec)
