"""JMAC API: scoping by mission and clearance, clear 400s, review actions (§7.2, §3.1, §4.2)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient
from tests.analysis_support import END, actor, assessment, surge_and_steady
from tests.operations_support import incident

from bluehelmet.analysis import linking
from bluehelmet.analysis import models as am
from bluehelmet.core.models import AuditEntry
from bluehelmet.core.permissions import Sensitivity

pytestmark = pytest.mark.django_db


def client(user):
    c = APIClient()
    c.force_authenticate(user)
    return c


def test_a_user_without_clearance_sees_no_confidential_assessment(mission, make_user):
    assessment(mission, title="Secret", sensitivity=Sensitivity.CONFIDENTIAL)
    assessment(mission, title="Public", sensitivity=Sensitivity.UNCLASSIFIED)
    partner = make_user("partner-liaison", mission)
    analyst = make_user("jmac-analyst", mission)
    titles = [r["title"] for r in client(partner).get("/api/threat-assessments/").json()["results"]]
    assert titles == ["Public"]
    response = client(analyst).get(f"/api/threat-assessments/?mission={mission.code}")
    assert sorted(r["title"] for r in response.json()["results"]) == ["Public", "Secret"]
    secret = am.ThreatAssessment.objects.get(title="Secret")
    assert client(partner).get(f"/api/threat-assessments/{secret.pk}/").status_code == 404


def test_another_missions_actor_answers_404(mission, other_mission, make_user):
    theirs = actor(other_mission, "Their group")
    mine = actor(mission, "Our group")
    analyst = make_user("jmac-analyst", mission)
    c = client(analyst)
    assert c.get(f"/api/actors/{theirs.pk}/").status_code == 404
    assert c.get(f"/api/actors/{theirs.pk}/activity/").status_code == 404
    assert c.get(f"/api/actors/{mine.pk}/").json()["name"] == "Our group"
    assert [r["name"] for r in c.get("/api/actors/").json()["results"]] == ["Our group"]
    response = c.get(f"/api/actors/?mission={other_mission.code}")
    assert response.status_code == 400
    assert "not one of your missions" in str(response.json())


def test_actors_are_written_with_aliases_as_a_list(mission, make_user):
    analyst = make_user("jmac-analyst", mission)
    body = {
        "mission": mission.code,
        "name": "Movement of 9 January (M9J)",
        "kind": "spoiler",
        "spoiler_assessment": "total",
        "spoiler_rationale": "Rejected the agreement.",
        "aliases": ["M9J", " m9j ", "Mouvement du 9 janvier"],
    }
    response = client(analyst).post("/api/actors/", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["aliases"] == ["M9J", "Mouvement du 9 janvier"]
    assert response.json()["is_spoiler"] is True
    bad = {**body, "name": "Other", "spoiler_rationale": ""}
    response = client(analyst).post("/api/actors/", bad, format="json")
    assert response.status_code == 400
    assert "spoiler_rationale" in response.json()


def test_hotspots_api_flags_the_surge(mission, make_user):
    surge_and_steady(mission)
    analyst = make_user("jmac-analyst", mission)
    response = client(analyst).get(
        f"/api/missions/{mission.code}/hotspots/?period=30d&until={END.isoformat()}"
    )
    assert response.status_code == 200
    data = response.json()
    assert data["flagged"] == 1 and data["days"] == 30 and data["baseline_periods"] == 12
    first = data["areas"][0]
    assert first["key"] == "Surgeville" and first["flagged"] is True
    assert "p < 0.001" in first["explanation"]
    hexes = (
        client(analyst)
        .get(f"/api/missions/{mission.code}/hotspots/?unit=h3:5&until={END.isoformat()}")
        .json()
    )
    assert hexes["unit"] == "h3:5" and hexes["areas"][0]["boundary"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("unit=h3:12", "unit"),
        ("unit=province", "unit"),
        ("period=soon", "period"),
        ("since=2025-12-01&until=2025-11-01", "since"),
        ("category=not-a-category", "category"),
        ("group=nothing", "group"),
        ("baseline=1", "baseline"),
    ],
)
def test_hotspots_bad_params_answer_400_naming_the_parameter(mission, make_user, query, field):
    analyst = make_user("jmac-analyst", mission)
    response = client(analyst).get(f"/api/missions/{mission.code}/hotspots/?{query}")
    assert response.status_code == 400
    assert field in response.json()


def test_trends_api_by_category_and_actor_and_its_400s(mission, make_user):
    surge_and_steady(mission)
    incident(mission, actor1="M9J", occurred_at=incident(mission).occurred_at)
    actor(mission, "M9J")
    linking.relink_mission(mission.pk)
    analyst = make_user("jmac-analyst", mission)
    c = client(analyst)
    url = f"/api/missions/{mission.code}/trends/"
    data = c.get(f"{url}?by=category&period=month&days=400&until={END}").json()
    assert data["by"] == "category" and data["series"][0]["key"] == "clash-state"
    assert len(data["periods"]) == len(data["series"][0]["counts"])
    data = c.get(f"{url}?by=actor&since=2025-01-01&until=2025-12-31").json()
    assert [s["label"] for s in data["series"]] == ["M9J"]
    for query, field in [("by=colour", "by"), ("period=day", "period"), ("days=x", "days")]:
        response = c.get(f"{url}?{query}")
        assert response.status_code == 400 and field in response.json(), query
    assert c.get("/api/missions/NOPE/trends/").status_code == 404


def test_actor_activity_counts_by_side(mission, make_user):
    m9j = actor(mission, "M9J")
    incident(mission, actor1="M9J", actor2="Civilians")
    incident(mission, actor1="FAB", actor2="M9J", killed=4)
    linking.relink_mission(mission.pk)
    analyst = make_user("jmac-analyst", mission)
    data = client(analyst).get(f"/api/actors/{m9j.pk}/activity/?period=month").json()
    series = {s["key"]: s for s in data["series"]}
    assert series["all"]["total"] == 2 and series["all"]["killed_total"] == 5
    assert series["first_side"]["total"] == 1 and series["second_side"]["total"] == 1
    response = client(analyst).get(f"/api/actors/{m9j.pk}/activity/?period=year")
    assert response.status_code == 400


def test_assessment_create_with_citations_and_review_actions(mission, other_mission, make_user):
    analyst = make_user("jmac-analyst", mission)
    chief = make_user("head-of-mission", mission)
    planner = make_user("hq-planner")
    mine = incident(mission)
    theirs = incident(other_mission)
    body = {
        "mission": mission.code,
        "title": "Surgeville",
        "area_kind": "admin1",
        "area": "Surgeville",
        "period_start": "2025-12-01",
        "period_end": "2026-02-28",
        "threat_level": "high",
        "narrative": "Attacks rise.",
        "worst_case": "",
        "cited_incidents": [mine.pk],
    }
    response = client(analyst).post("/api/threat-assessments/", body, format="json")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["author"] == analyst.username and created["status"] == "draft"
    assert created["cited_incidents"] == [mine.pk]
    assert created["citations"][0]["title"] == mine.title
    # An HQ planner sees both missions, yet cannot cite the other mission's incident.
    response = client(planner).post(
        "/api/threat-assessments/", {**body, "cited_incidents": [mine.pk, theirs.pk]}, format="json"
    )
    assert response.status_code == 400
    assert f"Incident #{theirs.pk} belongs to another mission" in str(response.json())
    # An analyst of one mission does not even see the other mission's incident.
    response = client(analyst).post(
        "/api/threat-assessments/", {**body, "cited_incidents": [theirs.pk]}, format="json"
    )
    assert response.status_code == 400 and "that you may see" in str(response.json())

    pk = created["id"]
    response = client(analyst).post(f"/api/threat-assessments/{pk}/submit/")
    assert response.status_code == 400 and "worst case" in response.json()["detail"]
    client(analyst).patch(
        f"/api/threat-assessments/{pk}/", {"worst_case": "The town falls."}, format="json"
    )
    assert client(analyst).post(f"/api/threat-assessments/{pk}/submit/").json()["status"] == (
        "in_review"
    )
    response = client(analyst).patch(
        f"/api/threat-assessments/{pk}/", {"title": "Changed"}, format="json"
    )
    assert response.status_code == 409
    assert client(analyst).post(f"/api/threat-assessments/{pk}/approve/").status_code == 403
    response = client(chief).post(f"/api/threat-assessments/{pk}/return/", {"reason": ""})
    assert response.status_code == 400
    response = client(chief).post(f"/api/threat-assessments/{pk}/approve/", {"reason": "Good."})
    assert response.status_code == 200
    assert response.json()["status"] == "approved" and response.json()["reviewer"] == chief.username
    assert client(chief).post(f"/api/threat-assessments/{pk}/approve/").status_code == 409
    assert AuditEntry.objects.filter(verb="approve_threat_assessment", actor=chief).count() == 1


def test_relink_and_unmatched_endpoints(mission, make_user):
    incident(mission, actor1="M9J")
    actor(mission, "M9J")
    analyst = make_user("jmac-analyst", mission)
    partner = make_user("partner-liaison", mission)
    response = client(analyst).post(f"/api/actors/relink/?mission={mission.code}")
    assert response.status_code == 200 and response.json()["links"] == 1
    assert client(analyst).post("/api/actors/relink/").status_code == 400
    assert client(partner).post(f"/api/actors/relink/?mission={mission.code}").status_code == 404
    names = client(analyst).get(f"/api/actors/unmatched/?mission={mission.code}").json()
    assert names == [{"name": "Civilians", "incidents": 1}]


def test_a_second_caller_cannot_cite_what_only_the_first_may_see(mission, other_mission, make_user):
    """Serializer fields are built once per class and copied per request (issue 12); a copy
    that shared its relation child would check the second caller against the first one's
    grants. The other mission's analyst writes first, so a shared child would still carry
    that analyst's request when this mission's analyst cites the other mission's incident."""
    theirs = incident(other_mission)
    other_analyst = make_user("jmac-analyst", other_mission)
    analyst = make_user("jmac-analyst", mission)
    body = {
        "title": "Surgeville",
        "area_kind": "admin1",
        "area": "Surgeville",
        "period_start": "2025-12-01",
        "period_end": "2026-02-28",
        "threat_level": "high",
        "narrative": "Attacks rise.",
        "worst_case": "",
        "cited_incidents": [theirs.pk],
    }
    made = client(other_analyst).post(
        "/api/threat-assessments/", {**body, "mission": other_mission.code}, format="json"
    )
    assert made.status_code == 201, made.json()
    response = client(analyst).post(
        "/api/threat-assessments/", {**body, "mission": mission.code}, format="json"
    )
    assert response.status_code == 400 and "that you may see" in str(response.json())
