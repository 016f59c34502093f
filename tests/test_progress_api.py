"""Benchmarks API and actions (issue 16; Capstone §10.2): records scoped to the caller's
missions, readings computed from live data with the query kept and re-run, plan indicators
taken over, verdicts and decisions on them, readiness by area."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from rest_framework.test import APIClient
from tests.operations_support import at, incident
from tests.planning_support import full_plan
from tests.progress_support import D, benchmark, indicator, observe, optimistic_indicator

from bluehelmet.benchmarks import actions
from bluehelmet.benchmarks import models as m
from bluehelmet.core.audit import AuditEntry
from bluehelmet.planning.models import ResultIndicator

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_records_are_made_through_the_api_and_scoped(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    api = client_for(make_user("head-of-mission", mission))
    made = api.post(
        "/api/benchmarks/",
        {"mission": mission.code, "code": "B1", "title": "Security", "area": "security"},
        format="json",
    )
    assert made.status_code == 201, made.content
    ind = api.post(
        "/api/indicators/",
        {
            "benchmark": made.json()["id"],
            "name": "Killings",
            "unit": "people",
            "target": "10",
            "direction": "decrease",
        },
        format="json",
    )
    assert ind.status_code == 201 and ind.json()["mission"] == mission.code
    own = api.post(
        "/api/observations/",
        {
            "indicator": ind.json()["id"],
            "observed_on": "2026-06-30",
            "value": "30",
            "source_kind": "self_assessment",
            "source_name": "Mission",
            "independent": True,
        },
        format="json",
    )
    assert own.status_code == 400 and "independent" in own.json()
    foreign = benchmark(other_mission)
    assert api.get(f"/api/benchmarks/{foreign.pk}/").status_code == 404
    assert [b["code"] for b in api.get("/api/benchmarks/").json()["results"]] == ["B1"]
    stranger = client_for(make_user("head-of-mission", other_mission))
    bad = stranger.post(
        "/api/indicators/",
        {
            "benchmark": made.json()["id"],
            "name": "x",
            "unit": "x",
            "target": "1",
            "direction": "decrease",
        },
        format="json",
    )
    assert bad.status_code == 400


def test_a_computed_reading_keeps_its_query_and_reruns(mission: Any, make_user: Any) -> None:
    user = make_user("head-of-mission", mission)
    ind = indicator(
        benchmark(mission),
        "Incidents in Bangui",
        computation="incidents",
        admin1="Bangui",
        level="outcome",
    )
    incident(mission, occurred_at=at(2026, 8, 1))
    incident(mission, occurred_at=at(2026, 9, 1), killed=3)
    incident(mission, occurred_at=at(2026, 9, 2), admin1="Ouham")
    incident(mission, occurred_at=at(2026, 9, 3), sensitivity=1)  # above the indicator
    api = client_for(user)
    made = api.post(f"/api/indicators/{ind.pk}/compute/", {"observed_on": "2026-09-30"})
    assert made.status_code == 201, made.content
    body = made.json()
    assert Decimal(body["value"]) == 2 and body["independent"] is False
    assert body["query"] == {
        "computation": "incidents",
        "mission": mission.code,
        "admin1": "Bangui",
        "start": "2026-07-02",
        "end": "2026-09-30",
        "max_sensitivity": 0,
    }
    incident(mission, occurred_at=at(2026, 9, 20))  # reported late
    again = api.post(f"/api/observations/{body['id']}/rerun/")
    assert again.status_code == 200 and Decimal(again.json()["value"]) == 3
    entries = AuditEntry.objects.filter(verb="rerun_observation", object_id=str(body["id"]))
    assert [(e.before["value"], e.after["value"]) for e in entries] == [("2.00", "3.00")]
    fatal = indicator(benchmark(mission, "B2"), computation="fatalities", admin1="Bangui")
    obs = actions.do_compute_observation(fatal, observed_on=D(2026, 9, 30), acting_user=user)
    assert obs.value == 5 and obs.source_kind == "mission_data"
    plain = indicator(benchmark(mission, "B3"))
    refused = api.post(f"/api/indicators/{plain.pk}/compute/", {})
    assert refused.status_code == 400 and refused.json()["code"] == "not_computed"


def test_a_plan_indicator_is_taken_over(mission: Any, make_user: Any) -> None:
    full_plan(mission)
    planned = ResultIndicator.objects.get(mission=mission)
    bench = benchmark(mission)
    api = client_for(make_user("head-of-mission", mission))
    made = api.post(
        f"/api/benchmarks/{bench.pk}/adopt-plan-indicator/", {"plan_indicator": planned.pk}
    )
    assert made.status_code == 201, made.content
    assert made.json()["name"] == "Civilians killed" and made.json()["plan_indicator"] == planned.pk


def test_verdicts_and_decisions_through_the_api(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    ind = optimistic_indicator(mission)
    api = client_for(make_user("head-of-mission", mission))
    url = f"/api/missions/{mission.code}/benchmarks/verdicts/"
    rows = api.get(url).json()["indicators"]
    flagged = {v["code"] for v in rows[0]["verdicts"] if v["status"] == "flagged"}
    assert flagged == {"over-optimism"}
    decided = api.post(
        url,
        {
            "rule": "over-optimism",
            "subject": f"indicator:{ind.pk}",
            "decision": "accepted",
            "reason": "Agreed: the self-assessment will use the survey.",
        },
        format="json",
    )
    assert decided.status_code == 201
    again = api.get(url).json()["indicators"][0]["verdicts"]
    assert next(v for v in again if v["code"] == "over-optimism")["override"]["decision"] == (
        "accepted"
    )
    stranger = client_for(make_user("head-of-mission", other_mission))
    assert stranger.get(url).status_code == 404


def test_readiness_by_area(mission: Any, make_user: Any) -> None:
    user = make_user("head-of-mission", mission)
    api = client_for(user)
    for body in (
        {"area": "security", "level": "partly_ready"},
        {"admin1": "Bangui", "level": "ready"},
    ):
        made = api.post(
            "/api/readiness-assessments/",
            {"mission": mission.code, "assessed_on": "2026-09-30", "rationale": "Because.", **body},
            format="json",
        )
        assert made.status_code == 201, made.content
    both = api.post(
        "/api/readiness-assessments/",
        {
            "mission": mission.code,
            "assessed_on": "2026-09-30",
            "rationale": "x",
            "area": "security",
            "admin1": "Bangui",
            "level": "ready",
        },
        format="json",
    )
    assert both.status_code == 400
    ind = indicator(benchmark(mission))
    observe(ind, D(2026, 6, 30), 90, "self_assessment", "Mission")
    data = api.get(f"/api/missions/{mission.code}/readiness/").json()
    security = next(a for a in data["areas"] if a["area"] == "security")
    assert security["assessment"]["level"] == "partly_ready" and security["open_flags"] == 1
    assert data["admin_areas"][0]["admin1"] == "Bangui"
    assert m.ReadinessAssessment.objects.get(admin1="Bangui").assessed_by == user
