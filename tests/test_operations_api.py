"""JOC API: scoping by mission and clearance, the common operating picture's filters, bad
input, map and aggregate views, reports and crises (Capstone §7.2)."""

from __future__ import annotations

import datetime

import pytest
from rest_framework.test import APIClient
from tests.operations_support import at, incident

from bluehelmet.core.models import AuditEntry
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.operations.models import IncidentSource, SituationReport


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def picture(mission, other_mission):
    radio = IncidentSource.objects.create(mission=mission, name="Radio", kind="open_source")
    return {
        "bangui": incident(
            mission,
            title="Bangui clash",
            latitude=4.36,
            longitude=18.55,
            source=radio,
            actor1="CPC",
            occurred_at=at(2025, 1, 5),
            killed=3,
        ),
        "bria": incident(
            mission,
            "attack-civilians",
            title="Bria attack",
            latitude=6.54,
            longitude=21.99,
            admin1="Haute-Kotto",
            actor2="Civilians of Bria",
            occurred_at=at(2025, 2, 10),
            killed=4,
            civilians_killed=4,
        ),
        "secret": incident(
            mission,
            title="Informant report",
            sensitivity=Sensitivity.CONFIDENTIAL,
            occurred_at=at(2025, 2, 11),
        ),
        "unlocated": incident(
            mission, title="Somewhere", latitude=None, longitude=None, occurred_at=at(2025, 2, 12)
        ),
        "foreign": incident(other_mission, title="Other mission's event"),
        "radio": radio,
    }


def titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["title"] for row in response.json()["results"]}


def test_a_user_sees_only_their_missions_incidents(picture, mission, make_user):
    officer = client_for(make_user("joc-officer", mission))
    assert titles(officer.get("/api/incidents/")) == {
        "Bangui clash",
        "Bria attack",
        "Informant report",
        "Somewhere",
    }
    assert officer.get(f"/api/incidents/{picture['foreign'].pk}/").status_code == 404
    assert officer.get("/api/incidents/?mission=UNOTHER").status_code == 400


def test_confidential_incidents_are_hidden_from_unclassified_roles(picture, mission, make_user):
    liaison = client_for(make_user("partner-liaison", mission))
    assert "Informant report" not in titles(liaison.get("/api/incidents/"))
    assert liaison.get(f"/api/incidents/{picture['secret'].pk}/").status_code == 404
    body = liaison.get("/api/incidents/export/?as=csv").getvalue().decode()
    assert "Informant report" not in body and "Bangui clash" in body


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bbox=18,4,18.58,4.38", {"Bangui clash"}),
        ("since=2025-02-01&until=2025-02-11", {"Bria attack", "Informant report"}),
        ("until=2025-02-10T23:00:00Z", {"Bangui clash", "Bria attack"}),
        ("category=attack-civilians", {"Bria attack"}),
        ("actor=bria", {"Bria attack"}),
        ("actor=cpc", {"Bangui clash"}),
        ("sensitivity=1", {"Informant report"}),
        ("admin1=haute-kotto", {"Bria attack"}),
        ("located=false", {"Somewhere"}),
        ("group=protection&mission=MINUSTEST", {"Bria attack"}),
    ],
)
def test_incident_filters(picture, mission, make_user, query, expected):
    officer = client_for(make_user("joc-officer", mission))
    assert titles(officer.get(f"/api/incidents/?{query}")) == expected


