"""In real Chromium: hostile text from records stays text on the maps (issue 11, stored XSS),
and the pages work under the Content-Security-Policy.

The lowest role that can add an incident (component staff) files one whose title is markup
with an event handler; the Head of Mission opens the common operating picture and the mission
overview. The title and an admin-area name with the same payload must show literally in the
tooltip, popup and list, and the handler must never run. As in tests/test_browser.py, every
request to another host is blocked and counted.
"""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient
from tests.conftest import PASSWORD
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)

from bluehelmet.core.models import AdminArea, Mission, OrgUnit, OrgUnitKind

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
HOSTILE = '<img src=x onerror="window.__xss=1">'
OUTLINE = {"type": "Polygon", "coordinates": [[[20, 3], [23, 3], [23, 6], [20, 6], [20, 3]]]}
# Recorded in the page before any of its scripts run: CSP violations and uncaught errors.
WATCH = """
window.__problems = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__problems.push("csp: " + e.violatedDirective + " " + e.blockedURI);
});
window.addEventListener("error", function (e) {
  window.__problems.push("error: " + (e.message || (e.target && e.target.src) || e.type));
}, true);
"""


def watched(page: Any) -> list[str]:
    """Console errors of the page, collected from now on."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.add_init_script(WATCH)
    return errors


def log_in(page: Any, live_server: Any, username: str, mission: Mission) -> None:
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    page.wait_for_url(f"**/missions/{mission.code}/now/")  # leaders: the situation page
    page.goto(f"{live_server.url}/missions/{mission.code}/")


def file_hostile_incident(mission: Mission, reporter: Any) -> None:
    """Through the API, as the reporter would: no shortcut past validation."""
    client = APIClient()
    client.force_authenticate(reporter)
    response = client.post(
        "/api/incidents/",
        {
            "mission": mission.code,
            "title": HOSTILE,
            "category": "clash-state",
            "occurred_at": "2025-03-10T12:00:00Z",
            "latitude": 4.42,
            "longitude": 18.58,
            "location_name": HOSTILE,
        },
        format="json",
    )
    assert response.status_code == 201, response.content


def assert_nothing_ran(page: Any, errors: list[str]) -> None:
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img[src='x']").count() == 0
    assert page.evaluate("window.__problems") == []
    assert errors == []


def test_hostile_incident_title_stays_text_on_the_cop(
    browser: Any,  # noqa: F811
    live_server: Any,
    mission: Mission,
    make_user: Any,
) -> None:
    from playwright.sync_api import expect

    page = browser.page
    errors = watched(page)
    AdminArea.objects.create(country="XTA", level=1, name=HOSTILE, geometry=OUTLINE)
    file_hostile_incident(mission, make_user("component-staff", mission, username="reporter"))
    make_user("head-of-mission", mission, username="hom")

    log_in(page, live_server, "hom", mission)
    page.goto(f"{live_server.url}/missions/{mission.code}/cop/")
    cop_map = page.locator("#cop-map")
    expect(cop_map).to_have_attribute("data-state", "ready")
    expect(page.locator("#cop-list")).to_contain_text(HOSTILE)

    page.evaluate(
        "(() => { const m = document.getElementById('cop-map');"
        " m._leaflet_map.setView([4.42, 18.58], 11); })()"
    )
    expect(cop_map).to_have_attribute("data-mode", "points")
    point = page.locator("#cop-map path.cop-point")
    expect(point).to_have_count(1)
    point.hover(force=True)
    expect(page.locator(".leaflet-tooltip")).to_have_text(HOSTILE)
    point.click(force=True)
    popup = page.locator(".leaflet-popup-content")
    expect(popup.locator("h3")).to_have_text(HOSTILE)
    expect(popup.locator("p").nth(1)).to_contain_text(HOSTILE)  # category · location name
    assert_nothing_ran(page, errors)
    assert browser.outside == []


def test_hostile_area_and_unit_names_stay_text_on_the_mission_map(
    browser: Any,  # noqa: F811
    live_server: Any,
    mission: Mission,
    make_user: Any,
) -> None:
    from playwright.sync_api import expect

    page = browser.page
    errors = watched(page)
    AdminArea.objects.create(country="XTA", level=1, name=HOSTILE, geometry=OUTLINE)
    hq = OrgUnit.objects.get(mission=mission, kind=OrgUnitKind.MISSION_HQ)
    OrgUnit.objects.create(
        mission=mission,
        kind=OrgUnitKind.TEAM_SITE,
        name=HOSTILE,
        latitude=5.5,
        longitude=22.5,
        parent=hq,
    )
    make_user("head-of-mission", mission, username="hom")

    log_in(page, live_server, "hom", mission)
    page.wait_for_selector("#mission-map[data-state='ready']")
    area = page.locator("#mission-map path.leaflet-interactive")
    expect(area).to_have_count(1)
    page.locator("#mission-map").scroll_into_view_if_needed()
    box = area.bounding_box()
    assert box is not None
    # A corner of the area, away from the unit markers.
    page.mouse.move(box["x"] + box["width"] * 0.1, box["y"] + box["height"] * 0.9)
    expect(page.locator("#mission-map .leaflet-tooltip")).to_have_text(HOSTILE)
    page.mouse.click(box["x"] + box["width"] * 0.1, box["y"] + box["height"] * 0.9)
    expect(page.locator(".leaflet-popup-content")).to_have_text(HOSTILE)

    marker = page.locator("#mission-map .leaflet-marker-icon.orgunit-kind-team_site")
    expect(marker).to_have_attribute("title", HOSTILE)
    marker.click()
    expect(page.locator(".leaflet-popup-content h3")).to_have_text(HOSTILE)
    assert_nothing_ran(page, errors)
    assert browser.outside == []


def test_pages_and_api_docs_work_under_the_policy(
    browser: Any,  # noqa: F811
    live_server: Any,
    mission: Mission,
    make_user: Any,
) -> None:
    """The policy forbids inline script: the pages and Swagger UI must not need any."""
    from playwright.sync_api import expect

    page = browser.page
    errors = watched(page)
    make_user("head-of-mission", mission, username="hom")

    log_in(page, live_server, "hom", mission)
    page.wait_for_selector("#mission-map[data-state='ready']")
    page.goto(f"{live_server.url}/missions/{mission.code}/cop/")
    expect(page.locator("#cop-map")).to_have_attribute("data-state", "ready")
    for path in ("analysis/", "strength/", "forecasts/"):  # the other scripts' pages
        page.goto(f"{live_server.url}/missions/{mission.code}/{path}")
        page.wait_for_load_state("networkidle")
    page.goto(f"{live_server.url}/api/docs/")
    expect(page.locator("#swagger-ui .info .title")).to_contain_text("bluehelmet API")
    expect(page.locator("#swagger-ui .opblock").first).to_be_visible()
    assert page.evaluate("window.__problems") == []
    assert errors == []

    # Were markup to slip past the escaping, the browser itself refuses to run its handler.
    page.goto(f"{live_server.url}/missions/{mission.code}/")
    page.evaluate("html => document.body.insertAdjacentHTML('beforeend', html)", HOSTILE)
    page.wait_for_function("window.__problems.some(p => p.startsWith('csp: script-src'))")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert browser.outside == []
