"""Issue 13, navigation and phone width, and honest forecasts.

The menu folds by section (``<details>``, the current page's section open), links the API docs
and tells a user who has not picked a mission how to; at 390 px in Chromium the menu hides
behind a button, nothing widens the page and nothing logs an error; the forecast page says in
plain words when its track record does not beat a baseline.
"""

from __future__ import annotations

import datetime
import html as html_lib
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from tests.conftest import PASSWORD
from tests.forecasting_support import stored_run
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_browser_security import log_in, watched

from bluehelmet.core.models import Mission

HINT = "Pick a mission with the switcher at the top to see its pages."


def login(client: Any, user: Any) -> Any:
    assert client.login(username=user.username, password=PASSWORD)
    return client


class Menu(HTMLParser):
    """The left menu of a page: its sections (key, open) with their links, and the hint."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.sections: list[dict[str, Any]] = []
        self.hint = ""
        self._in_nav = self._in_hint = False
        self._link: dict[str, Any] | None = None
        self.feed(html)
        assert self.sections, "no menu on the page"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "nav" and a.get("id") == "sidenav":
            self._in_nav = True
        elif not self._in_nav:
            return
        elif tag == "details":
            self.sections.append(
                {"key": a.get("data-section"), "open": "open" in a, "summary": False, "links": []}
            )
        elif tag == "summary":
            self.sections[-1]["summary"] = True
        elif tag == "p" and a.get("id") == "nav-hint":
            self._in_hint = True
        elif tag == "a":
            self._link = {"href": a.get("href"), "current": "aria-current" in a, "text": ""}
            self.sections[-1]["links"].append(self._link)

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_nav = False
        elif tag == "a":
            self._link = None
        elif tag == "p":
            self._in_hint = False

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link["text"] += data.strip()
        elif self._in_hint:
            self.hint += data.strip()

    def opened(self) -> list[str]:
        return [s["key"] for s in self.sections if s["open"]]

    def link(self, href: str) -> tuple[dict[str, Any], str] | None:
        """The link to ``href`` and the key of its section."""
        for section in self.sections:
            for link in section["links"]:
                if link["href"] == href:
                    return link, section["key"]
        return None


def text_of(html: str, element_id: str) -> str:
    """The text of the element with ``element_id`` (no nested element of the same tag)."""
    match = re.search(rf'<(\w+)[^>]*\bid="{element_id}"[^>]*>(.*?)</\1>', html, re.S)
    assert match, f"no #{element_id} on the page"
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", match.group(2))).split())


@pytest.mark.django_db
def test_menu_sections_fold_with_the_current_one_open(
    client: Any, mission: Mission, make_user: Any
) -> None:
    login(client, make_user("joc-officer", mission))
    nav = Menu(client.get("/incidents/").content.decode())
    assert len(nav.sections) >= 4
    assert all(s["summary"] for s in nav.sections)  # the fold is a native, keyboard control
    assert nav.opened() == ["operations"]
    current = [
        (link["text"], s["key"]) for s in nav.sections for link in s["links"] if link["current"]
    ]
    assert current == [("Incidents", "operations")]

    overview = Menu(client.get(f"/missions/{mission.code}/").content.decode())
    assert overview.opened() == ["mission"]


@pytest.mark.django_db
def test_the_menu_links_the_api_docs_under_reference(
    client: Any, mission: Mission, make_user: Any
) -> None:
    login(client, make_user("component-staff", mission))
    found = Menu(client.get(f"/missions/{mission.code}/").content.decode()).link("/api/docs/")
    assert found is not None
    link, section = found
    assert link["text"] == "API documentation" and section == "reference"
    assert client.get("/api/docs/").status_code == 200


@pytest.mark.django_db
def test_an_hq_user_without_a_mission_is_told_how_to_pick_one(
    client: Any, mission: Mission, other_mission: Mission, make_user: Any
) -> None:
    login(client, make_user("hq-planner"))
    home = client.get("/", follow=True)
    assert home.redirect_chain[-1][0] == "/hq/"  # HQ roles land on the headquarters overview
    assert Menu(home.content.decode()).hint == HINT
    html = client.get("/missions/").content.decode()
    assert text_of(html, "pick-mission-hint") == HINT
    assert Menu(html).hint == HINT
    # Every other page's menu says it too, until a mission is chosen.
    assert Menu(client.get("/incidents/").content.decode()).hint == HINT

    client.post("/switch-mission/", {"mission": mission.code})
    after = client.get("/missions/").content.decode()
    assert HINT not in after
    assert Menu(after).link(f"/missions/{mission.code}/") is not None


@pytest.mark.django_db
def test_a_mission_user_with_the_mission_chosen_gets_no_hint(
    client: Any, mission: Mission, make_user: Any
) -> None:
    login(client, make_user("joc-officer", mission))
    page = client.get("/", follow=True)
    assert page.redirect_chain[-1][0] == f"/missions/{mission.code}/now/"
    assert HINT not in page.content.decode()


def losing_record(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with the model scoring worse than persistence on both measures, better than
    climatology."""
    return {
        **record,
        "model": {"brier": 0.25, "average_precision": 0.3, "mse_log": 1.5},
        "persistence": {"brier": 0.2, "average_precision": 0.4, "mse_log": 1.3},
        "climatology": {"brier": 0.3, "average_precision": 0.2, "mse_log": 1.6},
    }


