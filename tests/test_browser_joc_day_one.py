"""Issue 13's "Done when", end to end in real Chromium: the JOC officer's day one on the demo.

The demo is built as of today (``bluehelmet demo --as-of``), so its story ends now. The JOC
officer of MINUSBEL logs in and lands on the situation page with the last day's incidents;
opens the incident entry page, places an incident by clicking the map, sees its admin area
filled in and saves it; imports a slice of the real UCDP GED file (the Central African
Republic, GED 23.1, CC BY 4.0) from the import page through its preview, sees the mission's
incident count go up, undoes the import (the uploader may) and sees the count back. Everything
goes through the pages, as the officer would (Capstone §7.2: the JOC's picture).
"""

from __future__ import annotations

import csv
import datetime
import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from tests.conftest import PASSWORD, skip_or_fail
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)

from bluehelmet.core.models import OrgUnit
from bluehelmet.operations.models import Incident

GED = (
    Path(__file__).resolve().parents[2] / "shared/data/ucdp/ged_v23_1_central_african_republic.csv"
)
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
GED_ROWS = 6

pytestmark = [
    pytest.mark.browser,
    # Roles come from a data migration: restore them, since a transactional test flushes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def ged_file(tmp_path: Path) -> Path:
    """The first rows of the real GED file, as a small upload."""
    if not GED.exists():
        skip_or_fail(f"{GED} is not there")
    with GED.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [row for _n, row in zip(range(GED_ROWS), reader, strict=False)]
    out = StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / "ged_car_slice.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.fixture
def demo_today(settings: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """The demo whose story ends now; imports run in process (no worker in a test)."""
    from bluehelmet.demo.users import PASSWORD_ENV

    settings.TASKS = IMMEDIATE
    settings.DATA_DIR = tmp_path / "data"
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    today = timezone.now().date().isoformat()
    call_command("demo", "--as-of", today, stdout=StringIO(), stderr=StringIO())


def joc_tab(page: Any, base: str, name: str) -> None:
    """Open one of the JOC pages from the tabs of the operating picture."""
    page.goto(f"{base}/missions/MINUSBEL/cop/")
    page.locator("nav.mission-tabs").get_by_role("link", name=name, exact=True).click()


def record_count(page: Any, base: str) -> int:
    """The mission's incident count, as the Incidents tab of the JOC pages shows it."""
    joc_tab(page, base, "Incidents")
    page.wait_for_url("**/incidents/?mission=MINUSBEL")
    text = page.locator("#results .table-meta span").first.inner_text()
    match = re.match(r"([\d,]+) records?", text)
    assert match, text
    return int(match.group(1).replace(",", ""))


def test_the_joc_officers_day_one(
    browser: Any,  # noqa: F811
    live_server: Any,
    demo_today: None,
    ged_file: Path,
) -> None:
    from playwright.sync_api import expect
    from tests.test_browser_security import watched

    page, base = browser.page, live_server.url
    errors = watched(page)

    # Log in: the JOC officer lands on the situation page, with the last day's incidents.
    page.goto(f"{base}/login/")
    page.fill("#id_username", "minusbel.joc-officer")
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    page.wait_for_url("**/missions/MINUSBEL/now/")
    assert int(page.get_attribute("#situation-count-day", "data-count") or 0) > 0
    assert int(page.get_attribute("#situation-count-week", "data-count") or 0) > 0
    expect(page.locator("#situation-map")).to_have_attribute("data-state", "ready")
    before = record_count(page, base)

    # The incident entry page, from the list's "Add" button; placed by a click on the map.
    page.get_by_role("link", name=re.compile(r"^Add incident", re.I)).click()
    page.wait_for_url("**/incidents/add/**")
    place_on_the_map(page)
    page.fill("#id_title", "Day one: shots heard near the team site")
    earlier = timezone.now() - datetime.timedelta(hours=1)
    page.fill("#id_occurred_at", earlier.strftime("%Y-%m-%dT%H:%M"))
    page.select_option("#id_category", label="Armed clash involving state forces")
    page.click("#object-form button[type=submit]")
    page.wait_for_url(re.compile(r"/incidents/\d+/$"))
    saved = Incident.objects.get(title="Day one: shots heard near the team site")
    assert saved.mission.code == "MINUSBEL" and saved.admin1
    with_entry = record_count(page, base)
    assert with_entry == before + 1

    # The import page: preview, confirm, the count goes up.
    joc_tab(page, base, "Import")
    page.wait_for_url("**/missions/MINUSBEL/incidents/import/")
    page.select_option("#id_kind", value="ucdp-ged")
    page.set_input_files("#id_file", str(ged_file))
    page.get_by_role("button", name="Preview").click()
    preview = page.locator("section.import-preview")
    expect(preview).to_contain_text("ged_car_slice.csv")
    expect(preview.locator(".preview-rows")).to_have_text(str(GED_ROWS))
    new = int(preview.locator(".preview-new").inner_text())
    assert new > 0
    preview.get_by_role("button", name=re.compile(r"^Import th")).click()
    page.wait_for_url(re.compile(r"/incidents/import/\d+/$"))
    expect(page.locator("#import-job")).to_have_attribute("data-status", "done")
    job_url = page.url
    assert record_count(page, base) == with_entry + new

    # Undo it from its page: the count is back.
    page.goto(job_url)
    page.locator("section.import-undo summary").click()
    page.get_by_role("button", name="Yes, undo this import").click()
    expect(page.locator("section.import-undone")).to_contain_text("This import was undone")
    assert record_count(page, base) == with_entry
    assert errors == []
    assert browser.outside == []


def place_on_the_map(page: Any) -> None:
    """Click a MINUSBEL team site's spot on the entry map; its admin area is filled in."""
    from playwright.sync_api import expect

    site = OrgUnit.objects.filter(mission__code="MINUSBEL").exclude(admin1="").order_by("pk")[1]
    the_map = page.locator("#entry-map")
    expect(the_map).to_have_attribute("data-state", "ready")
    point = page.evaluate(
        "([lat, lon]) => { const m = document.getElementById('entry-map')._leaflet_map;"
        " const p = m.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }",
        [site.latitude, site.longitude],
    )
    the_map.click(position={"x": point[0], "y": point[1]})
    assert abs(float(page.input_value("#id_latitude")) - site.latitude) < 0.1
    assert abs(float(page.input_value("#id_longitude")) - site.longitude) < 0.1
    expect(page.locator("#id_admin1")).to_have_value(site.admin1)
    expect(page.locator("#entry-map-status")).to_contain_text(site.admin1)
