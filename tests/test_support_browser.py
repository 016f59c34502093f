"""In real Chromium, mission support walks its pages (issue 18; Capstone §8.1-8.3): adds a
logistics request and approves it, reads the serviceability shortfall and the premises flag on
the dashboard and dismisses one with a reason; every page passes axe-core with no serious or
critical violation and logs no console error."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import PASSWORD
from tests.mission_support_fixtures import D, contingent, inspect, lease, moss_check, premises
from tests.pages_support import team_site
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_deployment_browser import Walk

from bluehelmet.support import models as m

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_mission_support_requests_approves_and_decides(
    browser: Any,  # noqa: F811
    live_server: Any,
    make_user: Any,
    mission: Any,
) -> None:
    site = team_site(mission, "Team Site Alpha")
    inspect(lease(contingent(mission), ("APC", 10)), D(2026, 10, 1), APC=7)
    moss_check(premises(mission, "Team Site Bravo"), D(2026, 10, 1), "shelter", "lighting")
    officer = make_user("head-of-mission", mission, username="dms")
    page = browser.page
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", officer.username)
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    walk = Walk(page, live_server.url)

    walk.go(f"/missions/{mission.code}/support/")
    walk.click("a.button[href*='/support/requests/add/']")
    page.select_option("#id_kind", "supply")
    page.select_option("#id_requesting_unit", str(site.pk))
    walk.save(
        item="Generator spare parts",
        quantity="4",
        requested_on="2026-10-20",
        needed_by="2026-11-10",
    )
    assert "Status: Submitted." in page.locator("#request-status").inner_text()
    walk.click("#request-steps button:has-text('Approve')")
    assert "Status: Approved." in page.locator("#request-status").inner_text()
    assert m.SupplyRequest.objects.get().status == "approved"

    walk.go(f"/missions/{mission.code}/support/")
    shortfall = page.locator("li.verdict[data-rule='serviceability-shortfall']")
    assert "7 of 10 agreed items serviceable" in shortfall.inner_text()
    below = page.locator("li.verdict[data-rule='premises-below-standard']")
    assert "Team Site Bravo met 80%" in below.inner_text()
    shortfall.locator("summary").click()
    shortfall.locator("textarea").fill("Three carriers are in the workshop; parts ordered.")
    shortfall.locator("button[type=submit]").click()
    walk.check()
    decided = page.locator("li.verdict[data-rule='serviceability-shortfall']").inner_text()
    assert "flagged, dismissed" in decided and "parts ordered" in decided
    assert not browser.outside and not errors, (browser.outside, errors)
    assert not walk.blocking, walk.blocking
