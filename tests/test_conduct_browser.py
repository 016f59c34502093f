"""In real Chromium, the conduct officer records an allegation and moves it to its initial
assessment; a JOC officer of the same mission sees the dashboard's figures only and gets 404
on the case (issue 18; Capstone §3.2). Every page passes axe-core with no serious or critical
violation and logs no console error."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conduct_support import contingent
from tests.conftest import PASSWORD
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_deployment_browser import Walk

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page: Any, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")


def test_the_officer_records_a_case_and_the_joc_sees_only_figures(
    browser: Any,  # noqa: F811
    live_server: Any,
    make_user: Any,
    mission: Any,
) -> None:
    bat = contingent(mission, "BANBAT 1")
    make_user("conduct-discipline", mission, username="cdt")
    make_user("joc-officer", mission, username="joc")
    page = browser.page
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    walk = Walk(page, live_server.url)

    log_in(page, live_server.url, "cdt")
    walk.go(f"/missions/{mission.code}/conduct/")
    walk.click("a:has-text('Record an allegation')")
    page.select_option("#id_category", "sea")
    page.select_option("#id_personnel_category", "military")
    page.select_option("#id_contingent", str(bat.pk))
    walk.save(
        received_on="2026-01-05",
        summary="Quuxwhistle alleged at the water point",
        victim_details="Thistlewood family",
    )
    assert "MINUSTEST-CDT-2026-001" in page.locator("h1").inner_text()
    case_url = page.url
    page.fill("#id_assess-on", "2026-01-06")
    page.select_option("#id_assess-finding", "pursue")
    walk.click("#step-assess button[type=submit]")
    timeline = page.locator("#case-timeline").inner_text()
    assert "2026-01-06" in timeline
    assert page.locator("#step-refer").count() == 1

    log_in(page, live_server.url, "joc")
    walk.go(f"/missions/{mission.code}/conduct/")
    figures = page.locator("#conduct-figures").inner_text()
    assert "fewer than 5" in figures and "BANBAT 1" in figures
    assert page.locator("#conduct-overdue").count() == 0
    assert "Quuxwhistle" not in page.content() and "CDT-2026" not in page.content()
    answer = page.goto(case_url)
    assert answer is not None and answer.status == 404
    assert "Quuxwhistle" not in page.content() and "Thistlewood" not in page.content()
    walk.go("/conduct/allegations/")
    assert page.locator("#no-case-role").count() == 1
    assert not [e for e in errors if "404" not in e], errors
    assert not walk.blocking, walk.blocking
