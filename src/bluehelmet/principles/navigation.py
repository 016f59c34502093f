"""What the principles app adds to the shared pages.

Its menu section, the consent-withdrawal warning on the mission overview, its panels on the
"situation now" page (alerts waiting, open review flags, withdrawals of consent) and the
mission parameters its rules read (consent, impartiality, protection of civilians).

Registered from ``AppConfig.ready()`` (``core.registry``); ``core`` never imports this app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import NavItem, OverviewPanel, registry
from bluehelmet.principles import hq, panels
from bluehelmet.principles.panels import consent_withdrawal_panel
from bluehelmet.principles.rules import consent, impartiality, protection


def register() -> None:
    hq.register()
    registry.section("principles", _("Principles (§3.1)"), weight=60)
    registry.add_nav_items(
        "principles",
        NavItem(_("Principles dashboard"), "mission-principles", mission_page=True),
        NavItem(_("Use-of-force review queue"), "reviewflag-queue"),
        NavItem(_("Use-of-force reports"), "useofforcereport-list"),
        NavItem(_("Protection threats"), "protectionthreat-list"),
        NavItem(_("Protection alerts"), "protectionalert-list"),
        NavItem(_("Parties"), "party-list"),
        NavItem(_("Consent events"), "consentevent-list"),
        NavItem(_("Violations"), "violation-list"),
        NavItem(_("Responses to violations"), "violationresponse-list"),
    )
    registry.add_panel(
        OverviewPanel(
            "consent-withdrawal",
            "principles/panels/consent_withdrawal.html",
            consent_withdrawal_panel,
            position="alerts",
            weight=10,
        )
    )
    for key, template, context, weight in (
        ("waiting-alerts", "situation_alerts", panels.waiting_alerts_panel, 30),
        ("open-review-flags", "situation_flags", panels.open_flags_panel, 40),
        ("consent-withdrawal", "situation_consent", panels.consent_situation_panel, 50),
    ):
        registry.add_situation_panel(
            OverviewPanel(
                key, f"principles/panels/{template}.html", context, "cards", weight=weight
            )
        )
    registry.add_parameter(*consent.PARAMETERS, *impartiality.PARAMETERS, *protection.PARAMETERS)
