"""In real Chromium, a planner builds the mission's integrated plan, adopts it, revises it and
compares the two revisions (issue 15, "Done when"; Capstone §5.2), and every page passes
axe-core with no serious or critical violation."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import PASSWORD
from tests.planning_support import mandate_and_actors
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_deployment_browser import Walk

from bluehelmet.mandates.models import MandatedTask
from bluehelmet.planning.models import PlanRevision

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def task_pk(code: str) -> str:
    return str(MandatedTask.objects.get(task_type__code=code).pk)


def add_objective(walk: Walk, code: str, title: str, task: str, line: str) -> None:
    walk.click("text=Add an objective")
    walk.page.select_option("#id_line", line)
    walk.page.select_option("#id_modality", "mission_led")
    walk.page.select_option("#id_tasks", [task_pk(task)])
    walk.save(code=code, title=title, starts_on="2026-01-01")


def add_lead(walk: Walk, code: str, field: str, label: str) -> None:
    walk.click(f"text=Add an actor to {code}")
    walk.page.select_option("#id_role", "lead")
    walk.page.select_option(f"#id_{field}", label=label)
    walk.save(contribution="Leads the delivery.")


def test_a_planner_builds_revises_and_compares_the_plan(
    browser: Any,  # noqa: F811
    live_server: Any,
    make_user: Any,
    mission: Any,
) -> None:
    mandate_and_actors(mission)
    planner = make_user("head-of-mission", mission, username="planner")
    page = browser.page
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", planner.username)
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    walk = Walk(page, live_server.url)
    base = f"/missions/{mission.code}/plan/"

    walk.go(base)
    page.fill("#id_title", "Integrated strategic framework")
    walk.click("#draft-form button[type=submit]")
    add_objective(walk, "SO1", "Civilians are safer", "civilian-protection", "security")
    add_lead(walk, "SO1", "component", "MINUSTEST Force")
    walk.click("text=Add a result to SO1")
    walk.save(code="1.1", statement="Fewer attacks on civilians.")
    walk.click("text=Add an indicator")
    page.select_option("#id_level", "output")
    page.select_option("#id_direction", "increase")
    page.select_option("#id_frequency", "monthly")
    walk.save(name="Patrols", unit="patrols", baseline="100", target="300", source="JOC")
    assert "0 outcome, 1 output, 0 input" in page.locator("#indicator-levels").inner_text()
    assert "no objective of revision 1 serves it" in page.locator("#plan-verdicts").inner_text()
    walk.click("#adopt-form button[type=submit]")
    assert "Adopted" in page.locator("#revision-line").inner_text()

    page.fill("#id_title", "Revision for DDR")
    page.fill("#id_reason", "The plan must serve every task.")
    walk.click("#draft-form button[type=submit]")
    add_objective(walk, "SO2", "Combatants are reintegrated", "ddr-assistance", "security")
    add_lead(walk, "SO2", "partner", "Relief NGO")
    verdicts = page.locator("#plan-verdicts").inner_text()
    assert "humanitarian space" in verdicts
    flag = page.locator("#plan-verdicts li", has_text="humanitarian space")
    flag.locator("summary").click()
    flag.locator("select").select_option("accepted")
    flag.locator("textarea").fill("The NGO leads the community part only; the Force takes over.")
    walk.click("#plan-verdicts li:has-text('humanitarian space') button[type=submit]")
    assert "the Force takes over" in page.locator("#plan-verdicts").inner_text()
    walk.click("#adopt-form button[type=submit]")
    assert PlanRevision.objects.get(mission=mission, number=2).status == "adopted"

    walk.go(f"/missions/{mission.code}/plan/history/")
    diff = page.locator("#plan-diff").inner_text()
    assert "+ SO2 Combatants are reintegrated" in diff
    walk.go(f"/missions/{mission.code}/plan/matrix/")
    assert "Gap" in page.locator("table.matrix").inner_text()  # human rights is not served
    walk.go(f"/missions/{mission.code}/plan/timeline/")
    walk.go(f"/missions/{mission.code}/plan/print/")
    walk.go(f"/missions/{mission.code}/plan/?revision=1")
    print("\n".join(["axe checked:", *walk.seen]))
    assert walk.blocking == [], "\n".join(walk.blocking)
    assert browser.outside == []