@pytest.mark.django_db
def test_the_forecast_page_says_when_the_model_lost_to_persistence(
    client: Any, mission: Mission, make_user: Any
) -> None:
    run = stored_run(mission)
    run.track_record = {"1": losing_record(run.track_record["1"])}
    run.save()
    login(client, make_user("jmac-analyst", mission))
    html = client.get(f"/missions/{mission.code}/forecasts/").content.decode()
    text = text_of(html, "forecast-honesty")
    assert (
        "For this unit and horizon the model has not beaten persistence in its track record; "
        "read these figures as no better than last month's counts."
    ) in text
    assert "climatology" not in text  # the model did beat climatology
    assert re.search(r'<tr data-method="persistence" data-beats-model', html)
    assert not re.search(r'<tr data-method="climatology" data-beats-model', html)


@pytest.mark.django_db
def test_the_forecast_page_names_the_probabilities_when_only_the_brier_score_lost(
    client: Any, mission: Mission, make_user: Any
) -> None:
    run = stored_run(mission)
    record = run.track_record["1"]
    record["climatology"] = {"brier": 0.09, "average_precision": 0.7, "mse_log": 1.2}
    run.save()
    login(client, make_user("jmac-analyst", mission))
    page = client.get(f"/missions/{mission.code}/forecasts/")
    assert page.context["honesty"]["baselines"] == ["climatology"]
    text = text_of(page.content.decode(), "forecast-honesty")
    assert "read these probabilities as no better than each area's long-run average" in text


@pytest.mark.django_db
def test_the_forecast_page_adds_no_note_when_the_model_beat_both_baselines(
    client: Any, mission: Mission, make_user: Any
) -> None:
    stored_run(mission)  # model 0.1 / 0.9 against persistence 0.2 / 1.3, climatology 0.15 / 1.2
    login(client, make_user("jmac-analyst", mission))
    page = client.get(f"/missions/{mission.code}/forecasts/")
    html = page.content.decode()
    assert 'id="forecast-table"' in html
    assert 'id="forecast-honesty"' not in html and "has not beaten" not in html
    assert "data-beats-model" not in html


@pytest.mark.django_db
def test_the_forecast_page_says_when_there_is_no_track_record(
    client: Any, mission: Mission, make_user: Any
) -> None:
    run = stored_run(mission, origin=datetime.date(2022, 12, 1))
    run.track_record = {"1": {"error": "Too little history for a backtest."}}
    run.save()
    login(client, make_user("jmac-analyst", mission))
    html = client.get(f"/missions/{mission.code}/forecasts/").content.decode()
    assert 'id="forecast-honesty"' in html and "no track record" in html


# In real Chromium at phone width -------------------------------------------------------------

PHONE = {"width": 390, "height": 844}


def no_horizontal_scroll(page: Any) -> None:
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_at_390_px_the_menu_folds_behind_a_button_and_nothing_overflows(
    browser: Any,  # noqa: F811
    live_server: Any,
    mission: Mission,
    make_user: Any,
) -> None:
    from playwright.sync_api import expect

    page = browser.page
    errors = watched(page)
    page.set_viewport_size(PHONE)
    stored_run(mission)  # the forecast page with its map, track record and table
    make_user("joc-officer", mission, username="joc")
    log_in(page, live_server, "joc", mission)

    button = page.locator("#nav-toggle")
    nav = page.locator("#sidenav")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_have_attribute("aria-controls", "sidenav")
    expect(nav).to_be_hidden()
    expect(page.locator("#mission-switcher")).to_be_visible()
    switcher = page.locator("#mission-switcher").bounding_box()
    assert switcher is not None and switcher["x"] + switcher["width"] <= PHONE["width"]
    no_horizontal_scroll(page)

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(nav).to_be_visible()
    current = nav.locator("a[aria-current='page']")
    expect(current).to_be_visible()
    expect(current).to_be_focused()  # the menu opens where the user is
    # The other sections are folded; a summary opens one from the keyboard.
    operations = nav.locator("details[data-section='operations']")
    incidents = operations.get_by_role("link", name="Incidents", exact=True)
    expect(incidents).to_be_hidden()
    operations.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(incidents).to_be_visible()
    no_horizontal_scroll(page)

    page.keyboard.press("Escape")  # closes the menu and gives the focus back to the button
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    expect(button).to_be_focused()

    button.click()
    incidents.click()
    page.wait_for_url(re.compile(r"/incidents/"))
    expect(page.locator("h1")).to_contain_text("Incidents")
    no_horizontal_scroll(page)
    expect(page.locator("#sidenav")).to_be_hidden()

    for path in (f"/missions/{mission.code}/principles/", f"/missions/{mission.code}/forecasts/"):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        no_horizontal_scroll(page)
    expect(page.locator("#forecast-table")).to_be_visible()

    assert errors == []
    assert page.evaluate("window.__problems") == []
    assert browser.outside == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_javascript_the_menu_stays_open_at_390_px(
    live_server: Any, mission: Mission, make_user: Any
) -> None:
    from pathlib import Path

    from playwright import sync_api
    from tests.conftest import skip_or_fail
    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        skip_or_fail("Chromium is not installed at /usr/bin/chromium")
    make_user("joc-officer", mission, username="joc")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
        page = context.new_page()
        try:
            log_in(page, live_server, "joc", mission)
            sync_api.expect(page.locator("#nav-toggle")).to_be_hidden()
            sync_api.expect(page.locator("#sidenav")).to_be_visible()
            sync_api.expect(page.locator("#sidenav a[aria-current='page']")).to_be_visible()
            no_horizontal_scroll(page)
        finally:
            context.close()
            chromium.close()
