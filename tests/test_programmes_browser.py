"""In real Chromium, a Head of Mission proposes a QIP on its page, sees the §7.2 flag, dismisses
it with a reason and approves the project, reads the programmes overview and links explosive
incidents to a hazard area; an analyst without strictly confidential clearance gets 404 on a
human rights case (issue 17; Capstone §2.4-2.5, §7.2). Every page passes axe-core with no
serious or critical violation and no console error."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import PASSWORD
from tests.operations_support import incident
from tests.programmes_support import case, hazard, participant
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_deployment_browser import Walk

from bluehelmet.programmes import models as m

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def login(page: Any, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")


def test_a_leader_walks_the_programmes_and_an_analyst_cannot_open_a_case(
    browser: Any,  # noqa: F811
    live_server: Any,
    make_user: Any,
    mission: Any,
) -> None:
    hr_case = case(mission)
    participant(mission, "C-1", age_group=m.AgeGroup.CHILD)
    area = hazard(mission)
    incident(mission, "explosive-hazard", latitude=4.05, longitude=18.05)
    make_user("head-of-mission", mission, username="leader")
    make_user("jmac-analyst", mission, username="analyst")
    page = browser.page
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    login(page, live_server.url, "leader")
    walk = Walk(page, live_server.url)

    walk.go("/programmes/quick-impact-projects/add/")
    # The leader's one mission is chosen already (choosing it again reloads the form by HTMX).
    assert page.locator("#id_mission").input_value() == mission.code
    page.check("#id_community_consulted")
    walk.save(title="School roof in Bolobi", admin1="Haut-Sanvi", budget_usd="18000")
    flag = page.locator("li.verdict[data-rule='qip-no-humanitarian-coordination']")
    assert "has not been consulted" in flag.inner_text()
    community = page.locator("li.verdict[data-rule='qip-no-community-consultation']")
    assert "in place" in community.inner_text()
    walk.click("#qip-approve button[type=submit]")
    page.get_by_text("Not approved", exact=False).first.wait_for()
    flag = page.locator("li.verdict[data-rule='qip-no-humanitarian-coordination']")
    flag.locator("summary").click()
    flag.locator("textarea").fill("OCHA agreed by e-mail on 2 June.")
    flag.locator("button[type=submit]").click()
    page.get_by_text("Decision recorded", exact=False).first.wait_for()
    walk.check()
    verdict = page.locator("li.verdict[data-rule='qip-no-humanitarian-coordination']")
    assert "flagged, dismissed" in verdict.inner_text()
    walk.click("#qip-approve button[type=submit]")
    page.locator("#qip-complete").wait_for()  # the approved project's next step
    assert m.QuickImpactProject.objects.get().status == m.QipStatus.APPROVED

    walk.go(f"/missions/{mission.code}/programmes/")
    assert page.locator("li.verdict[data-rule='ddr-child-not-referred']").count() == 1
    walk.click("#link-incidents button[type=submit]")
    page.get_by_text("newly linked", exact=False).first.wait_for()
    assert page.locator("#mines-linked").inner_text() == "1"
    assert area.incidents.count() == 1
    walk.go(f"/programmes/human-rights-cases/{hr_case.pk}/")
    assert "Amina Kolo" in page.locator("main").inner_text()

    login(page, live_server.url, "analyst")
    response = page.goto(f"{live_server.url}/programmes/human-rights-cases/{hr_case.pk}/")
    assert response is not None and response.status == 404
    walk.go("/programmes/human-rights-cases/")
    assert hr_case.reference not in page.locator("main").inner_text()
    assert walk.blocking == [], "\n".join(walk.blocking)
    assert [e for e in errors if "404" not in e] == []