def test_source_filter(picture, mission, make_user):
    officer = client_for(make_user("joc-officer", mission))
    assert titles(officer.get(f"/api/incidents/?source={picture['radio'].pk}")) == {"Bangui clash"}


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("bbox=1,2,3", "bbox", "four numbers"),
        ("bbox=a,b,c,d", "bbox", "must be numbers"),
        ("bbox=20,5,10,4", "bbox", "minimum exceeds maximum"),
        ("since=yesterday", "since", "Not a date"),
        ("until=2025-02-30", "until", "Not a date"),
        ("category=nonsense", "category", "Unknown incident category"),
        ("reliability=XYZ", "reliability", "letters A to F"),
        ("source=999999", "source", "Unknown source"),
    ],
)
def test_bad_filters_answer_400_with_a_message(picture, mission, make_user, query, field, message):
    response = client_for(make_user("joc-officer", mission)).get(f"/api/incidents/?{query}")
    assert response.status_code == 400
    assert message in " ".join(response.json()[field])


def test_create_and_update_an_incident(mission, other_mission, make_user):
    staff = make_user("component-staff", mission)
    body = {
        "mission": "MINUSTEST",
        "title": "Roadblock at PK12",
        "category": "movement-restriction",
        "occurred_at": "2025-04-01T07:30:00Z",
        "latitude": 4.45,
        "longitude": 18.6,
        "location_precision": 1,
        "actor1": "Anti-balaka",
        "credibility": 2,
    }
    created = client_for(staff).post("/api/incidents/", body, format="json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert data["h3_r7"] and data["verification_status"] == "unverified"
    assert (
        client_for(staff).patch(f"/api/incidents/{data['id']}/", {"killed": 1}).status_code == 404
    )
    officer = client_for(make_user("joc-officer", mission))
    assert officer.patch(f"/api/incidents/{data['id']}/", {"killed": 1}).json()["killed"] == 1
    refused = client_for(staff).post(
        "/api/incidents/", {**body, "sensitivity": Sensitivity.CONFIDENTIAL}, format="json"
    )
    assert refused.status_code == 400 and "sensitivity" in refused.json()
    bad = officer.post("/api/incidents/", {**body, "latitude": 91, "category": "x"}, format="json")
    assert bad.status_code == 400 and {"latitude", "category"} <= set(bad.json())
    foreign = officer.post("/api/incidents/", {**body, "mission": "UNOTHER"}, format="json")
    assert foreign.status_code == 400 and "mission" in foreign.json()


def test_verify_endpoint_records_history(picture, mission, make_user):
    officer = client_for(make_user("joc-officer", mission))
    url = f"/api/incidents/{picture['bangui'].pk}/verify/"
    response = officer.post(url, {"verification_status": "verified", "note": "patrol"})
    assert response.status_code == 200
    assert response.json()["verifications"][0]["status"] == "verified"
    assert officer.post(url, {"verification_status": "maybe"}).status_code == 400
    liaison = client_for(make_user("partner-liaison", mission))
    assert liaison.post(url, {"verification_status": "refuted"}).status_code == 404


def test_geojson_endpoint(picture, mission, make_user):
    officer = client_for(make_user("joc-officer", mission))
    response = officer.get("/api/incidents/geojson/?bbox=14,2,27,11")
    body = response.json()
    assert response["Content-Type"].startswith("application/geo+json")
    assert body["type"] == "FeatureCollection" and not body["truncated"]
    names = {f["properties"]["title"] for f in body["features"]}
    assert names == {"Bangui clash", "Bria attack", "Informant report"}
    point = next(f for f in body["features"] if f["properties"]["title"] == "Bangui clash")
    assert point["geometry"] == {"type": "Point", "coordinates": [18.55, 4.36]}
    assert officer.get("/api/incidents/geojson/?limit=1").json()["truncated"] is True
    assert officer.get("/api/incidents/geojson/?limit=0").status_code == 400


def test_aggregate_endpoint(picture, mission, make_user):
    officer = client_for(make_user("joc-officer", mission))
    rows = officer.get("/api/incidents/aggregate/?by=period,category&period=month").json()
    assert {
        "period": "2025-02-01",
        "category": "attack-civilians",
        "count": 1,
        "killed": 4,
        "civilians_killed": 4,
    } in rows
    assert sum(r["count"] for r in rows) == 4
    cells = officer.get("/api/incidents/aggregate/?by=h3&h3_res=3").json()
    assert sum(c["count"] for c in cells) == 3 and all(len(c["h3"]) == 15 for c in cells)
    by_area = officer.get("/api/incidents/aggregate/?by=admin1").json()
    assert {r["admin1"]: r["count"] for r in by_area} == {"Bangui": 3, "Haute-Kotto": 1}
    for bad in ["by=colour", "by=h3&h3_res=9", "period=fortnight", "by=h3&h3_res=x"]:
        assert officer.get(f"/api/incidents/aggregate/?{bad}").status_code == 400, bad


def test_sitrep_api_compile_and_publish(picture, mission, make_user):
    officer = client_for(make_user("joc-officer", mission))
    created = officer.post(
        "/api/situation-reports/",
        {"mission": "MINUSTEST", "report_date": "2025-02-10", "narrative": "Tense in Bria."},
        format="json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    compiled = officer.post(f"/api/situation-reports/{pk}/compile/").json()
    assert compiled["incidents"] == [picture["bria"].pk]
    assert officer.post(f"/api/situation-reports/{pk}/publish/").json()["status"] == "published"
    assert officer.post(f"/api/situation-reports/{pk}/publish/").status_code == 409
    assert officer.patch(f"/api/situation-reports/{pk}/", {"narrative": "x"}).status_code == 400
    assert SituationReport.objects.get(pk=pk).narrative == "Tense in Bria."


def test_crisis_api_with_log_and_tasks(mission, other_mission, make_user):
    officer = client_for(make_user("joc-officer", mission))
    crisis = officer.post(
        "/api/crises/", {"mission": "MINUSTEST", "title": "Kaga-Bandoro attack"}, format="json"
    ).json()
    entry = officer.post("/api/crisis-log/", {"crisis": crisis["id"], "text": "QRF launched"})
    assert entry.status_code == 201 and entry.json()["mission"] == "MINUSTEST"
    assert officer.patch(f"/api/crisis-log/{entry.json()['id']}/", {"text": "x"}).status_code == 405
    task = officer.post("/api/crisis-tasks/", {"crisis": crisis["id"], "title": "CASEVAC"}).json()
    assert officer.get(f"/api/crises/{crisis['id']}/").json()["open_tasks"] == 1
    done = officer.patch(f"/api/crisis-tasks/{task['id']}/", {"status": "done"}).json()
    assert done["completed_at"] is not None
    audit = AuditEntry.objects.count()
    closed = officer.post(f"/api/crises/{crisis['id']}/close/", {"summary": "Calm"}).json()
    assert closed["status"] == "closed" and AuditEntry.objects.count() == audit + 1
    late = officer.post("/api/crisis-log/", {"crisis": crisis["id"], "text": "after"})
    assert late.status_code == 400
    outsider = client_for(make_user("joc-officer", other_mission))
    assert outsider.get(f"/api/crises/{crisis['id']}/").status_code == 404
    assert (
        outsider.post("/api/crisis-log/", {"crisis": crisis["id"], "text": "x"}).status_code == 400
    )


def test_categories_are_listed_for_everyone(db, make_user):
    rows = client_for(make_user("researcher")).get("/api/incident-categories/").json()
    assert len(rows) == 20 and rows[0]["code"] == "clash-state"


def test_flash_report_api(picture, mission, make_user):
    officer = client_for(make_user("joc-officer", mission))
    flash = officer.post(
        "/api/flash-reports/",
        {
            "mission": "MINUSTEST",
            "title": "Ambush",
            "summary": "QRF",
            "incident": picture["bria"].pk,
        },
        format="json",
    ).json()
    issued = officer.post(f"/api/flash-reports/{flash['id']}/issue/").json()
    assert issued["status"] == "issued" and issued["issued_at"]
    assert datetime.datetime.fromisoformat(issued["issued_at"].replace("Z", "+00:00"))
