"""Small maps on record pages (issue 13): the incident, admin-area, actor and threat assessment
pages put what the user may see on an offline map (generic/includes/small_map.html), never a
record above their clearance; a page with nothing to place says so instead of an empty map.
The browser tests draw two of them in Chromium over the country context of static/geo, and
check the colour legends of the hotspot and forecast maps (util.js)."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

import pytest
from django.utils import timezone
from tests.analysis_support import actor, assessment, surge_and_steady
from tests.conftest import PASSWORD
from tests.forecasting_support import stored_run
from tests.operations_support import incident
from tests.pages_support import client_for
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_browser_map_context import caf_mission
from tests.test_browser_security import log_in, watched

from bluehelmet.analysis import linking
from bluehelmet.analysis import models as am
from bluehelmet.core.models import AdminArea, AuditEntry
from bluehelmet.core.permissions import Sensitivity

SQUARE = {"type": "Polygon", "coordinates": [[[18, 4], [19, 4], [19, 5], [18, 5], [18, 4]]]}
HOSTILE = '<img src=x onerror="window.__xss=1">'


def map_data(html: str) -> dict[str, Any]:
    """The small map's json_script block (json_script escapes <, > and & inside it)."""
    found = re.search(r'<script id="small-map-data" type="application/json">(.*?)</script>', html)
    assert found, "no small map data in the page"
    return json.loads(found.group(1))


def titles(data: dict[str, Any]) -> list[str]:
    return [
        f["properties"]["title"] for f in data["features"] if f["properties"]["role"] == "point"
    ]


@pytest.fixture
def staff(mission: Any, make_user: Any) -> Any:
    """Sees the mission's unclassified records only."""
    return make_user("component-staff", mission, username="staff")


@pytest.fixture
def analyst(mission: Any, make_user: Any) -> Any:
    return make_user("jmac-analyst", mission, username="analyst")


# -- the incident page ------------------------------------------------------------------------


@pytest.mark.django_db
def test_incident_page_places_the_incident_and_escapes_its_title(mission: Any, staff: Any) -> None:
    located = incident(mission, title=HOSTILE, latitude=4.4, longitude=18.6)
    html = client_for(staff).get(f"/incidents/{located.pk}/").content.decode()
    assert 'id="small-map"' in html and "small-map.js" in html and "map-context.js" in html
    assert HOSTILE not in html  # escaped in the page and in its json_script block
    data = map_data(html)
    assert titles(data) == [HOSTILE]  # the JSON keeps the text; the script writes it as text
    point = data["features"][0]
    assert point["geometry"] == {"type": "Point", "coordinates": [18.6, 4.4]}
    assert point["properties"]["url"] == ""  # this is its page: no link to itself
    assert data["unplaced"] == 0 and "context_url" in data


@pytest.mark.django_db
def test_incident_without_coordinates_says_so_instead_of_a_map(mission: Any, staff: Any) -> None:
    unplaced = incident(mission, title="Somewhere", latitude=None, longitude=None)
    html = client_for(staff).get(f"/incidents/{unplaced.pk}/").content.decode()
    assert 'id="small-map-none"' in html and "has no coordinates" in html
    assert 'id="small-map"' not in html and "small-map.js" not in html


@pytest.mark.django_db
def test_confidential_incident_page_is_404_without_clearance(mission: Any, staff: Any) -> None:
    secret = incident(mission, title="Secret clash", sensitivity=Sensitivity.CONFIDENTIAL)
    response = client_for(staff).get(f"/incidents/{secret.pk}/")
    assert response.status_code == 404 and b"Secret clash" not in response.content


# -- the admin-area page ----------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_area_page_outlines_the_area(mission: Any, staff: Any) -> None:
    area = AdminArea.objects.create(country="CAF", level=1, name="Ombella", geometry=SQUARE)
    html = client_for(staff).get(f"/admin-areas/{area.pk}/").content.decode()
    data = map_data(html)
    assert [f["properties"] for f in data["features"]] == [{"role": "area", "name": "Ombella"}]
    assert data["features"][0]["geometry"] == SQUARE
    assert data["context_url"].endswith("geo/CAF.json")


