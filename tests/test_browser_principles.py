"""In real Chromium: the principles dashboard shows the eroding locality and the uneven
response pattern (issue 5, "Done means"; Capstone §3.1).

The test makes its own data: two parties, consent events showing sustained restrictions by one
party in one locality, and violations by both parties of which only one party's are answered.
As in tests/test_browser.py, every request to another host is blocked and counted.
"""

from __future__ import annotations

import datetime
import re
from io import StringIO
from typing import Any

import pytest
from django.utils import timezone
from tests.conftest import PASSWORD
from tests.principles_support import clean_report, level, party, roe
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)

from bluehelmet.core.models import Mission
from bluehelmet.principles import actions as act
from bluehelmet.principles import models as m

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def days_ago(n: int) -> datetime.date:
    return timezone.now().date() - datetime.timedelta(days=n)


def make_scenario(mission: Mission) -> None:
    front = party(mission, "Front Populaire")
    army = party(mission, "National Army")
    for n, kind in enumerate(
        [
            m.ConsentEventKind.FOM_RESTRICTION,
            m.ConsentEventKind.DENIAL_OF_ACCESS,
            m.ConsentEventKind.FOM_RESTRICTION,
            m.ConsentEventKind.ATTACK_ON_UN,
        ]
    ):
        m.ConsentEvent.objects.create(
            mission=mission, party=front, admin1="Ouaka", kind=kind, occurred_on=days_ago(2 + 5 * n)
        )
    m.ConsentEvent.objects.create(
        mission=mission,
        party=front,
        admin1="Ouaka",
        kind=m.ConsentEventKind.COOPERATION,
        occurred_on=days_ago(45),
    )
    m.ConsentEvent.objects.create(
        mission=mission,
        party=army,
        admin1="Bangui",
        kind=m.ConsentEventKind.PUBLIC_SUPPORT,
        occurred_on=days_ago(4),
    )
    for n in range(4):
        v = m.Violation.objects.create(mission=mission, party=front, occurred_on=days_ago(30 + n))
        m.ViolationResponse.objects.create(
            mission=mission, violation=v, kind=m.ResponseKind.DEMARCHE, responded_on=days_ago(29)
        )
    for n in range(4):
        m.Violation.objects.create(mission=mission, party=army, occurred_on=days_ago(30 + n))
    profile = roe(mission)
    report = clean_report(profile, level=level(profile, 2))
    act.do_review_use_of_force_report(report, acting_user=None)


def test_dashboard_shows_eroding_locality_and_uneven_responses(
    browser: Any,  # noqa: F811
    live_server: Any,
    mission: Mission,
    make_user: Any,
) -> None:
    from playwright.sync_api import expect

    page = browser.page
    make_scenario(mission)
    make_user("head-of-mission", mission, username="hom")

    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "hom")
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    page.wait_for_url(f"**/missions/{mission.code}/now/")  # leaders: the situation page
    page.goto(f"{live_server.url}/missions/{mission.code}/")
    warning = page.locator("#consent-withdrawal-warning")
    expect(warning).to_contain_text("Ouaka")
    warning.get_by_role("link", name="Principles dashboard").click()
    page.wait_for_url(f"**/missions/{mission.code}/principles/")

    withdrawal = page.locator("#consent-withdrawals li[data-flag='consent-withdrawal']")
    expect(withdrawal).to_have_count(1)
    expect(withdrawal).to_have_attribute("data-locality", "Ouaka")
    expect(withdrawal).to_contain_text("Front Populaire")
    expect(withdrawal).to_contain_text("de facto withdrawal of consent")
    expect(withdrawal).to_contain_text("Capstone §3.1")
    ouaka = page.locator(".consent-grid td[data-locality='Ouaka']")
    expect(ouaka).to_have_attribute("data-trend", "eroding")
    expect(ouaka).to_have_class("heat-neg-strong withdrawal")
    expect(page.locator(".consent-grid td[data-locality='Bangui']")).to_have_attribute(
        "data-trend", "improving"
    )

    army_row = page.locator("table.impartiality tr[data-party='National Army']")
    expect(army_row).to_have_class("flagged")
    expect(army_row).to_contain_text("0%")
    expect(page.locator("table.impartiality tr[data-party='Front Populaire']")).to_contain_text(
        "100%"
    )
    one_sided = page.locator("#impartiality-flags li[data-flag='impartiality-one-sided']")
    expect(one_sided).to_contain_text("National Army")
    expect(one_sided).to_contain_text("even-handed")
    expect(page.locator("#impartiality-flags li[data-flag='impartiality-absent']")).to_contain_text(
        "National Army"
    )
    expect(page.locator("#impartiality")).to_contain_text("Impartial, not neutral")

    page.locator("#use-of-force").get_by_role("link", name="Review queue").click()
    page.wait_for_url("**/review-flags/queue/**")
    items = page.locator("#review-queue .queue-item")
    before = items.count()
    assert before >= 1
    first = items.first
    first.locator("select[name=decision]").select_option("upheld")
    first.locator("textarea[name=reason]").fill("No authority from the sector commander")
    first.get_by_role("button", name="Close the flag").click()
    expect(page.locator("#review-queue .queue-item")).to_have_count(before - 1)
    assert browser.outside == []


def test_dashboard_on_the_demo_mission_shows_haut_sanvi_and_the_fab_pattern(
    browser: Any,  # noqa: F811
    live_server: Any,
    monkeypatch: Any,
) -> None:
    """The demo's own story, at today's date: the ANP's withdrawal of consent in Haut-Sanvi
    still stands (it has not cooperated there since), and the FAB's violations went almost
    unanswered while the M9J's were answered."""
    from django.core.management import call_command
    from playwright.sync_api import expect

    from bluehelmet.demo.users import PASSWORD_ENV, mission_username

    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    call_command("demo", stdout=StringIO(), stderr=StringIO())
    page = browser.page
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", mission_username("MINUSBEL", "head-of-mission"))
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    page.goto(f"{live_server.url}/missions/MINUSBEL/")
    warning = page.locator("#consent-withdrawal-warning")
    expect(warning).to_contain_text("Haut-Sanvi")
    warning.get_by_role("link", name="Principles dashboard").click()
    page.wait_for_url("**/missions/MINUSBEL/principles/")

    withdrawal = page.locator("#consent-withdrawals li[data-flag='consent-withdrawal']")
    expect(withdrawal).to_have_count(1)
    expect(withdrawal).to_have_attribute("data-locality", "Haut-Sanvi")
    expect(withdrawal).to_contain_text("Alliance of the Northern Provinces")
    expect(withdrawal).to_contain_text("Capstone §3.1")
    haut_sanvi = page.locator(".consent-grid td[data-locality='Haut-Sanvi']")
    expect(haut_sanvi).to_have_class(re.compile(r"\bwithdrawal\b"))
    # Haut-Sanvi alone: other localities (Kourala ...) are not flagged, whatever the date.
    expect(page.locator(".consent-grid td.withdrawal")).to_have_count(1)

    fab = page.locator("table.impartiality tr[data-party='Belnaran Armed Forces (FAB)']")
    expect(fab).to_have_class("flagged")
    expect(fab).to_contain_text("10%")
    m9j = page.locator("table.impartiality tr[data-party='Movement of 9 January (M9J)']")
    expect(m9j).not_to_have_class("flagged")
    expect(m9j).to_contain_text("100%")
    one_sided = page.locator("#impartiality-flags li[data-flag='impartiality-one-sided']")
    expect(one_sided).to_contain_text("Belnaran Armed Forces (FAB)")
    assert browser.outside == []
