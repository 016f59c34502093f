"""In real Chromium, each programme register used end to end through its own add forms (issue 17;
Capstone §1.4 res. 1612, §2.4, §7.2), by the role that would do it:

- DDR, by a member of the mission leadership: a site, an adult and a child combatant of an
  armed group, the child's referral flag, the referral from the child's page, a weapons
  collection and the gap between weapons collected and destroyed;
- elections, by the same: calendar steps and a polling centre beside a deadly incident, its
  high risk and the flags of the late step and of the centre that asked for no support, the
  centre's flag dismissed with a reason;
- State authority, by component staff (who may add but not decide): the police present in an
  admin area, then absent, and the "receding" flag on the programmes overview;
- SSR, by the leadership: a prison and a report with most detainees awaiting trial, the flag,
  accepted with a reason.

Every page passes axe-core with no serious or critical violation and logs no console error.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone
from tests.conftest import PASSWORD
from tests.operations_support import incident
from tests.programmes_support import group
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_deployment_browser import Walk

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def login(page: Any, base: str, username: str) -> list[str]:
    """Log in; returns the list the page's console errors are collected into."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    return errors


def days_ago(n: int) -> datetime.date:
    return timezone.now().date() - datetime.timedelta(days=n)


def verdict(page: Any, rule: str) -> Any:
    return page.locator(f"li.verdict[data-rule='{rule}']")


def decide(walk: Walk, rule: str, decision: str, reason: str) -> None:
    """Open the flag's decision form, choose, give the reason and record it."""
    flag = verdict(walk.page, rule)
    flag.locator("summary").click()
    flag.locator("select[name=decision]").select_option(decision)
    flag.locator("textarea").fill(reason)
    flag.locator("button[type=submit]").click()
    walk.page.get_by_text("Decision recorded", exact=False).first.wait_for()
    walk.check()


def main_text(page: Any) -> str:
    return str(page.locator("main").inner_text())


def test_ddr_sites_combatants_a_childs_referral_and_the_weapons_gap(
    browser: Any,  # noqa: F811
    live_server: Any,
    make_user: Any,
    mission: Any,
) -> None:
    armed = group(mission, "Alliance of the North")
    make_user("mlt-member", mission, username="ddr")
    page = browser.page
    errors = login(page, live_server.url, "ddr")
    walk = Walk(page, live_server.url)

    walk.go("/programmes/ddr-sites/add/")
    assert page.locator("#id_mission").input_value() == mission.code
    page.select_option("#id_kind", "cantonment")
    walk.save(name="Cantonment Nord", admin1="Haut-Sanvi", capacity="100", occupancy="40")
    assert "Site within capacity" in main_text(page) and "in place" in main_text(page)

    walk.go("/programmes/ddr-participants/add/")
    page.select_option("#id_armed_group", str(armed.pk))
    page.select_option("#id_sex", "male")
    page.select_option("#id_age_group", "adult")
    page.select_option("#id_site", label="Cantonment Nord")
    walk.save(registration_number="AN-0001", registered_at="2026-06-01T08:00")
    assert "No rule applies here." in main_text(page)

    walk.go("/programmes/ddr-participants/add/")
    page.select_option("#id_armed_group", str(armed.pk))
    page.select_option("#id_sex", "female")
    page.select_option("#id_age_group", "child")
    registered = timezone.now() - datetime.timedelta(days=3)
    walk.save(registration_number="AN-C001", registered_at=registered.strftime("%Y-%m-%dT%H:%M"))
    flag = verdict(page, "ddr-child-not-referred")
    assert "flagged" in flag.inner_text() and "not yet referred" in flag.inner_text()
    walk.go(f"/missions/{mission.code}/programmes/")
    assert page.locator("#flags-heading").inner_text() == "1 open flag"
    walk.click("a:text('AN-C001')")
    walk.click("#child-refer button[type=submit]")
    page.get_by_text("Referral to child protection recorded", exact=False).first.wait_for()
    assert "in place" in verdict(page, "ddr-child-not-referred").inner_text()
    assert page.locator("#child-refer").count() == 0

    walk.go("/programmes/weapons-collections/add/")
    page.select_option("#id_site", label="Cantonment Nord")
    page.select_option("#id_armed_group", str(armed.pk))
    walk.save(
        collected_on="2026-06-02",
        weapons_collected="40",
        weapons_destroyed="15",
        ammunition_collected="5000",
        ammunition_destroyed="1000",
    )
    walk.go(f"/programmes/weapons-collections/?mission={mission.code}")
    assert "Weapons not yet destroyed" in main_text(page)
    walk.go(f"/missions/{mission.code}/programmes/")
    assert page.locator("#ddr-gap").inner_text() == "25"
    assert page.locator("#flags-heading").inner_text() == "0 open flags"
    assert walk.blocking == [], "\n".join(walk.blocking)
    assert [e for e in errors if "404" not in e] == []


