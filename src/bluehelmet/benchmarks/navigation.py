"""What the benchmarks app adds to the shared pages: its menu section, the overview link, the
mission parameters its rules read and its built-in indicator sources (Capstone §10.1-10.2).

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.benchmarks import hq
from bluehelmet.benchmarks.rules import MARGIN, WINDOW
from bluehelmet.core.registry import NavItem, OverviewLink, RecordPanel, registry


def register() -> None:
    from bluehelmet.benchmarks import computed
    from bluehelmet.benchmarks.record_panels import lessons_panel

    hq.register()
    computed.register()
    registry.add_record_panel(
        RecordPanel("lessons", "benchmarks/panels/record_lessons.html", lessons_panel, weight=90)
    )
    registry.section("benchmarks", _("Benchmarks and transition (§10.1-10.2)"), weight=47)
    registry.add_nav_items(
        "benchmarks",
        NavItem(
            _("Progress against benchmarks"), "mission-benchmarks", mission_page=True, weight=10
        ),
        NavItem(_("Transition readiness"), "mission-readiness", mission_page=True, weight=20),
        NavItem(_("Benchmarks"), "benchmark-list", weight=30),
        NavItem(_("Indicators"), "indicator-list", weight=40),
        NavItem(_("Observations"), "observation-list", weight=50),
        NavItem(_("Readiness assessments"), "readinessassessment-list", weight=60),
        NavItem(_("Hand-over plan"), "handoveritem-list", weight=70),
        NavItem(_("Drawdown plan"), "drawdownstep-list", weight=75),
        NavItem(_("Liquidation asset register"), "assetdisposal-list", weight=80),
        NavItem(_("Lessons learned"), "lessonlearned-list", weight=90),
    )
    registry.add_link(OverviewLink(_("Benchmarks"), "mission-benchmarks", weight=27))
    registry.add_parameter(WINDOW)
    registry.add_parameter(MARGIN)
