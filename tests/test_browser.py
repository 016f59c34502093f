"""In real Chromium: log in, open the mission, the offline map shows its team sites only.

Issue 2 item 10. The page must work with no network beyond the server itself (DESIGN "Pages":
no CDN, no tile server), so every request to another host is blocked and counted.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from tests.conftest import PASSWORD, skip_or_fail

from bluehelmet.core.models import AdminArea, Mission, OrgUnit, OrgUnitKind

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OUTLINE = {"type": "Polygon", "coordinates": [[[20, 3], [23, 3], [23, 6], [20, 6], [20, 3]]]}

pytestmark = [
    pytest.mark.browser,
    # Roles come from a data migration: restore them, since a transactional test flushes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def browser(live_server: Any) -> Any:
    from playwright import sync_api

    if not Path(CHROMIUM).exists():
        skip_or_fail("Chromium is not installed at /usr/bin/chromium")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        page = context.new_page()
        outside: list[str] = []

        def only_our_server(route: Any) -> None:
            if route.request.url.startswith(live_server.url):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", only_our_server)
        try:
            yield SimpleNamespace(page=page, outside=outside)
        finally:
            context.close()
            chromium.close()


def site(mission: Mission, name: str, lat: float, lon: float) -> OrgUnit:
    hq = OrgUnit.objects.get(mission=mission, kind=OrgUnitKind.MISSION_HQ)
    return OrgUnit.objects.create(
        mission=mission,
        kind=OrgUnitKind.TEAM_SITE,
        name=name,
        latitude=lat,
        longitude=lon,
        parent=hq,
    )


def test_mission_user_sees_their_team_sites_on_the_offline_map(
    browser: Any, live_server: Any, mission: Mission, other_mission: Mission, make_user: Any
) -> None:
    from playwright.sync_api import expect

    page = browser.page
    AdminArea.objects.create(country="XTA", level=1, name="Northern Prefecture", geometry=OUTLINE)
    ours = [
        site(mission, "Team Site Alpha", 5.2, 21.4),
        site(mission, "Team Site Bravo", 3.9, 22.1),
    ]
    site(other_mission, "Other Team Site", 35.2, 33.3)
    make_user("joc-officer", mission, username="joc")

    page.goto(f"{live_server.url}/")
    page.wait_for_url("**/login/**")
    page.fill("#id_username", "joc")
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    page.wait_for_url(f"**/missions/{mission.code}/now/")  # JOC: the situation page (issue 13)
    page.goto(f"{live_server.url}/missions/{mission.code}/")

    expect(page.locator("h1")).to_contain_text(mission.name)
    switcher = page.locator("#mission-switcher option")
    assert "UNOTHER" not in " ".join(switcher.all_inner_texts())

    page.wait_for_selector("#mission-map[data-state='ready']")
    markers = page.locator("#mission-map .leaflet-marker-icon.orgunit-marker")
    for unit in ours:
        marker = page.locator(f"#mission-map .leaflet-marker-icon[title='{unit.name}']")
        expect(marker).to_be_visible()
        expect(marker).to_have_class(re.compile(r"\borgunit-kind-team_site\b"))
    expect(page.locator("#mission-map .orgunit-kind-team_site.leaflet-marker-icon")).to_have_count(
        2
    )
    expect(markers).to_have_count(3)  # two team sites and the mission HQ
    expect(page.locator("#mission-map [title='Other Team Site']")).to_have_count(0)
    assert "Other Team Site" not in page.content()
    expect(page.locator("#mission-map path.leaflet-interactive")).to_have_count(1)

    page.locator("#mission-map .leaflet-marker-icon[title='Team Site Alpha']").click()
    expect(page.locator(".leaflet-popup-content")).to_contain_text("Team Site Alpha")
    expect(page.locator("#mission-map-status")).to_contain_text("3")
    assert browser.outside == []
