"""In real Chromium, a leader reads the progress page and the readiness map, dismisses a flag
with a reason and approves a disposal (issue 16; Capstone §10.2, §6.1); the pictures draw under
the strict CSP with no console error, and every page passes axe-core with no serious or
critical violation."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import PASSWORD
from tests.progress_support import D, optimistic_indicator
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_deployment_browser import Walk

from bluehelmet.benchmarks import models as m
from bluehelmet.core.models import AdminArea
from bluehelmet.lifecycle.models import AssetDisposal

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SQUARE = {"type": "Polygon", "coordinates": [[[18, 4], [19, 4], [19, 5], [18, 5], [18, 4]]]}


def test_a_leader_reads_progress_and_readiness(
    browser: Any,  # noqa: F811
    live_server: Any,
    make_user: Any,
    mission: Any,
) -> None:
    optimistic_indicator(mission)
    AdminArea.objects.create(country=mission.host_country, level=1, name="Bangui", geometry=SQUARE)
    m.ReadinessAssessment.objects.create(
        mission=mission,
        admin1="Bangui",
        level="ready",
        assessed_on=D(2026, 9, 1),
        rationale="Quiet for a year.",
    )
    AssetDisposal.objects.create(
        mission=mission, asset="Generators", category="power", value=240000, method="gift"
    )
    leader = make_user("head-of-mission", mission, username="leader")
    page = browser.page
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", leader.username)
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    walk = Walk(page, live_server.url)

    walk.go(f"/missions/{mission.code}/benchmarks/")
    assert page.locator("svg.chart-svg polyline").count() == 3
    flag = page.locator("li.verdict[data-rule='over-optimism']")
    flag.locator("summary").click()
    flag.locator("textarea").fill("The survey wave was late.")
    flag.locator("button[type=submit]").click()
    walk.check()
    assert (
        "flagged, dismissed" in page.locator("li.verdict[data-rule='over-optimism']").inner_text()
    )

    walk.go(f"/missions/{mission.code}/readiness/")
    assert page.locator("#readiness-map path[data-level='ready']").count() == 1
    walk.click("#asset-register button[type=submit]")
    assert "Approved" in page.locator("#asset-register").inner_text()
    assert not browser.outside and not errors, (browser.outside, errors)
    assert not walk.blocking, walk.blocking
