"""Conduct pages and API for the case roles (Capstone §3.2): record an allegation, move it
through its timeline, decide on a flag; lists filter, search, sort and export; bad input gets
a clear 4xx."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from tests.conduct_support import D, case, contingent
from tests.pages_support import client_for

from bluehelmet.conduct import actions
from bluehelmet.conduct import models as m
from bluehelmet.core.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(mission: Any, make_user: Any) -> Any:
    return make_user("conduct-discipline", mission)


def test_the_officer_records_an_allegation_through_the_form(mission: Any, officer: Any) -> None:
    bat = contingent(mission)
    client = client_for(officer)
    form = client.get("/conduct/allegations/add/").content.decode()
    assert "victim details" in form.lower() and "sensitivity" not in form.lower()
    answer = client.post(
        "/conduct/allegations/add/",
        {
            "mission": mission.code,
            "category": "sea",
            "personnel_category": "military",
            "contingent": bat.pk,
            "received_on": "2026-02-01",
            "summary": "Alleged transactional sex",
            "victim_details": "Adult woman, Sanvi-Ville",
        },
    )
    assert answer.status_code == 302
    made = m.MisconductAllegation.objects.restrict(officer).get()
    assert made.reference == "MINUSTEST-CDT-2026-001" and made.stage == m.Stage.RECEIVED
    page = client.get(answer["Location"]).content.decode()
    assert "Record the initial assessment" in page and "Timeline" in page


def test_a_civilian_in_a_contingent_is_refused_with_a_reason(mission: Any, officer: Any) -> None:
    answer = client_for(officer).post(
        "/conduct/allegations/add/",
        {
            "mission": mission.code,
            "category": "minor",
            "personnel_category": "national_civilian",
            "contingent": contingent(mission).pk,
            "received_on": "2026-02-01",
            "summary": "x",
        },
    )
    assert answer.status_code == 400
    assert "Only military and police personnel belong to a contingent" in answer.content.decode()


def test_the_officer_moves_a_case_through_its_steps_on_the_page(mission: Any, officer: Any) -> None:
    c = case(mission, contingent=contingent(mission))
    client = client_for(officer)
    url = f"/conduct/allegations/{c.pk}/"
    client.post(url + "step/assess/", {"assess-on": "2026-01-06", "assess-finding": "pursue"})
    wrong = client.post(
        url + "step/refer/", {"refer-on": "2026-01-07", "refer-referred_to": "oios"}, follow=True
    )
    assert "national investigation" in wrong.content.decode()
    client.post(url + "step/refer/", {"refer-on": "2026-01-07", "refer-referred_to": "national"})
    bad = client.post(url + "step/investigate/", {"investigate-on": "not a date"}, follow=True)
    assert "The step was not recorded" in bad.content.decode()
    c.refresh_from_db()
    assert c.stage == m.Stage.REFERRED
    assert client.post(url + "step/nonsense/", {}).status_code == 404
    page = client.get(url).content.decode()
    assert "Record the start of the investigation" in page


def test_the_officer_dismisses_a_flag_on_the_page(mission: Any, officer: Any) -> None:
    c = case(mission, received_on=D(2025, 1, 5))
    client = client_for(officer)
    url = f"/conduct/allegations/{c.pk}/"
    assert "overdue by" in client.get(url).content.decode()
    empty = client.post(
        url + "decision/", {"rule": "assessment", "decision": "dismissed"}, follow=True
    )
    assert "Give a decision and its reason" in empty.content.decode()
    client.post(
        url + "decision/", {"rule": "assessment", "decision": "dismissed", "reason": "Known"}
    )
    assert "dismissed by" in client.get(url).content.decode()


def test_the_list_filters_searches_sorts_and_exports(mission: Any, officer: Any) -> None:
    case(mission, summary="Theft of fuel", category="serious", personnel_category="police")
    case(mission, summary="Abuse at the market")
    client = client_for(officer)
    found = client.get("/conduct/allegations/?q=fuel").content.decode()
    assert "MINUSTEST-CDT-2026-001" in found and "MINUSTEST-CDT-2026-002" not in found
    only_sea = client.get("/conduct/allegations/?category=sea&sort=-received_on")
    assert "MINUSTEST-CDT-2026-002" in only_sea.content.decode()
    assert client.get("/conduct/allegations/?category=nonsense").status_code == 400
    rows = list(
        csv.reader(io.StringIO(client.get("/conduct/allegations/?export=csv").content.decode()))
    )
    assert rows[0][0] == "Reference" and len(rows) == 3
    reads = AuditEntry.objects.filter(action=AuditAction.READ, actor=officer)
    assert reads.count() >= 4  # the list's two rows, then the export's two


def test_the_dashboard_lists_overdue_cases_for_the_officer(mission: Any, officer: Any) -> None:
    old = case(mission, received_on=D(2025, 1, 5))
    page = client_for(officer).get(f"/missions/{mission.code}/conduct/").content.decode()
    assert old.reference in page and "Record an allegation" in page
    assert "overdue by" in page


def test_the_api_creates_a_case_and_moves_it(mission: Any, officer: Any) -> None:
    client = client_for(officer)
    made = client.post(
        "/api/misconduct-allegations/",
        {
            "mission": mission.code,
            "category": "minor",
            "personnel_category": "international_civilian",
            "received_on": "2026-01-05",
            "summary": "Misuse of a UN vehicle",
        },
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    pk = made.json()["id"]
    assert made.json()["sensitivity"] == 2
    step = client.post(
        f"/api/misconduct-allegations/{pk}/assess/",
        {"on": "2026-01-06", "finding": "pursue"},
        content_type="application/json",
    )
    assert step.status_code == 200 and step.json()["stage"] == "assessed"
    refused = client.post(
        f"/api/misconduct-allegations/{pk}/refer/",
        {"on": "2026-01-07", "referred_to": "national"},
        content_type="application/json",
    )
    assert refused.status_code == 400 and refused.json()["code"] == "wrong_body"
    late = client.post(
        f"/api/misconduct-allegations/{pk}/outcome/",
        {"on": "2026-01-07", "outcome": "substantiated"},
        content_type="application/json",
    )
    assert late.status_code == 400 and late.json()["code"] == "wrong_step"
    no_date = client.post(
        f"/api/misconduct-allegations/{pk}/refer/", {}, content_type="application/json"
    )
    assert no_date.status_code == 400
    verdicts = client.get(f"/api/misconduct-allegations/{pk}/verdicts/").json()
    assert {v["code"] for v in verdicts} == {"assessment", "referral"}
    decided = client.post(
        f"/api/misconduct-allegations/{pk}/verdicts/",
        {"rule": "referral", "decision": "accepted", "reason": "Awaiting OIOS"},
        content_type="application/json",
    )
    assert decided.status_code == 201
    assert client.get("/api/conduct-verdict-decisions/").json()["count"] == 1


def test_a_decision_on_another_missions_case_is_404(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    c = case(mission)
    actions.do_assess_allegation(c, assessed_on=D(2026, 1, 6), finding="pursue", acting_user=None)
    stranger = client_for(make_user("conduct-discipline", other_mission))
    answer = stranger.post(
        f"/api/misconduct-allegations/{c.pk}/verdicts/",
        {"rule": "referral", "decision": "accepted", "reason": "x"},
        content_type="application/json",
    )
    assert answer.status_code == 404