def test_elections_a_late_step_and_a_centre_at_risk_without_support(
    browser: Any,  # noqa: F811
    live_server: Any,
    make_user: Any,
    mission: Any,
) -> None:
    # The JOC logged a deadly clash beside the school a week ago.
    incident(
        mission,
        title="Clash at the Bolobi school",
        occurred_at=timezone.now() - datetime.timedelta(days=7),
        latitude=4.40,
        longitude=18.60,
        killed=2,
    )
    make_user("mlt-member", mission, username="elections")
    page = browser.page
    errors = login(page, live_server.url, "elections")
    walk = Walk(page, live_server.url)

    walk.go("/programmes/electoral-calendar/add/")
    page.select_option("#id_kind", "other")
    walk.save(
        title="Mapping of registration centres",
        starts_on=days_ago(60).isoformat(),
        ends_on=days_ago(20).isoformat(),
    )
    late = verdict(page, "election-step-overdue")
    assert "flagged" in late.inner_text() and "20 day(s) ago" in late.inner_text()
    walk.go("/programmes/electoral-calendar/add/")
    page.select_option("#id_kind", "polling")
    walk.save(title="Polling day", starts_on=(days_ago(-200)).isoformat())
    assert "in place" in verdict(page, "election-step-overdue").inner_text()

    walk.go("/programmes/polling-centres/add/")
    walk.save(
        code="PC-01",
        name="Bolobi school",
        admin1="Haut-Sanvi",
        latitude="4.41",
        longitude="18.61",
        registered_voters="3200",
        polling_stations="4",
    )
    assert page.locator("#centre-risk [data-level]").get_attribute("data-level") == "high"
    assert "1 incident(s), 2 killed" in page.locator("#centre-risk").inner_text()
    flag = verdict(page, "polling-centre-risk-unsupported")
    assert "no logistics or security support requested" in flag.inner_text()

    walk.go(f"/missions/{mission.code}/programmes/")
    assert page.locator("#flags-heading").inner_text() == "2 open flags"
    assert verdict(page, "election-step-overdue").count() == 1
    assert page.locator("#elections-risk").inner_text().startswith("1 /")
    walk.click("#programme-flags a:text('PC-01 Bolobi school')")
    decide(
        walk,
        "polling-centre-risk-unsupported",
        "dismissed",
        "The electoral commission files its request on Monday.",
    )
    flag = verdict(page, "polling-centre-risk-unsupported")
    assert "flagged, dismissed" in flag.inner_text()
    assert "The electoral commission files its request on Monday." in flag.inner_text()
    walk.go(f"/missions/{mission.code}/programmes/")
    assert page.locator("#flags-heading").inner_text() == "1 open flag"
    assert walk.blocking == [], "\n".join(walk.blocking)
    assert [e for e in errors if "404" not in e] == []