# -- the actor page ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_actor_map_shows_only_the_incidents_the_user_may_see(
    mission: Any, staff: Any, analyst: Any
) -> None:
    group = actor(mission, "Armed group A", sensitivity=Sensitivity.UNCLASSIFIED)
    incident(mission, title="Open clash", latitude=4.4, longitude=18.6)
    incident(mission, title="Unlocated clash", latitude=None, longitude=None)
    incident(mission, title="Secret clash", sensitivity=Sensitivity.CONFIDENTIAL)
    incident(mission, title="Other actor", actor1="Somebody else", actor2="Civilians")
    linking.relink_mission(mission.pk)  # on commit in the app; the test never commits

    html = client_for(staff).get(f"/actors/{group.pk}/").content.decode()
    data = map_data(html)
    assert titles(data) == ["Open clash"] and data["unplaced"] == 1
    assert "Secret clash" not in html
    point = data["features"][0]["properties"]
    assert re.fullmatch(r"/incidents/\d+/", point["url"])

    analyst_data = map_data(client_for(analyst).get(f"/actors/{group.pk}/").content.decode())
    assert sorted(titles(analyst_data)) == ["Open clash", "Secret clash"]


@pytest.mark.django_db
def test_actor_without_located_incidents_says_so(mission: Any, staff: Any) -> None:
    group = actor(mission, "Armed group A", sensitivity=Sensitivity.UNCLASSIFIED)
    incident(mission, title="Secret clash", sensitivity=Sensitivity.CONFIDENTIAL)
    linking.relink_mission(mission.pk)
    html = client_for(staff).get(f"/actors/{group.pk}/").content.decode()
    assert 'id="small-map-none"' in html and "Secret clash" not in html
    assert "small-map-data" not in html


@pytest.mark.django_db
def test_actor_map_logs_strictly_confidential_incidents_shown(mission: Any, make_user: Any) -> None:
    chief = make_user("head-of-mission", mission)
    group = actor(mission, "Armed group A", sensitivity=Sensitivity.UNCLASSIFIED)
    secret = incident(mission, title="Sealed", sensitivity=Sensitivity.STRICTLY_CONFIDENTIAL)
    linking.relink_mission(mission.pk)
    client_for(chief).get(f"/actors/{group.pk}/")
    reads = AuditEntry.objects.filter(action="read", object_id=str(secret.pk))
    assert reads.exists()


# -- the threat assessment page ---------------------------------------------------------------


@pytest.mark.django_db
def test_assessment_map_outlines_the_area_and_only_permitted_citations(
    mission: Any, staff: Any
) -> None:
    AdminArea.objects.create(
        country=mission.host_country, level=1, name="Surgeville", geometry=SQUARE
    )
    report = assessment(mission, sensitivity=Sensitivity.UNCLASSIFIED)
    report.cited_incidents.add(
        incident(mission, title="Cited clash"),
        incident(mission, title="Secret clash", sensitivity=Sensitivity.CONFIDENTIAL),
    )
    html = client_for(staff).get(f"/threat-assessments/{report.pk}/").content.decode()
    data = map_data(html)
    areas = [f for f in data["features"] if f["properties"]["role"] == "area"]
    assert [a["properties"]["name"] for a in areas] == ["Surgeville"]
    assert titles(data) == ["Cited clash"] and "Secret clash" not in html


@pytest.mark.django_db
def test_assessment_of_a_hexagon_draws_the_cell(mission: Any, staff: Any) -> None:
    report = assessment(
        mission,
        area_kind=am.AreaKind.H3,
        area="8559a8c3fffffff",
        sensitivity=Sensitivity.UNCLASSIFIED,
    )
    data = map_data(client_for(staff).get(f"/threat-assessments/{report.pk}/").content.decode())
    ring = data["features"][0]["geometry"]["coordinates"][0]
    assert len(ring) == 7 and ring[0] == ring[-1]  # six corners, closed


