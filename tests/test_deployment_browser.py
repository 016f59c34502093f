"""In real Chromium, a planner goes from a crisis to a cleared report and a decision (issue 14,
"Done when"; Capstone §4.1-4.3), checks the PDF's text and the DOCX, and every page passes
axe-core with no serious or critical violation."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import PASSWORD
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_browser_a11y import BLOCKING, audit, axe_script, describe

from bluehelmet.core.models import Mission
from bluehelmet.doctrine.models import TaskType

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class Walk:
    """The planner's page, with an axe check of every page it lands on."""

    def __init__(self, page: Any, base: str) -> None:
        self.page, self.base, self.script = page, base, axe_script()
        self.blocking: list[str] = []
        self.seen: list[str] = []

    def check(self) -> None:
        self.page.wait_for_load_state("networkidle")
        path = self.page.url.removeprefix(self.base)
        self.seen.append(path)
        for violation in audit(self.page, self.script):
            if violation["impact"] in BLOCKING:
                self.blocking.append(describe(path, 1280, violation))

    def go(self, path: str) -> None:
        self.page.goto(f"{self.base}{path}")
        self.check()

    def click(self, selector: str) -> None:
        self.page.click(selector)
        self.check()

    def save(self, **fields: str) -> None:
        for name, value in fields.items():
            self.page.fill(f"#id_{name}", value)
        self.click("#object-form button[type=submit]")


def download(page: Any, selector: str, tmp: Path) -> bytes:
    with page.expect_download() as info:
        page.click(selector)
    target = tmp / info.value.suggested_filename
    info.value.save_as(target)
    return target.read_bytes()


def test_a_planner_goes_from_a_crisis_to_a_cleared_report_and_a_decision(
    browser: Any,  # noqa: F811
    live_server: Any,
    make_user: Any,
    tmp_path: Path,
) -> None:
    planner = make_user("hq-planner", username="planner")
    page = browser.page
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", planner.username)
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    walk = Walk(page, live_server.url)

    walk.go("/crisis-situations/add/")
    walk.save(
        name="Crisis in Ostemba",
        country="XOS",
        country_name="Ostemba",
        started_on="2026-02-01",
        summary="Fighting in the east.",
    )
    walk.click("text=Start a strategic assessment")
    page.select_option("#id_council_backing", "divided")
    walk.save(title="Strategic assessment of Ostemba", started_on="2026-06-01")
    walk.click("text=Assess a factor")
    page.select_option("#id_factor", "ceasefire_process")
    page.select_option("#id_judgement", "met")
    walk.save(evidence="A cease-fire holds.")
    walk.click("text=Record an assessment mission")
    walk.save(started_on="2026-07-01", led_by="DPO", sites_visited="Capital\nLakes")
    walk.click("text=Add a finding")
    page.select_option("#id_area", "security")
    walk.save(finding="The lakes militias gave no guarantee.")
    walk.click("text=Back to the assessment")

    walk.click("text=Add an option")
    page.select_option("#id_option_type", "multidimensional")
    poc = TaskType.objects.get(code="civilian-protection")
    page.select_option("#id_tasks", [str(poc.pk)])
    walk.save(
        title="Protection mission", troops="3000", police="400", resources="Assessed contributions."
    )
    assert "Force estimate from comparable missions" in page.content()
    walk.click("text=Write a scenario")
    page.select_option("#id_kind", "worst")
    walk.save(description="The militias attack the camps and the patrols.")

    # Back on the option's page: its assessment is one link away.
    walk.click("main a:has-text('Strategic assessment of Ostemba')")
    walk.click("text=Recommend “Protection mission”")
    assert "A united Security Council" in page.locator("#missing-conditions").inner_text()
    walk.click("text=Move to In review")
    walk.click("text=Move to Final")
    assert page.locator("#assessment-status").inner_text() == "Final"

    walk.click("text=Draft a report to the Council")
    walk.save(council_needs_to_know="The Council is divided; the militias are outside the deal.")
    walk.click("#assemble-report")
    walk.click("#clear-report")
    assert page.locator("#report-cleared").is_visible()
    walk.click("text=Version 1")
    pdf = download(page, "#download-pdf", tmp_path)
    docx = download(page, "#download-docx", tmp_path)
    from docx import Document
    from pypdf import PdfReader

    pdf_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Strategic assessment of Ostemba" in pdf_text
    for words in ("I. Political and security situation", "Observations", "Annex", "worst"):
        assert words.lower() in pdf_text.lower(), words
    docx_text = "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)
    assert "VI. Observations" in docx_text and "divided" in docx_text

    walk.go("/strategic-assessments/")
    walk.click("text=Strategic assessment of Ostemba")
    walk.click("text=Record the decision")
    page.select_option("#id_outcome", "deploy")
    page.select_option("#id_option", label="Protection mission")
    walk.save(
        decided_on="2026-11-02",
        resolution="2999",
        mission_code="MINUOST",
        mission_name="UN Mission in Ostemba",
    )
    assert "MINUOST" in page.locator("#decision").inner_text()
    assert Mission.objects.get(code="MINUOST").phase == "pre_deployment"
    print("\n".join(["axe checked:", *walk.seen]))
    assert walk.blocking == [], "\n".join(walk.blocking)
    assert browser.outside == []
