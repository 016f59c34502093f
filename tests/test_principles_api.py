"""Principles API: scoping, clear 400s, review on filing, the dashboard summary (§3.1, §2.3)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient
from tests.principles_support import D, at, clean_report, level, party, roe

from bluehelmet.core.models import OrgUnit
from bluehelmet.principles import models as m
from bluehelmet.principles.actions import do_review_use_of_force_report

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "roe-profiles",
    "force-levels",
    "use-of-force-reports",
    "review-flags",
    "parties",
    "consent-events",
    "consent-assessments",
    "violations",
    "violation-responses",
    "protection-threats",
    "protection-alerts",
]


def client(user):
    c = APIClient()
    c.force_authenticate(user)
    return c


@pytest.fixture
def records(mission):
    """One record of every kind in the mission."""
    profile = roe(mission)
    report = clean_report(profile, proportionality="")
    do_review_use_of_force_report(report, acting_user=None)
    fpr = party(mission, "FPR")
    m.ConsentEvent.objects.create(
        mission=mission, party=fpr, admin1="Ouaka", kind="cooperation", occurred_on=D(2025, 6, 1)
    )
    violation = m.Violation.objects.create(mission=mission, party=fpr, occurred_on=D(2025, 6, 1))
    m.ViolationResponse.objects.create(
        mission=mission, violation=violation, kind="demarche", responded_on=D(2025, 6, 2)
    )
    threat = m.ProtectionThreat.objects.create(
        mission=mission,
        threatened="Villagers",
        imminence="likely",
        place="Kaga",
        identified_on=D(2025, 6, 1),
    )
    m.ProtectionAlert.objects.create(
        mission=mission,
        threat=threat,
        source="community",
        received_at=at(2025, 6, 1),
        description="Shots heard",
    )
    m.ConsentAssessment.objects.create(
        mission=mission,
        party=fpr,
        locality="Ouaka",
        as_of=D(2025, 6, 2),
        window_days=30,
        score=1,
        restrictions=0,
        cooperation=1,
    )
    return {"profile": profile, "report": report}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_given_an_unclassified_user_then_every_list_is_empty_and_every_detail_404(
    endpoint, records, make_user, mission
):
    staff = client(make_user("component-staff", mission))
    officer = client(make_user("joc-officer", mission))
    listed = officer.get(f"/api/{endpoint}/?mission={mission.code}").json()["results"]
    assert listed, endpoint
    assert staff.get(f"/api/{endpoint}/").json()["results"] == []
    assert staff.get(f"/api/{endpoint}/{listed[0]['id']}/").status_code == 404


def test_given_a_user_of_another_mission_then_nothing_is_listed(records, make_user, other_mission):
    api = client(make_user("joc-officer", other_mission))
    for endpoint in ENDPOINTS:
        assert api.get(f"/api/{endpoint}/").json()["results"] == [], endpoint


def test_given_an_unclassified_user_then_the_summary_is_empty(records, make_user, mission):
    data = (
        client(make_user("component-staff", mission))
        .get(f"/api/missions/{mission.code}/principles/")
        .json()
    )
    assert data["consent"]["readings"] == [] and data["review_flags"] == []
    assert data["impartiality"]["parties"] == [] and data["protection"]["alerts"] == 0


def report_body(mission, profile, **fields):
    body = {
        "mission": mission.code,
        "sensitivity": 1,
        "org_unit": OrgUnit.objects.filter(mission=mission).first().pk,
        "occurred_at": "2025-05-01T12:00:00Z",
        "threat_faced": "Roadblock by armed men",
        "threat_imminent": False,
        "persuasion_tried": False,
        "level": level(profile, 2).pk,
        "basis": "defence_of_mandate",
        "proportionality": "",
        "civilian_harm_assessed": True,
        "consent_impact_assessed": True,
    }
    body.update(fields)
    return body


def test_when_filing_a_report_then_it_is_reviewed_and_flags_explained(mission, make_user):
    profile = roe(mission)
    api = client(make_user("joc-officer", mission))
    response = api.post("/api/use-of-force-reports/", report_body(mission, profile), format="json")
    assert response.status_code == 201, response.json()
    flags = {f["code"]: f for f in response.json()["flags"]}
    assert set(flags) == {"uof-authority", "uof-persuasion", "uof-proportionality"}
    assert all("§3.1" in f["explanation"] for f in flags.values())


def test_given_bad_report_input_then_400_with_clear_messages(mission, make_user):
    profile = roe(mission)
    api = client(make_user("joc-officer", mission))
    body = report_body(
        mission, profile, sensitivity=0, org_unit=None, persuasion_tried=True, basis="revenge"
    )
    response = api.post("/api/use-of-force-reports/", body, format="json")
    assert response.status_code == 400
    errors = response.json()
    assert "basis" in errors
    body["basis"] = "self_defence"
    errors = api.post("/api/use-of-force-reports/", body, format="json").json()
    assert "confidential" in str(errors["sensitivity"])
    assert "persuasion" in errors and "contingent" in errors


def test_given_an_unclassified_alert_then_400(mission, make_user):
    api = client(make_user("joc-officer", mission))
    body = {
        "mission": mission.code,
        "sensitivity": 0,
        "source": "community",
        "received_at": "2025-06-01T08:00:00Z",
        "description": "Shots",
        "responded_at": "2025-06-01T07:00:00Z",
    }
    errors = api.post("/api/protection-alerts/", body, format="json").json()
    assert "sensitivity" in errors
    body["sensitivity"] = 1
    errors = api.post("/api/protection-alerts/", body, format="json").json()
    assert "response_kind" in errors and "responded_at" in errors


def test_closing_a_flag_through_the_api_requires_a_reason(records, make_user, mission):
    api = client(make_user("joc-officer", mission))
    flag = m.ReviewFlag.objects.get()
    url = f"/api/review-flags/{flag.pk}/close/"
    response = api.post(url, {"decision": "dismissed", "reason": ""}, format="json")
    assert response.status_code == 400 and "reason" in response.json()
    assert api.post(url, {"decision": "later", "reason": "x"}, format="json").status_code == 400
    response = api.post(url, {"decision": "dismissed", "reason": "Stated orally"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "dismissed"
    again = api.post(url, {"decision": "upheld", "reason": "x"}, format="json")
    assert again.status_code == 409


def test_given_an_unclassified_user_then_closing_a_flag_is_404(records, make_user, mission):
    flag = m.ReviewFlag.objects.get()
    api = client(make_user("component-staff", mission))
    response = api.post(
        f"/api/review-flags/{flag.pk}/close/", {"decision": "upheld", "reason": "x"}, format="json"
    )
    assert response.status_code == 404


def test_responding_to_an_alert_through_the_api(records, make_user, mission):
    api = client(make_user("joc-officer", mission))
    alert = m.ProtectionAlert.objects.get()
    url = f"/api/protection-alerts/{alert.pk}/respond/"
    assert api.post(url, {"response_kind": "dance"}, format="json").status_code == 400
    response = api.post(
        url,
        {"response_kind": "patrol", "responded_at": "2025-06-01T15:00:00Z"},
        format="json",
    )
    assert response.status_code == 200 and response.json()["response_hours"] == 3.0


def test_the_summary_shows_erosion_uneven_responses_and_open_flags(mission, make_user):
    fpr, gov = party(mission, "FPR"), party(mission, "Government")
    for day in (2, 9, 20):
        m.ConsentEvent.objects.create(
            mission=mission,
            party=fpr,
            admin1="Ouaka",
            kind="fom_restriction",
            occurred_on=D(2025, 6, day),
        )
    for p, kinds in ((fpr, ["demarche"]), (gov, [])):
        v = m.Violation.objects.create(mission=mission, party=p, occurred_on=D(2025, 6, 1))
        for kind in kinds:
            m.ViolationResponse.objects.create(
                mission=mission, violation=v, kind=kind, responded_on=D(2025, 6, 2)
            )
    report = clean_report(roe(mission), consent_impact_assessed=False)
    do_review_use_of_force_report(report, acting_user=None)
    api = client(make_user("head-of-mission", mission))
    data = api.get(f"/api/missions/{mission.code.lower()}/principles/?as_of=2025-06-25").json()
    (withdrawal,) = data["consent"]["withdrawals"]
    assert withdrawal["party"] == "FPR" and withdrawal["locality"] == "Ouaka"
    parties = {p["party"]: p for p in data["impartiality"]["parties"]}
    assert parties["FPR"]["flags"] == [] and parties["Government"]["flags"]
    assert [f["code"] for f in data["review_flags"]] == ["uof-consent-impact"]
    bad = api.get(f"/api/missions/{mission.code}/principles/?as_of=June")
    assert bad.status_code == 400 and "as_of" in bad.json()


def test_assessing_consent_through_the_api(mission, make_user):
    fpr = party(mission, "FPR")
    for day in (2, 9, 20):
        m.ConsentEvent.objects.create(
            mission=mission,
            party=fpr,
            admin1="Ouaka",
            kind="denial_of_access",
            occurred_on=D(2025, 6, day),
        )
    api = client(make_user("jmac-analyst", mission))
    response = api.post(
        "/api/consent-events/assess/",
        {"mission": mission.code, "as_of": "2025-06-25"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()[0]["withdrawal_flagged"] is True
    bad = api.post("/api/consent-events/assess/", {"mission": mission.code, "window_days": 0})
    assert bad.status_code == 400 and "window_days" in bad.json()


def test_roe_profile_lists_levels_and_force_levels_take_the_profile_mission(mission, make_user):
    profile = roe(mission)
    api = client(make_user("joc-officer", mission))
    data = api.get(f"/api/roe-profiles/{profile.pk}/").json()
    assert [lv["order"] for lv in data["levels"]] == [1, 2, 3]
    assert data["all_necessary_means"] is False
    response = api.post(
        "/api/force-levels/",
        {"profile": profile.pk, "order": 4, "name": "Cordon and search", "authority": 4},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["mission"] == mission.code
    dup = api.post(
        "/api/force-levels/", {"profile": profile.pk, "order": 4, "name": "x"}, format="json"
    )
    assert dup.status_code == 400
