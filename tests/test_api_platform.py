"""Missions, tokens, schema, health and access management through the API."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient
from tests.conftest import PASSWORD

from bluehelmet.core import models as m


def _api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


NEW_MISSION = {
    "code": "unmiss-x",
    "name": "UN Mission X",
    "host_country": "ss",
    "mission_type": "multidimensional",
    "mandate_authorised_on": "2024-07-09",
}


def test_hq_planner_creates_a_mission_with_normalised_codes(db, make_user):
    response = _api(make_user("hq-planner")).post("/api/missions/", NEW_MISSION, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["code"], body["host_country"], body["host_country_name"]) == (
        "UNMISS-X",
        "SSD",
        "South Sudan",
    )
    assert body["phase"] == "pre_deployment" and body["deployment_target_days"] == 90


def test_mission_staff_cannot_create_missions(mission, make_user):
    response = _api(make_user("head-of-mission", mission)).post(
        "/api/missions/", NEW_MISSION, format="json"
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("host_country", "ATL"),
        ("code", "no spaces!"),
        ("mission_type", "hybrid"),
        ("mandate_authorised_on", "2024-02-30"),
    ],
)
def test_bad_mission_input_is_400_naming_the_field(db, make_user, field, value):
    response = _api(make_user("hq-admin")).post(
        "/api/missions/", {**NEW_MISSION, field: value}, format="json"
    )
    assert response.status_code == 400 and field in response.json()


def test_fictional_country_needs_a_name(db, make_user):
    payload = {**NEW_MISSION, "host_country": "XQA"}
    response = _api(make_user("hq-admin")).post("/api/missions/", payload, format="json")
    assert response.status_code == 400 and "host_country_name" in response.json()


def test_mission_detail_by_code_and_404_when_forbidden(mission, other_mission, make_user):
    client = _api(make_user("joc-officer", mission))
    assert client.get(f"/api/missions/{mission.code.lower()}/").json()["code"] == mission.code
    assert client.get(f"/api/missions/{other_mission.code}/").status_code == 404
    assert client.get("/api/missions/NOSUCH/").status_code == 404


def test_head_of_mission_updates_own_mission(mission, make_user):
    client = _api(make_user("head-of-mission", mission))
    response = client.patch(
        f"/api/missions/{mission.code}/",
        {"sofa_status": "signed", "sofa_signed_on": "2025-02-01"},
        format="json",
    )
    assert response.status_code == 200
    bad = client.patch(
        f"/api/missions/{mission.code}/", {"sofa_status": "negotiating"}, format="json"
    )
    assert bad.status_code == 400 and "sofa_signed_on" in bad.json()


def test_token_login_and_use(mission, make_user):
    make_user("joc-officer", mission, username="joc")
    response = _api().post("/api/auth/token/", {"username": "joc", "password": PASSWORD})
    assert response.status_code == 200
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert client.get("/api/missions/").json()["count"] == 1


def test_wrong_password_and_anonymous_are_refused(mission, make_user):
    make_user("joc-officer", mission, username="joc")
    assert (
        _api().post("/api/auth/token/", {"username": "joc", "password": "nope"}).status_code == 400
    )
    assert _api().get("/api/missions/").status_code in {401, 403}


def test_malformed_json_is_a_clear_400(mission, make_user):
    client = _api(make_user("hq-admin"))
    response = client.post("/api/partners/", data="{not json", content_type="application/json")
    assert response.status_code == 400 and "JSON parse error" in response.json()["detail"]


def test_pagination_and_page_size_limit(mission, make_user):
    for i in range(7):
        m.Partner.objects.create(mission=mission, name=f"NGO {i}", kind="ngo")
    client = _api(make_user("hq-admin"))
    page = client.get("/api/partners/?page_size=3&page=2").json()
    assert page["count"] == 7 and len(page["results"]) == 3 and page["next"] and page["previous"]
    assert client.get("/api/partners/?page=99").status_code == 404


def test_search_filter(mission, make_user):
    m.Partner.objects.create(
        mission=mission, name="World Food Programme", acronym="WFP", kind="unct_agency"
    )
    m.Partner.objects.create(mission=mission, name="UNICEF", kind="unct_agency")
    rows = _api(make_user("hq-admin")).get("/api/partners/?q=food").json()["results"]
    assert [r["acronym"] for r in rows] == ["WFP"]


def test_schema_and_docs(db, make_user):
    client = _api(make_user("researcher"))
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    for path in [
        "/api/missions/",
        "/api/org-units/",
        "/api/contingents/",
        "/api/partners/",
        "/api/audit/",
        "/api/missions/{code}/transition/",
    ]:
        assert path in schema["paths"]
    assert client.get("/api/docs/").status_code == 200


def test_healthz_reports_the_database(client, db):
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["database"]["status"] == "ok"


def test_contingent_operational_control_defaults_to_force_commander(mission, make_user):
    fc = m.Post.objects.create(mission=mission, title="Force Commander", role="force_commander")
    m.Post.objects.create(mission=mission, title="Police Commissioner", role="police_commissioner")
    client = _api(make_user("mission-support", mission))
    body = client.post(
        "/api/contingents/",
        {
            "mission": mission.code,
            "country": "PAK",
            "name": "PAKBATT",
            "unit_type": "infantry_battalion",
            "strength": 850,
        },
        format="json",
    ).json()
    assert body["operational_control"] == fc.pk and body["country_name"] == "Pakistan"
    wrong = client.post(
        "/api/contingents/",
        {
            "mission": mission.code,
            "country": "SEN",
            "name": "SENFPU",
            "unit_type": "formed_police_unit",
            "strength": 140,
            "operational_control": fc.pk,
        },
        format="json",
    )
    assert wrong.status_code == 400 and "operational_control" in wrong.json()


def test_deleting_a_parent_unit_in_use_is_409(mission, make_user):
    hq = m.OrgUnit.objects.get(mission=mission, kind="mission_hq")
    m.OrgUnit.objects.create(
        mission=mission, kind="team_site", name="TS", parent=hq, latitude=1, longitude=1
    )
    response = _api(make_user("head-of-mission", mission)).delete(f"/api/org-units/{hq.pk}/")
    assert response.status_code == 409 and "TS" in response.json()["detail"]
    assert m.OrgUnit.objects.filter(pk=hq.pk).exists()


class TestMembershipGranting:
    def test_head_of_mission_grants_a_mission_role(self, mission, make_user):
        hom = make_user("head-of-mission", mission)
        new = make_user()
        response = _api(hom).post(
            "/api/memberships/",
            {"user": new.username, "role": "joc-officer", "mission": mission.code},
            format="json",
        )
        assert response.status_code == 201, response.json()

    def test_no_escalation_to_hq(self, mission, make_user):
        hom = make_user("head-of-mission", mission)
        response = _api(hom).post(
            "/api/memberships/",
            {"user": hom.username, "role": "hq-admin", "mission": None},
            format="json",
        )
        assert response.status_code == 400

    def test_no_granting_in_another_mission(self, mission, other_mission, make_user):
        hom = make_user("head-of-mission", mission)
        response = _api(hom).post(
            "/api/memberships/",
            {"user": hom.username, "role": "joc-officer", "mission": other_mission.code},
            format="json",
        )
        assert response.status_code == 400

    def test_roles_without_delete_cannot_grant(self, mission, make_user):
        joc = make_user("joc-officer", mission)
        response = _api(joc).post(
            "/api/memberships/",
            {"user": joc.username, "role": "head-of-mission", "mission": mission.code},
            format="json",
        )
        assert response.status_code == 400


def test_filtering_by_a_forbidden_related_id_looks_like_an_unknown_one(
    mission, other_mission, make_user
):
    theirs = m.OrgUnit.objects.get(mission=other_mission, kind="mission_hq")
    client = _api(make_user("joc-officer", mission))
    forbidden = client.get(f"/api/org-units/?parent={theirs.pk}")
    unknown = client.get("/api/org-units/?parent=999999")
    assert forbidden.status_code == unknown.status_code == 400
