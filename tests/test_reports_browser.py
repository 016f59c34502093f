"""Issue 16's "Done when" for the periodic report, in real Chromium on the demo: the Head of
Mission sees when the next report is due, assembles a draft for the last quarter from the
reports page, reads its sections and downloads the PDF and the DOCX, whose text is checked
(Capstone §9.1, §10.1-10.2). Every page passes axe-core with no serious or critical violation;
no console error, no request to another host."""

from __future__ import annotations

import io
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from tests.conftest import PASSWORD
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_deployment_browser import Walk, download

from bluehelmet.core.models import Mission
from bluehelmet.reports.periodic import last_full_quarter

pytestmark = [
    pytest.mark.browser,
    # Roles come from a data migration: restore them, since a transactional test flushes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SECTIONS = (
    "Political and security developments",
    "Protection of civilians",
    "Consent and freedom of movement",
    "Implementation of the mandate",
    "Progress towards the benchmarks",
    "Personnel against authorised strength",
    "Observations",
)


@pytest.fixture
def demo_today(settings: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """The demo whose story ends today, with the demo users' password known to the test."""
    from bluehelmet.demo.users import PASSWORD_ENV

    settings.DATA_DIR = tmp_path / "data"
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    today = timezone.now().date().isoformat()
    call_command("demo", "--as-of", today, stdout=StringIO(), stderr=StringIO())


def test_the_head_of_mission_drafts_the_quarterly_report(
    browser: Any,  # noqa: F811
    live_server: Any,
    demo_today: None,
    tmp_path: Path,
) -> None:
    page, base = browser.page, live_server.url
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{base}/login/")
    page.fill("#id_username", "minusbel.head-of-mission")
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    walk = Walk(page, base)

    # The overview says when the next report is due (Capstone §7.1).
    walk.go("/missions/MINUSBEL/")
    assert "report" in page.locator("#reporting-status").inner_text().lower()

    # The reports page: the due dates, the demo's draft, and the form for a new one.
    walk.go("/periodic-reports/?mission=MINUSBEL")
    assert page.locator("#due-statuses li[data-mission='MINUSBEL']").count() == 1
    start, end = last_full_quarter(timezone.now().date())
    assert page.input_value("#id_period_start") == start.isoformat()
    assert page.input_value("#id_period_end") == end.isoformat()
    page.select_option("#id_mission", str(Mission.objects.get(code="MINUSBEL").pk))
    walk.click("#draft-report")
    assert "/periodic-reports/" in page.url and "Draft assembled" in page.content()
    body = page.locator("#report-body").inner_text()
    for heading in SECTIONS:
        assert heading in body, heading
    assert "Deterioration to report: People displaced in Tabassi" in body
    assert page.locator("#report-body .report-map svg polygon").count() > 0

    pdf = download(page, "#version-list a.download-pdf >> nth=0", tmp_path)
    docx = download(page, "#version-list a.download-docx >> nth=0", tmp_path)
    from docx import Document
    from pypdf import PdfReader

    pdf_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(pdf_text.split())
    for words in ("Protection of civilians", "Progress towards the benchmarks", "Tabassi"):
        assert words in flat, words
    docx_text = "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)
    for heading in SECTIONS:
        assert heading in docx_text, heading
    assert not browser.outside and not errors, (browser.outside, errors)
    assert not walk.blocking, walk.blocking