def test_state_authority_receding_is_flagged_on_the_overview(
    browser: Any,  # noqa: F811
    live_server: Any,
    make_user: Any,
    mission: Any,
) -> None:
    make_user("component-staff", mission, username="civilaffairs")
    page = browser.page
    errors = login(page, live_server.url, "civilaffairs")
    walk = Walk(page, live_server.url)

    walk.go("/programmes/state-presence/add/")
    page.select_option("#id_service", "police")
    page.check("#id_present")
    walk.save(admin1="Tabassi", observed_on="2025-12-31", officials="6")
    assert "in place" in verdict(page, "state-service-receding").inner_text()
    walk.go("/programmes/state-presence/add/")
    page.select_option("#id_service", "police")
    walk.save(admin1="Tabassi", observed_on="2026-09-30", officials="0", note="Post looted.")
    flag = verdict(page, "state-service-receding")
    assert "flagged" in flag.inner_text()
    assert "Police present in Tabassi on 2025-12-31, absent on 2026-09-30." in flag.inner_text()
    assert flag.locator("summary").count() == 0  # component staff add; they do not decide

    walk.go(f"/missions/{mission.code}/programmes/")
    assert page.locator("#flags-heading").inner_text() == "1 open flag"
    flag = verdict(page, "state-service-receding")
    assert "Tabassi · Police · 2026-09-30" in flag.inner_text()
    walk.go(f"/missions/{mission.code}/")
    assert "1 open flag on the programmes" in page.locator("#programme-flags-panel").inner_text()

    # The map and series: police worked in Tabassi at the end of 2025, not since.
    walk.go(f"/missions/{mission.code}/programmes/state-presence/")
    row = page.locator("#presence-table tr[data-area='Tabassi']")
    assert "2026-09-30" in row.inner_text() and "0 / " in row.inner_text()
    page.fill("#presence-as-of", "2026-01-31")
    page.click("#presence-choice button[type=submit]")
    page.wait_for_load_state()
    walk.check()
    assert "1 / " in page.locator("#presence-table tr[data-area='Tabassi']").inner_text()
    assert page.locator("#presence-series-card svg[role=img]").count() == 1
    assert "Police" in page.locator("#presence-series-card").inner_text()
    assert walk.blocking == [], "\n".join(walk.blocking)
    assert [e for e in errors if "404" not in e] == []


def test_ssr_most_detainees_awaiting_trial_is_flagged_and_accepted(
    browser: Any,  # noqa: F811
    live_server: Any,
    make_user: Any,
    mission: Any,
) -> None:
    make_user("mlt-member", mission, username="ruleoflaw")
    page = browser.page
    errors = login(page, live_server.url, "ruleoflaw")
    walk = Walk(page, live_server.url)

    walk.go("/programmes/rule-of-law-institutions/add/")
    page.select_option("#id_kind", "prison")
    walk.save(name="Lomassa central prison", admin1="Bas-Sanvi")
    assert "No rule applies here." in main_text(page)  # no report yet
    walk.go("/programmes/ssr-reports/add/")
    page.select_option("#id_institution", label="Lomassa central prison")
    page.select_option("#id_status", "operating")
    walk.save(
        reported_on="2026-09-30",
        personnel="90",
        personnel_trained="62",
        personnel_vetted="55",
        prison_population="655",
        pretrial_detainees="498",
    )
    walk.go(f"/missions/{mission.code}/programmes/")
    assert page.locator("#flags-heading").inner_text() == "1 open flag"
    assert page.locator("#law-pretrial").inner_text().startswith("76%")
    walk.click("#programme-flags a:text('Lomassa central prison')")
    flag = verdict(page, "ssr-pretrial-detention-high")
    assert "76% of the prisoners await trial (498 of 655)" in flag.inner_text()
    assert "in place" in verdict(page, "ssr-institution-not-operating").inner_text()
    decide(
        walk,
        "ssr-pretrial-detention-high",
        "accepted",
        "Mobile courts to sit in Lomassa from November.",
    )
    flag = verdict(page, "ssr-pretrial-detention-high")
    assert "Accepted by ruleoflaw: Mobile courts to sit in Lomassa from November." in (
        flag.inner_text()
    )
    assert "flagged, dismissed" not in flag.inner_text()
    walk.go(f"/missions/{mission.code}/programmes/")
    assert page.locator("#flags-heading").inner_text() == "1 open flag"  # accepted: it stands
    assert "Mobile courts" in verdict(page, "ssr-pretrial-detention-high").inner_text()
    assert walk.blocking == [], "\n".join(walk.blocking)
    assert [e for e in errors if "404" not in e] == []