@pytest.mark.django_db
def test_assessment_with_nothing_to_place_says_so(mission: Any, staff: Any) -> None:
    report = assessment(
        mission,
        area_kind=am.AreaKind.TEXT,
        area="The river valley",
        sensitivity=Sensitivity.UNCLASSIFIED,
    )
    report.cited_incidents.add(incident(mission, latitude=None, longitude=None))
    html = client_for(staff).get(f"/threat-assessments/{report.pk}/").content.decode()
    assert 'id="small-map-none"' in html and "small-map.js" not in html


# -- in Chromium ------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_small_maps_draw_markers_and_context_in_chromium(
    browser: Any,  # noqa: F811
    live_server: Any,
    make_user: Any,
) -> None:
    from playwright.sync_api import expect

    page = browser.page
    mission = caf_mission()
    make_user("joc-officer", mission, username="joc")
    group = actor(mission, "Armed group A", sensitivity=Sensitivity.UNCLASSIFIED)
    first = incident(mission, title="Clash near Bangui", latitude=4.4, longitude=18.6)
    incident(mission, title=HOSTILE, latitude=5.8, longitude=20.7)
    linking.relink_mission(mission.pk)
    errors = watched(page)
    log_in(page, live_server, "joc", mission)

    def drawn(markers: int) -> None:
        the_map = page.locator("#small-map")
        expect(the_map).to_have_attribute("data-state", "ready")
        expect(the_map).to_have_attribute("data-context", "ready")
        expect(page.locator("#small-map path.small-map-point")).to_have_count(markers)
        expect(page.locator("#small-map .map-label-place").first).to_be_attached()
        expect(page.locator("#small-map .map-label-admin1").first).to_be_attached()
        assert page.locator("#small-map path.ctx-border").count() > 0
        expect(page.locator("#small-map .small-map-legend")).to_be_visible()

    page.goto(f"{live_server.url}/incidents/{first.pk}/")
    drawn(1)
    expect(page.locator("#small-map-status")).to_contain_text("1 incident shown")

    page.goto(f"{live_server.url}/actors/{group.pk}/")
    drawn(2)
    expect(page.locator("#small-map-status")).to_contain_text("2 incidents shown")
    page.locator("#small-map path.small-map-point").first.click(force=True)
    popup = page.locator("#small-map .leaflet-popup-content")
    expect(popup.locator("a[href^='/incidents/']")).to_have_count(1)
    assert page.locator("#small-map img").count() == 0  # the hostile title stayed text
    assert page.evaluate("typeof window.__xss") == "undefined"
    expect(page.locator("#activity-chart")).to_have_attribute("data-state", "ready")

    assert page.evaluate("window.__problems") == []
    assert errors == []
    assert browser.outside == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hotspot_and_forecast_maps_have_a_colour_legend(
    browser: Any,  # noqa: F811
    live_server: Any,
    mission: Any,
    make_user: Any,
) -> None:
    """The legends come from util.legend: the hotspot statuses (with amber, above expected)
    and the forecast probability ramp drawn on the map itself."""
    from playwright.sync_api import expect

    surge_and_steady(mission, end=timezone.now().date() - datetime.timedelta(days=1))
    stored_run(mission)
    make_user("jmac-analyst", mission, username="analyst")
    page = browser.page
    errors = watched(page)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "analyst")
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    page.wait_for_url(f"**/missions/{mission.code}/")

    page.goto(f"{live_server.url}/missions/{mission.code}/analysis/")
    expect(page.locator("#hotspot-map")).to_have_attribute("data-state", "ready")
    hotspot = page.locator("#hotspot-map .hotspot-legend li")
    expect(hotspot).to_have_count(5)
    expect(hotspot.filter(has_text="Above expected")).to_have_count(1)

    page.goto(f"{live_server.url}/missions/{mission.code}/forecasts/")
    forecast = page.locator("#forecast-map .forecast-legend")
    expect(forecast.locator(".map-legend-title")).to_have_text("Probability")
    expect(forecast.locator("li")).to_have_count(4)
    expect(forecast.locator("li").last).to_have_text("75 %+")

    assert page.evaluate("window.__problems") == []
    assert errors == []
    assert browser.outside == []
