"""In real Chromium, an HQ planner lands on the headquarters overview (issue 20; Capstone §7.1),
sees the operations on the world map and in the table, sorts it, follows a mission row to the
mission's page, and the overview passes axe-core with no serious or critical violation."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import PASSWORD
from tests.operations_support import incident
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_deployment_browser import Walk

from bluehelmet.core.models import Mission

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_hq_planner_lands_on_the_overview_and_follows_a_mission(
    browser: Any,  # noqa: F811
    live_server: Any,
    make_user: Any,
    mission: Mission,
    other_mission: Mission,
) -> None:
    from django.utils import timezone
    from playwright.sync_api import expect

    for _i in range(3):
        incident(mission, occurred_at=timezone.now(), title="<b>Shots near the market</b>")
    planner = make_user("hq-planner", username="planner")
    page = browser.page
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", planner.username)
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    page.wait_for_url("**/hq/")
    walk = Walk(page, live_server.url)
    walk.check()

    the_map = page.locator("#hq-map")
    expect(the_map).to_have_attribute("data-state", "ready")
    expect(the_map).to_have_attribute("data-missions", "2")
    rows = page.locator("#hq-table tbody tr")
    expect(rows).to_have_count(2)
    busiest = page.locator("#hq-table tbody tr[data-mission='MINUSTEST']")
    expect(busiest).to_contain_text("3 incidents")

    # Sorting by incidents, descending, puts the busier mission first.
    page.click("#hq-table th[data-key='incidents-90d'] a")
    page.click("#hq-table th[data-key='incidents-90d'] a")
    expect(page.locator("#hq-table th[data-key='incidents-90d']")).to_have_attribute(
        "aria-sort", "descending"
    )
    expect(rows.first).to_have_attribute("data-mission", "MINUSTEST")

    # A mission row leads to the mission's page.
    busiest.get_by_role("link", name="MINUSTEST · UN Test Stabilization Mission").click()
    page.wait_for_url("**/missions/MINUSTEST/")
    assert walk.blocking == []
