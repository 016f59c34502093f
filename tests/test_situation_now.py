"""The "situation now" page of a mission (issue 13): the last 24 hours and 7 days of incidents,
open crises, today's SITREP, protection alerts waiting with their hours, open review flags,
withdrawals of consent and overdue consultations, each from the app that owns it (situation
panels of ``core.registry``), scoped like every page. JOC officers and leaders land on it."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from tests.conftest import PASSWORD
from tests.operations_support import incident
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)

from bluehelmet.core.models import AdminArea, AuditEntry, Mission
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.core.registry import OverviewPanel, registry
from bluehelmet.operations.models import Crisis, SituationReport
from bluehelmet.principles.models import AlertSource, ProtectionAlert

HOUR = datetime.timedelta(hours=1)
OUTLINE = {"type": "Polygon", "coordinates": [[[16, 2], [24, 2], [24, 8], [16, 8], [16, 2]]]}


def now_url(mission: Mission) -> str:
    return f"/missions/{mission.code}/now/"


def ago(hours: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(hours=hours)


def alert(mission: Mission, hours: float, **fields: Any) -> ProtectionAlert:
    values: dict[str, Any] = {
        "source": AlertSource.COMMUNITY,
        "received_at": ago(hours),
        "description": "Armed men seen near the camp",
    }
    values.update(fields)
    return ProtectionAlert.objects.create(mission=mission, **values)


def page_of(client: Client, mission: Mission) -> str:
    response = client.get(now_url(mission))
    assert response.status_code == 200
    return response.content.decode()


def count(html: str, element_id: str) -> int:
    match = re.search(rf'id="{element_id}" data-count="(\d+)"', html)
    assert match, f"no #{element_id}"
    return int(match.group(1))


def test_every_app_registers_its_situation_panels() -> None:
    main = [p.key for p in registry.situation_panels("main")]
    cards = {p.key for p in registry.situation_panels("cards")}
    assert main == ["recent-incidents"]
    assert {"open-crises", "sitrep-status", "waiting-alerts", "open-review-flags"} <= cards
    assert {"consent-withdrawal", "overdue-consultations"} <= cards
    with pytest.raises(ValueError):
        registry.add_situation_panel(OverviewPanel("x", "x.html", lambda r, m: None, "alerts"))


@pytest.mark.django_db
def test_the_page_lists_recent_incidents_and_not_old_ones(
    client: Client, mission: Mission, other_mission: Mission, make_user: Any
) -> None:
    incident(mission, title="Clash at the market", occurred_at=ago(2))
    incident(mission, title="Roadblock on the north road", occurred_at=ago(24 * 3))
    incident(mission, title="Looting last month", occurred_at=ago(24 * 30))
    incident(other_mission, title="Not our mission", occurred_at=ago(1))
    Crisis.objects.create(mission=mission, title="Displacement towards the camp")
    client.force_login(make_user("joc-officer", mission))

    html = page_of(client, mission)
    assert "Clash at the market" in html
    assert "Roadblock on the north road" in html
    assert "Looting last month" not in html
    assert "Not our mission" not in html
    assert count(html, "situation-count-day") == 1
    assert count(html, "situation-count-week") == 2
    assert "Displacement towards the camp" in html
    # Today's SITREP is due until a mission-wide report for today exists.
    assert 'id="situation-sitrep" data-state="due"' in html
    SituationReport.objects.create(mission=mission, report_date=timezone.now().date())
    assert 'id="situation-sitrep" data-state="draft"' in page_of(client, mission)

    # The map reads the incidents API's GeoJSON for the last 7 days.
    url = re.search(r'data-geojson-url="([^"]+)"', html)
    assert url is not None
    features = client.get(url.group(1).replace("&amp;", "&")).json()["features"]
    assert sorted(f["properties"]["title"] for f in features) == [
        "Clash at the market",
        "Roadblock on the north road",
    ]


@pytest.mark.django_db
def test_an_unanswered_alert_shows_how_many_hours_it_has_waited(
    client: Client, mission: Mission, make_user: Any
) -> None:
    waiting = alert(mission, 30.2)
    alert(mission, 50, responded_at=ago(40), response_kind="patrol", description="Answered")
    client.force_login(make_user("joc-officer", mission))

    html = page_of(client, mission)
    assert f'data-alert="{waiting.pk}" data-hours="30"' in html
    assert "waiting 30 hours" in html
    assert "1 protection alert not yet answered" in html
    assert f"/protection-alerts/{waiting.pk}/" in html
    assert "Answered" not in html


@pytest.mark.django_db
def test_strictly_confidential_records_stay_hidden_and_uncounted(
    client: Client, mission: Mission, make_user: Any
) -> None:
    incident(mission, title="Open incident", occurred_at=ago(30))
    secret = incident(
        mission,
        title="Secret incident",
        occurred_at=ago(1),
        sensitivity=Sensitivity.STRICTLY_CONFIDENTIAL,
    )
    alert(mission, 5, description="Secret alert", sensitivity=Sensitivity.STRICTLY_CONFIDENTIAL)
    client.force_login(make_user("joc-officer", mission))  # confidential clearance

    html = page_of(client, mission)
    assert "Secret incident" not in html and "Secret alert" not in html
    assert count(html, "situation-count-day") == 0
    assert count(html, "situation-count-week") == 1
    assert "0 protection alerts not yet answered" in html

    hom = Client()
    hom.force_login(make_user("head-of-mission", mission))  # strictly confidential clearance
    before = AuditEntry.objects.filter(action="read").count()
    html = page_of(hom, mission)
    assert "Secret incident" in html and "Secret alert" in html
    assert count(html, "situation-count-day") == 1
    assert count(html, "situation-count-week") == 2
    reads = AuditEntry.objects.filter(action="read")
    assert reads.count() > before
    assert reads.filter(object_id=str(secret.pk), content_type__model="incident").exists()


@pytest.mark.django_db
def test_joc_and_leaders_land_on_the_situation_page(
    client: Client, mission: Mission, make_user: Any
) -> None:
    make_user("joc-officer", mission, username="joc")
    response = client.post("/login/", {"username": "joc", "password": PASSWORD})
    assert client.get(response["Location"])["Location"] == now_url(mission)

    for role in ("head-of-mission", "mlt-member"):
        leader = Client()
        leader.force_login(make_user(role, mission))
        assert leader.get("/")["Location"] == now_url(mission)

    staff = Client()
    staff.force_login(make_user("component-staff", mission))
    assert staff.get("/")["Location"] == f"/missions/{mission.code}/"
    # The page itself is there for every mission user, first in the Mission menu.
    html = page_of(staff, mission)
    menu = html[html.index('data-section="mission"') :]
    assert menu.index(now_url(mission)) < menu.index(f'href="/missions/{mission.code}/"')


@pytest.mark.django_db
def test_a_user_outside_the_mission_gets_404(
    client: Client, mission: Mission, other_mission: Mission, make_user: Any
) -> None:
    client.force_login(make_user("joc-officer", other_mission))
    assert client.get(now_url(mission)).status_code == 404


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_situation_page_loads_in_chromium_without_console_errors(
    browser: Any,  # noqa: F811
    live_server: Any,
    mission: Mission,
    make_user: Any,
) -> None:
    from playwright.sync_api import expect

    page = browser.page
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    AdminArea.objects.create(country="XTA", level=1, name="Central Prefecture", geometry=OUTLINE)
    for n, (lat, lon, hours) in enumerate([(4.4, 18.6, 2), (5.8, 20.7, 30), (6.5, 17.5, 100)]):
        incident(mission, title=f"Event {n}", occurred_at=ago(hours), latitude=lat, longitude=lon)
    incident(mission, title="Old event", occurred_at=ago(24 * 20), latitude=4.0, longitude=19.0)
    alert(mission, 900)
    Crisis.objects.create(mission=mission, title="Flooding in the south")
    make_user("joc-officer", mission, username="joc")

    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "joc")
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    page.wait_for_url(f"**/missions/{mission.code}/now/")

    situation_map = page.locator("#situation-map")
    expect(situation_map).to_have_attribute("data-state", "ready")
    expect(situation_map).to_have_attribute("data-incident-count", "3")
    expect(situation_map).to_have_attribute("data-day-count", "1")
    expect(page.locator("#situation-map .situation-incident-day")).to_have_count(1)
    expect(page.locator("#situation-incident-list tbody tr")).to_have_count(3)
    expect(page.locator("#situation-alerts")).to_contain_text("waiting 900 hours")
    expect(page.locator("#situation-crises")).to_contain_text("Flooding in the south")

    page.locator("#situation-map .situation-incident-day").click()
    expect(page.locator(".leaflet-popup-content a")).to_have_text("Event 0")
    page.locator(".leaflet-popup-content a").click()
    page.wait_for_url("**/incidents/*/")
    assert errors == []
    assert browser.outside == []
