"""In real Chromium: the JMAC hub shows a flagged hotspot on the map, in the flags and in the
table, and draws the trend chart (issue 6; Capstone §7.2). Every request to another host is
blocked and counted, as in tests/test_browser.py."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone
from tests.analysis_support import surge_and_steady
from tests.conftest import PASSWORD
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)

from bluehelmet.core.models import Mission

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_hub_shows_the_flagged_hotspot(
    browser: Any,  # noqa: F811
    live_server: Any,
    mission: Mission,
    make_user: Any,
) -> None:
    from playwright.sync_api import expect

    # The history ends yesterday: the hub's default period ends with the latest incident.
    surge_and_steady(mission, end=timezone.now().date() - datetime.timedelta(days=1))
    make_user("jmac-analyst", mission, username="analyst")
    page = browser.page
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "analyst")
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    page.wait_for_url(f"**/missions/{mission.code}/")
    # The menu's sections fold; only the current page's (Mission) is open.
    page.locator("#sidenav details[data-section='analysis'] summary").click()
    page.get_by_role("link", name="Hotspots and trends").click()
    page.wait_for_url(f"**/missions/{mission.code}/analysis/")

    flag = page.locator("#hotspot-flags li[data-area='Surgeville']")
    expect(flag).to_contain_text("Surgeville: 30 incidents in the last 30 days")
    expect(flag).to_contain_text("p < 0.001")
    expect(page.locator("#hotspot-flags li")).to_have_count(1)
    expect(page.locator("#hotspot-table tr.status-rising")).to_have_attribute(
        "data-area", "Surgeville"
    )
    expect(page.locator("#hotspot-map")).to_have_attribute("data-state", "ready")
    expect(page.locator("#hotspot-map path.hotspot-area.status-rising")).to_have_count(1)
    expect(page.locator("#hotspot-map path.hotspot-area.status-steady")).to_have_count(1)
    expect(page.locator("#trend-chart")).to_have_attribute("data-state", "ready")
    expect(page.locator("#trend-chart canvas")).to_have_count(1)

    page.locator("#id_unit").select_option("h3:5")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**unit=h3%3A5**")
    expect(page.locator("#hotspot-flags li")).to_contain_text("(Surgeville)")
    expect(page.locator("#hotspot-map path.hotspot-area.status-rising")).to_have_count(1)
    assert browser.outside == []
