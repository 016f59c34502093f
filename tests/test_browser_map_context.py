"""In real Chromium: the mission map of a mission in the Central African Republic draws the
country context shipped in static/geo/CAF.json (Natural Earth, public domain): place labels
such as Bangui, with no console error, no CSP violation and no request to another host; a
hostile place name in the file stays text (issue 13)."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_browser_security import HOSTILE, log_in, watched

from bluehelmet.core.models import Mission, MissionType, OrgUnit, OrgUnitKind

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def caf_mission() -> Mission:
    mission = Mission.objects.create(
        code="MINUSCAF",
        name="UN Stabilization Mission in the Central African Republic",
        host_country="CAF",
        host_country_name="Central African Republic",
        mission_type=MissionType.MULTIDIMENSIONAL,
        mandate_authorised_on=datetime.date(2014, 4, 10),
    )
    OrgUnit.objects.create(
        mission=mission,
        kind=OrgUnitKind.MISSION_HQ,
        name="Mission HQ",
        latitude=4.37,
        longitude=18.56,
    )
    return mission


def test_mission_overview_shows_caf_place_names_from_the_context_file(
    browser: Any,  # noqa: F811
    live_server: Any,
    make_user: Any,
) -> None:
    from playwright.sync_api import expect

    page = browser.page
    mission = caf_mission()
    make_user("joc-officer", mission, username="joc")
    errors = watched(page)

    def with_hostile_place(route: Any) -> None:
        response = route.fetch()
        data = response.json()
        data["features"].append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [18.0, 5.0]},
                "properties": {"layer": "place", "name": HOSTILE, "country": "CAF", "rank": 0},
            }
        )
        route.fulfill(response=response, body=json.dumps(data))

    page.route("**/static/geo/CAF.json", with_hostile_place)
    log_in(page, live_server, "joc", mission)

    the_map = page.locator("#mission-map")
    expect(the_map).to_have_attribute("data-state", "ready")
    expect(the_map).to_have_attribute("data-context", "ready")
    labels = page.locator("#mission-map .map-label-place")
    expect(labels.filter(has_text="Bangui")).to_have_count(1)
    expect(labels.filter(has_text="Bangui")).to_be_visible()
    expect(page.locator("#mission-map .map-label-admin1").first).to_be_attached()
    assert page.locator("#mission-map path.ctx-river").count() > 0
    assert page.locator("#mission-map path.ctx-border").count() > 0
    assert page.locator("#mission-map path.ctx-neighbour").count() > 0
    # the hostile name is a label's text, not markup
    expect(labels.filter(has_text="onerror")).to_have_count(1)
    assert page.locator("#mission-map img").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"
    # the map fits the country (not the whole world) and the HQ marker is still on top
    zoom = page.evaluate("document.getElementById('mission-map')._leaflet_map.getZoom()")
    assert zoom >= 4.5
    expect(page.locator("#mission-map .orgunit-marker[title='Mission HQ']")).to_be_visible()

    assert page.evaluate("window.__problems") == []
    assert errors == []
    assert browser.outside == []
