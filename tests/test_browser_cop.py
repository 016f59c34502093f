"""In real Chromium: the common operating picture follows its time window (issue 4, "Done
means"). Incidents of two periods; narrowing the window (form, then the timeline's brush)
changes the hexagons on the map and the list beside it; zoomed in, single incidents open.

As in tests/test_browser.py, every request to another host is blocked and counted.
"""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import PASSWORD
from tests.operations_support import at, incident
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)

from bluehelmet.core.models import AdminArea, Mission

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
OUTLINE = {"type": "Polygon", "coordinates": [[[16, 2], [24, 2], [24, 8], [16, 8], [16, 2]]]}
MARCH = [(4.4, 18.6), (4.45, 18.55), (5.8, 20.7), (6.5, 17.5), (7.2, 16.5), (6.9, 19.2)]
SEPTEMBER = [(4.4, 18.6), (5.8, 20.7), (3.9, 22.1)]


def make_incidents(mission: Mission) -> None:
    for n, (lat, lon) in enumerate(MARCH):
        incident(
            mission,
            title=f"March event {n}",
            occurred_at=at(2025, 3, 3 + n),
            latitude=lat,
            longitude=lon,
        )
    for n, (lat, lon) in enumerate(SEPTEMBER):
        incident(
            mission,
            title=f"September event {n}",
            occurred_at=at(2025, 9, 8 + n),
            latitude=lat,
            longitude=lon,
        )


def list_count(page: Any) -> int:
    return int(page.locator("#cop-list .cop-list-body").get_attribute("data-count"))


def test_cop_time_window_updates_map_and_list(
    browser: Any,  # noqa: F811
    live_server: Any,
    mission: Mission,
    other_mission: Mission,
    make_user: Any,
) -> None:
    from playwright.sync_api import expect

    page = browser.page
    AdminArea.objects.create(country="XTA", level=1, name="Central Prefecture", geometry=OUTLINE)
    make_incidents(mission)
    incident(other_mission, title="Not ours", latitude=35.1, longitude=33.4)
    make_user("joc-officer", mission, username="joc")

    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "joc")
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    page.wait_for_url(f"**/missions/{mission.code}/now/")
    page.goto(f"{live_server.url}/missions/{mission.code}/cop/")

    cop_map = page.locator("#cop-map")
    expect(cop_map).to_have_attribute("data-state", "ready")
    expect(cop_map).to_have_attribute("data-mode", "hexagons")
    expect(page.locator("#cop-timeline")).to_have_attribute("data-state", "ready")
    hexagons = page.locator("#cop-map path.cop-hex")
    all_cells = hexagons.count()
    assert all_cells >= 5
    expect(page.locator("#cop-list .cop-list-body")).to_have_attribute("data-count", "9")
    assert "Not ours" not in page.content()
    expect(page.locator("#cop-map-status")).to_contain_text("9")

    # The time window from the form: September only.
    page.fill("#id_since", "2025-09-01")
    page.fill("#id_until", "2025-09-30")
    page.click("#cop-filters button[type=submit]")
    expect(page.locator("#cop-list .cop-list-body")).to_have_attribute("data-count", "3")
    expect(hexagons).to_have_count(3)
    expect(page.locator("#cop-list")).to_contain_text("September event 2")
    expect(page.locator("#cop-list")).not_to_contain_text("March event")
    assert "since=2025-09-01" in page.url

    # The brush: drag across the first weeks of the timeline (March) sets the window.
    page.click("#cop-clear-window")
    expect(page.locator("#cop-list .cop-list-body")).to_have_attribute("data-count", "9")
    overlay = page.locator("#cop-timeline .u-over")
    overlay.scroll_into_view_if_needed()
    box = overlay.bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 1, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.15, y, steps=8)
    page.mouse.up()
    expect(page.locator("#cop-list .cop-list-body")).to_have_attribute("data-count", "6")
    assert page.input_value("#id_since") == "2025-03-03"
    assert page.input_value("#id_until").startswith("2025-0")
    expect(hexagons).to_have_count(all_cells - 1)  # (3.9, 22.1) had only a September event

    # Zoomed in on Bangui: single incidents, and one opens its page.
    page.evaluate("document.getElementById('cop-clear-window').click()")
    expect(page.locator("#cop-list .cop-list-body")).to_have_attribute("data-count", "9")
    page.evaluate(
        "(() => { const m = document.getElementById('cop-map');"
        " m._leaflet_map && m._leaflet_map.setView([4.42, 18.58], 11); })()"
    )
    expect(cop_map).to_have_attribute("data-mode", "points")
    points = page.locator("#cop-map path.cop-point")
    expect(points).to_have_count(3)  # two in March, one in September
    expect(page.locator("#cop-list .cop-list-body")).to_have_attribute("data-count", "3")
    points.first.click(force=True)
    popup_link = page.locator(".leaflet-popup-content a.button")
    expect(popup_link).to_be_visible()
    popup_link.click()
    page.wait_for_url("**/incidents/*/")
    expect(page.locator("h1")).to_contain_text("event")
    assert browser.outside == []
