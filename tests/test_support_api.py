"""Support API (issue 18; Capstone §8.1-8.3): records made through the API and scoped to the
caller's missions, the logistics request steps, incidents on a route, the mission's verdicts
and the decisions on them, training compliance."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from rest_framework.test import APIClient
from tests.mission_support_fixtures import (
    D,
    contingent,
    inspect,
    lease,
    period,
    request,
    rotation,
    train,
    unit,
)

from bluehelmet.support import models as m

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_self_sufficiency_period_is_made_and_refused_outside_30_to_90_days(
    mission: Any, make_user: Any
) -> None:
    api = client_for(make_user("mission-support", mission))
    c = contingent(mission)
    bad = api.post(
        "/api/self-sufficiency/",
        {"mission": mission.code, "contingent": c.pk, "days": 120},
        format="json",
    )
    assert bad.status_code == 400 and "days" in bad.json()
    made = api.post(
        "/api/self-sufficiency/",
        {"mission": mission.code, "contingent": c.pk, "days": 60},
        format="json",
    )
    assert made.status_code == 201, made.content
    assert made.json()["ends_on"] == "2026-10-31"


def test_records_of_another_mission_are_404_and_not_listed(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    mine = request(mission, unit(mission, "Mine", 4.6, 21.1))
    theirs = request(other_mission, unit(other_mission, "Theirs", 35.1, 33.3))
    api = client_for(make_user("mission-support", mission))
    listed = api.get("/api/supply-requests/").json()["results"]
    assert [r["id"] for r in listed] == [mine.pk]
    assert api.get(f"/api/supply-requests/{theirs.pk}/").status_code == 404
    assert api.post(f"/api/supply-requests/{theirs.pk}/approve/", {}).status_code == 404


def test_a_request_cannot_name_another_missions_unit(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    api = client_for(make_user("hq-admin"))
    body = {
        "mission": mission.code,
        "kind": "supply",
        "requesting_unit": unit(other_mission, "Theirs", 35.1, 33.3).pk,
        "item": "Fuel",
        "quantity": 10,
        "requested_on": "2026-10-01",
        "needed_by": "2026-10-10",
    }
    refused = api.post("/api/supply-requests/", body, format="json")
    assert refused.status_code == 400 and "requesting_unit" in refused.json()


def test_status_is_not_writable_and_steps_go_through_the_actions(
    mission: Any, make_user: Any
) -> None:
    api = client_for(make_user("mission-support", mission))
    made = api.post(
        "/api/supply-requests/",
        {
            "mission": mission.code,
            "kind": "supply",
            "requesting_unit": unit(mission, "Mine", 4.6, 21.1).pk,
            "item": "Fuel",
            "quantity": 10,
            "requested_on": "2026-10-01",
            "needed_by": "2026-10-10",
            "status": "fulfilled",
        },
        format="json",
    ).json()
    assert made["status"] == "submitted"
    url = f"/api/supply-requests/{made['id']}"
    early = api.post(f"{url}/fulfil/", {}, format="json")
    assert early.status_code == 409 and early.json()["code"] == "wrong_state"
    assert api.post(f"{url}/approve/", {"on": "2026-10-02"}, format="json").status_code == 200
    done = api.post(f"{url}/fulfil/", {"on": "2026-10-08"}, format="json").json()
    assert (done["status"], done["lead_time_days"]) == ("fulfilled", 7)
    bad = api.post(f"{url}/approve/", {"on": "not a date"}, format="json")
    assert bad.status_code == 400


def test_a_reader_may_not_step_a_request(mission: Any, make_user: Any) -> None:
    made = request(mission, unit(mission, "Mine", 4.6, 21.1))
    api = client_for(make_user("partner-liaison", mission))
    refused = api.post(f"/api/supply-requests/{made.pk}/approve/", {}, format="json")
    assert refused.status_code == 403


def test_the_route_incidents_of_a_movement(mission: Any, make_user: Any) -> None:
    start, end = unit(mission, "Start", 4.0, 21.0), unit(mission, "End", 4.0, 22.0)
    move = request(mission, start, kind="movement", origin=start, destination=end)
    found = client_for(make_user("joc-officer", mission)).get(
        f"/api/supply-requests/{move.pk}/route-incidents/"
    )
    assert found.status_code == 200 and found.json() == {"request": move.pk, "incidents": []}


def test_the_mission_summary_and_a_decision_on_a_flag(mission: Any, make_user: Any) -> None:
    mou = lease(contingent(mission), ("APC", 10))
    inspection = inspect(mou, D(2026, 10, 1), APC=5)
    api = client_for(make_user("head-of-mission", mission))
    summary = api.get(f"/api/missions/{mission.code}/support/").json()
    [flag] = summary["verdicts"]["equipment"]
    assert flag["status"] == "flagged" and flag["subject"] == f"equipmentinspection:{inspection.pk}"
    assert summary["serviceability"][0]["points"] == [{"on": "2026-10-01", "percent": 50}]
    no_reason = api.post(
        f"/api/missions/{mission.code}/support/",
        {"rule": flag["code"], "subject": flag["subject"], "decision": "accepted", "reason": ""},
        format="json",
    )
    assert no_reason.status_code == 400
    decided = api.post(
        f"/api/missions/{mission.code}/support/",
        {
            "rule": flag["code"],
            "subject": flag["subject"],
            "decision": "accepted",
            "reason": "Repairs ordered",
        },
        format="json",
    )
    assert decided.status_code == 201 and decided.json()["reason"] == "Repairs ordered"
    again = api.get(f"/api/missions/{mission.code}/support/").json()
    assert again["verdicts"]["equipment"][0]["override"]["reason"] == "Repairs ordered"
    listed = api.get("/api/support-verdict-overrides/").json()["results"]
    assert [o["decision"] for o in listed] == ["accepted"]


def test_training_compliance_by_contingent(mission: Any, make_user: Any) -> None:
    r = rotation(contingent(mission), datetime.date.today() - datetime.timedelta(days=5), 10)
    train(r, "poc", 10)
    body = client_for(make_user("mission-support", mission)).get(
        f"/api/missions/{mission.code}/training-compliance/"
    )
    [row] = body.json()["rows"]
    assert (row["required"], row["done"], row["complete"]) == (30, 10, False)


def test_the_support_records_are_listed_in_the_api(mission: Any, make_user: Any) -> None:
    period(contingent(mission))
    api = client_for(make_user("mission-support", mission))
    for name in (
        "self-sufficiency",
        "support-contracts",
        "equipment-leases",
        "equipment-lines",
        "equipment-inspections",
        "inspection-findings",
        "premises",
        "moss-checks",
        "security-assessments",
        "security-meetings",
        "security-decisions",
        "rotations",
        "training-records",
    ):
        assert api.get(f"/api/{name}/").status_code == 200, name
    assert m.SelfSufficiency.objects.count() == 1
