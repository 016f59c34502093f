"""In real Chromium, a mission leader walks the outreach parts (Capstone §9.1-9.2, §7.2, §10.2,
Annex 1): logs a rumour, links it to the incident that followed, sees the flag on an overdue
country-team action and the breach on the map, dismisses the action's flag with a reason,
searches the lessons and browses the guidance index by series. No console error, and every page
passes axe-core with no serious or critical violation."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect
from tests.conftest import PASSWORD
from tests.operations_support import incident
from tests.outreach_support import D, action_item, at, impact_indicator, meeting, read
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_deployment_browser import Walk

from bluehelmet.benchmarks.models import LessonLearned
from bluehelmet.doctrine import models as dm

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


PAGES = (
    "/impact-indicators/",
    "/impact-indicators/add/",
    "/impact-readings/",
    "/outreach-activities/",
    "/outreach-activities/add/",
    "/rumours/",
    "/coordination-meetings/",
    "/coordination-meetings/add/",
    "/action-items/",
    "/sharing-records/",
    "/sharing-records/add/",
    "/lessons/add/",
)


def given_the_records(mission: Any) -> None:
    incident(mission, occurred_at=at(2025, 3, 4), title="Looting of the market")
    action_item(meeting(mission), D(2026, 1, 10), text="Share the returns survey")
    read(impact_indicator(mission), D(2026, 4, 30), 720)
    LessonLearned.objects.create(
        mission=mission,
        kind="best_practice",
        title="Answering rumours within a day",
        written_on=D(2026, 2, 1),
        summary="Rumours spread fastest where the mission said nothing.",
    )
    dm.GuidanceDocument.objects.create(
        title="Aviation manual",
        series=dm.GuidanceSeries.objects.get(series=5000),
        issuing_office="DFS",
    )


def test_a_leader_walks_rumours_flags_lessons_and_guidance(
    browser: Any,  # noqa: F811
    live_server: Any,
    make_user: Any,
    mission: Any,
) -> None:
    given_the_records(mission)
    leader = make_user("head-of-mission", mission, username="leader")
    page = browser.page
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", leader.username)
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    walk = Walk(page, live_server.url)

    # log a rumour
    walk.go(f"/rumours/add/?mission={mission.code}")  # chosen: no HTMX reload of the form
    page.fill("#id_said", "MINUSBEL will leave Bangui next week <b>now</b>.")
    page.fill("#id_heard_at", "2025-03-01T08:00")
    page.fill("#id_admin1", "Bangui")
    page.select_option("#id_spread", "area")
    page.select_option("#id_risk", "3")
    page.select_option("#id_risk_to", "civilians")
    walk.click("#object-form button[type=submit]")
    expect(page.locator("h1")).to_contain_text("<b>now</b>")  # text, never markup

    # link it to the incident that followed in its area
    expect(page.locator("#link-form")).to_contain_text("Looting of the market")
    walk.click("#link-form button[type=submit]")
    expect(page.locator("#linked-incidents")).to_contain_text("Looting of the market")

    # the flags: an overdue action and the breach on the map; dismiss the action's flag
    walk.go(f"/missions/{mission.code}/outreach/")
    expect(page.locator("#small-map")).to_have_attribute("data-state", "ready")
    flag = page.locator("#action-flags li.verdict[data-rule='action-overdue']")
    expect(flag).to_contain_text("flagged")
    flag.locator("summary").click()
    flag.locator("textarea").fill("UNHCR sent the survey by e-mail.")
    walk.click("#action-flags li.verdict button[type=submit]")
    expect(page.locator("#action-flags")).to_contain_text("flagged, dismissed")
    expect(page.locator("#action-flags")).to_contain_text("UNHCR sent the survey by e-mail.")

    # search the lessons
    walk.go("/lessons/?q=spread+fastest")
    expect(page.locator("main")).to_contain_text("Answering rumours within a day")

    # browse the guidance index by series to a flagged document
    walk.go("/doctrine/guidance-index/")
    walk.click("#guidance-series a[href='?series=5000']")
    walk.click("text=Aviation manual")
    expect(page.locator("li.verdict")).to_contain_text("flagged")

    # every other outreach page and form passes axe too
    for path in (*PAGES, f"/missions/{mission.code}/rumours/map/?since=2025-01-01"):
        walk.go(path)
    assert not browser.outside and not errors, (browser.outside, errors)
    assert not walk.blocking, walk.blocking
