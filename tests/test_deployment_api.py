"""Deployment records and actions through the API (Capstone §4.1-4.3): confidential HQ records,
the worst-case rule, the decision that creates a mission, and the report to the Council."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.test import APIClient
from tests.deployment_support import make_crisis, scenario

from bluehelmet.core.models import AuditEntry, Mission
from bluehelmet.core.phases import Phase
from bluehelmet.deployment import models as m
from bluehelmet.mandates.models import Consultation, ConsultationTrigger, Mandate
from bluehelmet.reports.models import CouncilReport, ReportStatus

pytestmark = pytest.mark.django_db


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def planner(make_user):
    return make_user("hq-planner")


@pytest.fixture
def crisis():
    return make_crisis()


def test_given_a_crisis_without_mission_then_only_hq_roles_cleared_see_it(
    make_user, mission, planner, crisis
):
    pk = crisis.situation.pk
    assert client_for(planner).get(f"/api/crisis-situations/{pk}/").status_code == 200
    for user in (make_user("head-of-mission", mission), make_user("researcher")):
        client = client_for(user)
        assert client.get(f"/api/crisis-situations/{pk}/").status_code == 404
        assert client.get("/api/crisis-situations/").json()["count"] == 0
        assert client.get(f"/api/strategic-assessments/{crisis.assessment.pk}/").status_code == 404


def test_given_a_planner_then_records_are_created_confidential_and_audited(planner):
    client = client_for(planner)
    answer = client.post(
        "/api/crisis-situations/",
        {"name": "Crisis", "country": "XOS", "country_name": "Ostemba", "started_on": "2026-01-02"},
        format="json",
    )
    assert answer.status_code == 201, answer.json()
    assert answer.json()["sensitivity"] == 1
    situation = m.CrisisSituation.objects.get()
    assert AuditEntry.objects.filter(object_id=str(situation.pk), action="create").exists()
    answer = client.post(
        "/api/strategic-assessments/",
        {"situation": situation.pk, "title": "SA", "started_on": "2026-02-01", "sensitivity": 0},
        format="json",
    )
    assert answer.status_code == 400 and "sensitivity" in answer.json()


def test_given_a_mission_role_then_it_cannot_create_a_crisis(make_user, mission):
    client = client_for(make_user("head-of-mission", mission))
    answer = client.post(
        "/api/crisis-situations/",
        {"name": "C", "country": "XOS", "country_name": "Ostemba", "started_on": "2026-01-02"},
        format="json",
    )
    assert answer.status_code == 400


def test_given_an_option_through_the_api_then_tasks_by_code(planner, crisis):
    answer = client_for(planner).post(
        "/api/deployment-options/",
        {
            "assessment": crisis.assessment.pk,
            "title": "Light",
            "option_type": "traditional",
            "tasks": ["civilian-protection"],
            "military_observers": 40,
        },
        format="json",
    )
    assert answer.status_code == 201, answer.json()
    assert answer.json()["tasks"] == ["civilian-protection"]


def test_given_a_recommendation_without_worst_case_then_it_cannot_be_made_final(planner, crisis):
    client = client_for(planner)
    base = f"/api/strategic-assessments/{crisis.assessment.pk}"
    multi = crisis.options["multi"]
    assert client.post(f"{base}/recommend/", {"option": multi.pk}).status_code == 200
    assert client.post(f"{base}/status/", {"status": "in_review"}).json()["status"] == "in_review"
    refused = client.post(f"{base}/status/", {"status": "final"})
    assert refused.status_code == 400 and refused.json()["code"] == "no_worst_case"
    scenario(multi, m.ScenarioKind.WORST, "The movements split and fighting resumes.")
    assert client.post(f"{base}/status/", {"status": "final"}).json()["status"] == "final"
    assert client.post(f"{base}/status/", {"status": "draft"}).status_code == 409
    verbs = set(AuditEntry.objects.filter(action="action").values_list("verb", flat=True))
    assert {"recommend_option", "change_assessment_status"} <= verbs


def test_given_the_conditions_endpoint_then_each_option_with_verdicts(planner, crisis):
    answer = client_for(planner).get(
        f"/api/strategic-assessments/{crisis.assessment.pk}/conditions/"
    )
    rows = {r["title"]: r for r in answer.json()}
    assert {c["code"] for c in rows["Observer mission"]["conditions"]} == {
        "peace-to-keep",
        "regional-engagement",
        "united-council",
        "mandate-resources",
    }


def test_given_an_override_through_the_api_then_it_is_kept(planner, crisis):
    client = client_for(planner)
    answer = client.post(
        f"/api/strategic-assessments/{crisis.assessment.pk}/override/",
        {
            "option": crisis.options["multi"].pk,
            "rule": "united-council",
            "decision": "dismissed",
            "reason": "Agreed.",
        },
    )
    assert answer.status_code == 201 and answer.json()["decision"] == "dismissed"
    assert client.get("/api/condition-overrides/").json()["count"] == 1


def test_given_a_decision_to_deploy_then_the_mission_mandate_and_consultation_exist(
    planner, crisis
):
    multi = crisis.options["multi"]
    answer = client_for(planner).post(
        f"/api/strategic-assessments/{crisis.assessment.pk}/decision/",
        {
            "outcome": "deploy",
            "decided_on": "2026-10-01",
            "decided_by": "Security Council",
            "option": multi.pk,
            "resolution": 2999,
            "mission_code": "MINUOST",
            "mission_name": "UN Mission in Ostemba",
        },
        format="json",
    )
    assert answer.status_code == 201, answer.json()
    assert answer.json()["mission"] == "MINUOST" and answer.json()["resolution"] == 2999
    mission = Mission.objects.get(code="MINUOST")
    assert mission.phase == Phase.PRE_DEPLOYMENT and mission.host_country == "XOS"
    mandate = Mandate.objects.get(mission=mission)
    assert mandate.version == 1 and mandate.chapter_vii
    assert set(mandate.tasks.values_list("task_type__code", flat=True)) == set(
        multi.tasks.values_list("code", flat=True)
    )
    consultation = Consultation.objects.get(mission=mission)
    assert consultation.trigger == ConsultationTrigger.CONCEPT_OF_OPERATIONS
    assert list(consultation.countries.values_list("iso3", flat=True)) == ["BGD"]
    crisis.situation.refresh_from_db()
    assert crisis.situation.mission == mission
    assert AuditEntry.objects.filter(verb="record_decision").count() == 1
    again = client_for(planner).post(
        f"/api/strategic-assessments/{crisis.assessment.pk}/decision/",
        {"outcome": "not_deploy", "decided_on": "2026-10-02", "decided_by": "SC"},
    )
    assert again.status_code == 409


def test_given_a_report_then_versions_are_kept_and_a_cleared_one_is_frozen(planner, crisis):
    client = client_for(planner)
    assessment = crisis.assessment
    report = client.post(
        "/api/council-reports/",
        {
            "assessment": assessment.pk,
            "title": "Report of the Secretary-General on Ostemba",
            "council_needs_to_know": "The parties may not hold.",
        },
        format="json",
    ).json()
    base = f"/api/council-reports/{report['id']}"
    assert client.post(f"{base}/clear/").json()["code"] == "not_assembled"
    first = client.post(f"{base}/assemble/").json()
    second = client.post(f"{base}/assemble/").json()
    assert (first["number"], second["number"]) == (1, 2)
    headings = [s["heading"] for s in second["content"]["sections"]]
    assert headings[-1] == "Observations" and second["content"]["sections"][0]["numeral"] == "I"
    numbers = [p["number"] for s in second["content"]["sections"] for p in s["paragraphs"]]
    assert numbers == list(range(1, len(numbers) + 1))
    client.post(
        f"/api/strategic-assessments/{assessment.pk}/recommend/",
        {"option": crisis.options["multi"].pk},
    )
    assert client.post(f"{base}/clear/").json()["code"] == "no_worst_case"
    scenario(crisis.options["multi"], m.ScenarioKind.WORST)
    assert client.post(f"{base}/clear/").json()["status"] == ReportStatus.CLEARED
    assert client.post(f"{base}/assemble/").status_code == 409
    assert client.patch(f"{base}/", {"title": "New"}, format="json").status_code == 400
    assert CouncilReport.objects.get().versions.count() == 2
    browser = Client()
    browser.force_login(planner)
    page = browser.get(f"/council-reports/{report['id']}/").content.decode()
    assert "cleared and frozen" in page and "/edit/" not in page  # no Edit button any more


def test_given_a_factor_of_another_assessment_then_a_finding_refuses_it(planner, crisis):
    other = make_crisis()
    tam = crisis.assessment.assessment_missions.get()
    answer = client_for(planner).post(
        "/api/assessment-findings/",
        {
            "assessment_mission": tam.pk,
            "area": "political",
            "finding": "F.",
            "factors": [other.assessment.factors.first().pk],
        },
        format="json",
    )
    assert answer.status_code == 400 and "factors" in answer.json()
    mine = crisis.assessment.factors.first().pk
    answer = client_for(planner).post(
        "/api/assessment-findings/",
        {"assessment_mission": tam.pk, "area": "political", "finding": "F.", "factors": [mine]},
        format="json",
    )
    assert answer.status_code == 201
