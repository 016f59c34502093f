"""Pages of issue 5: the principles dashboard, the use-of-force review queue, the record forms
and exports (Capstone §3.1, §2.3).

The dashboard shows what ``principles.dashboard`` computes (page and API agree); a user without
the confidential clearance gets an empty dashboard with a message and 404 on every record.
"""

from __future__ import annotations

import csv
import datetime
import io
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from tests.principles_support import clean_report, level, party, roe

from bluehelmet.core.models import Mission, OrgUnit
from bluehelmet.principles import actions as act
from bluehelmet.principles import models as m

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def days_ago(n: int) -> datetime.date:
    return timezone.now().date() - datetime.timedelta(days=n)


@pytest.fixture
def users(mission: Mission, other_mission: Mission, make_user: Any) -> dict[str, Any]:
    return {
        "hom": make_user("head-of-mission", mission),
        "staff": make_user("component-staff", mission),
        "liaison": make_user("partner-liaison", mission),
        "other": make_user("head-of-mission", other_mission),
    }


@pytest.fixture
def scenario(mission: Mission) -> dict[str, Any]:
    """Erosion in Ouaka by the Front; violations by the Front answered, the Army's not."""
    front = party(mission, "Front Populaire")
    army = party(mission, "National Army")
    for n in (2, 6, 10, 14):
        m.ConsentEvent.objects.create(
            mission=mission,
            party=front,
            admin1="Ouaka",
            kind=m.ConsentEventKind.FOM_RESTRICTION,
            occurred_on=days_ago(n),
        )
    m.ConsentEvent.objects.create(
        mission=mission,
        party=army,
        admin1="Bangui",
        kind=m.ConsentEventKind.COOPERATION,
        occurred_on=days_ago(3),
    )
    for n in range(3):
        v = m.Violation.objects.create(mission=mission, party=front, occurred_on=days_ago(20 + n))
        m.ViolationResponse.objects.create(
            mission=mission,
            violation=v,
            kind=m.ResponseKind.PUBLIC_STATEMENT,
            responded_on=days_ago(19),
        )
    for n in range(3):
        m.Violation.objects.create(mission=mission, party=army, occurred_on=days_ago(20 + n))
    profile = roe(mission)
    report = clean_report(profile, level=level(profile, 2), consent_impact_assessed=False)
    act.do_review_use_of_force_report(report, acting_user=None)
    threat = m.ProtectionThreat.objects.create(
        mission=mission,
        threatened="Displaced families at the Ouaka site",
        perpetrator=front,
        admin1="Ouaka",
        imminence=m.Imminence.IMMINENT,
        displaced_at_risk=True,
        identified_on=days_ago(2),
    )
    alert = m.ProtectionAlert.objects.create(
        mission=mission,
        threat=threat,
        source=m.AlertSource.COMMUNITY,
        received_at=timezone.now() - datetime.timedelta(hours=30),
        description="Armed men gathering near the displacement site",
    )
    return {"front": front, "army": army, "report": report, "alert": alert}


def url(mission: Mission) -> str:
    return f"/missions/{mission.code}/principles/"


# --- dashboard ---------------------------------------------------------------------------


def test_dashboard_shows_erosion_impartiality_force_and_protection(
    mission: Mission, users: dict[str, Any], scenario: dict[str, Any]
) -> None:
    response = client_for(users["hom"]).get(url(mission))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-flag="consent-withdrawal"' in html
    assert 'data-locality="Ouaka"' in html
    assert "De facto withdrawal of consent" in html and "Capstone §3.1" in html
    assert 'data-flag="impartiality-absent"' in html
    assert 'data-flag="impartiality-one-sided"' in html
    assert "Impartial, not neutral" in html
    assert 'data-trend="eroding"' in html
    assert 'data-rule="' in html and "/review-flags/queue/?mission=MINUSTEST" in html
    assert 'data-flag="poc-unanswered"' in html


def test_dashboard_agrees_with_the_api(
    mission: Mission, users: dict[str, Any], scenario: dict[str, Any]
) -> None:
    client = client_for(users["hom"])
    data = client.get(f"/api/missions/{mission.code}/principles/").json()
    html = client.get(url(mission)).content.decode()
    for w in data["consent"]["withdrawals"]:
        assert w["flags"][0]["explanation"] in html
    for p in data["impartiality"]["parties"]:
        for flag in p["flags"]:
            assert flag["explanation"] in html.replace("&#x27;", "'")


@pytest.mark.parametrize("role", ["staff", "liaison"])
def test_dashboard_empty_without_confidential_clearance(
    mission: Mission, users: dict[str, Any], scenario: dict[str, Any], role: str
) -> None:
    response = client_for(users[role]).get(url(mission))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="principles-restricted"' in html
    assert "not cleared for confidential records" in html
    assert "Front Populaire" not in html and "Ouaka" not in html


@pytest.mark.parametrize("role", ["staff", "liaison"])
def test_records_answer_404_without_clearance(
    mission: Mission, users: dict[str, Any], scenario: dict[str, Any], role: str
) -> None:
    client = client_for(users[role])
    report, alert = scenario["report"], scenario["alert"]
    flag = report.flags.first()
    for path in (
        f"/use-of-force-reports/{report.pk}/",
        f"/protection-alerts/{alert.pk}/",
        f"/protection-alerts/{alert.pk}/respond/",
        f"/review-flags/{flag.pk}/",
        f"/violations/{m.Violation.objects.first().pk}/",
        f"/consent-events/{m.ConsentEvent.objects.first().pk}/",
    ):
        assert client.get(path).status_code == 404, path
    listing = client.get("/use-of-force-reports/").content.decode()
    assert f"/use-of-force-reports/{report.pk}/" not in listing
    assert client.post(f"/review-flags/{flag.pk}/close/", {}).status_code == 404


def test_other_mission_dashboard_is_404(mission: Mission, users: dict[str, Any]) -> None:
    assert client_for(users["other"]).get(url(mission)).status_code == 404


def test_bad_as_of_date_is_a_400_with_message(mission: Mission, users: dict[str, Any]) -> None:
    response = client_for(users["hom"]).get(url(mission) + "?as_of=yesterday")
    assert response.status_code == 400
    assert "YYYY-MM-DD" in response.content.decode()


def test_mission_overview_warns_of_withdrawal(
    mission: Mission, users: dict[str, Any], scenario: dict[str, Any]
) -> None:
    html = client_for(users["hom"]).get(f"/missions/{mission.code}/").content.decode()
    assert 'id="consent-withdrawal-warning"' in html
    assert url(mission) in html
    staff_html = client_for(users["staff"]).get(f"/missions/{mission.code}/").content.decode()
    assert 'id="consent-withdrawal-warning"' not in staff_html


def test_navigation_has_principles_area(mission: Mission, users: dict[str, Any]) -> None:
    html = client_for(users["hom"]).get(url(mission)).content.decode()
    assert "Principles (§3.1)" in html


# --- review queue ------------------------------------------------------------------------


def test_review_queue_lists_and_closes_flags(
    mission: Mission, users: dict[str, Any], scenario: dict[str, Any]
) -> None:
    client = client_for(users["hom"])
    flag = scenario["report"].flags.filter(status=m.FlagStatus.OPEN).first()
    assert flag is not None
    html = client.get(f"/review-flags/queue/?mission={mission.code}").content.decode()
    assert flag.explanation in html.replace("&#x27;", "'") and flag.citation in html
    refused = client.post(f"/review-flags/{flag.pk}/close/", {"decision": "upheld", "reason": ""})
    assert refused.status_code == 400
    assert "reason" in refused.content.decode()
    flag.refresh_from_db()
    assert flag.status == m.FlagStatus.OPEN
    bad = client.post(f"/review-flags/{flag.pk}/close/", {"decision": "maybe", "reason": "x"})
    assert bad.status_code == 400
    done = client.post(
        f"/review-flags/{flag.pk}/close/",
        {"decision": "dismissed", "reason": "Authority was given by radio", "next": "/x/"},
    )
    assert done.status_code == 302
    flag.refresh_from_db()
    assert flag.status == m.FlagStatus.DISMISSED
    assert flag.decided_by == users["hom"]
    again = client.post(f"/review-flags/{flag.pk}/close/", {"decision": "upheld", "reason": "y"})
    assert again.status_code == 409  # wrong state: one mapping for pages and API
    assert "already closed" in again.content.decode()


def test_review_queue_is_empty_for_uncleared(
    mission: Mission, users: dict[str, Any], scenario: dict[str, Any]
) -> None:
    html = client_for(users["staff"]).get("/review-flags/queue/").content.decode()
    assert "No open flags to review." in html


# --- forms -------------------------------------------------------------------------------


def test_record_alert_response(
    mission: Mission, users: dict[str, Any], scenario: dict[str, Any]
) -> None:
    client = client_for(users["hom"])
    alert = scenario["alert"]
    page = client.get(f"/protection-alerts/{alert.pk}/").content.decode()
    assert f"/protection-alerts/{alert.pk}/respond/" in page
    early = (alert.received_at - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    refused = client.post(
        f"/protection-alerts/{alert.pk}/respond/",
        {"response_kind": "patrol", "responded_at": early},
    )
    assert refused.status_code == 400
    assert "dated before the alert" in refused.content.decode()
    assert (
        client.post(
            f"/protection-alerts/{alert.pk}/respond/", {"response_kind": "nonsense"}
        ).status_code
        == 400
    )
    done = client.post(f"/protection-alerts/{alert.pk}/respond/", {"response_kind": "patrol"})
    assert done.status_code == 302
    alert.refresh_from_db()
    assert alert.response_kind == "patrol" and alert.responded_at is not None


def test_consent_event_form(mission: Mission, users: dict[str, Any]) -> None:
    client = client_for(users["hom"])
    front = party(mission, "Front Populaire")
    data = {
        "mission": mission.code,
        "party": front.pk,
        "kind": m.ConsentEventKind.DENIAL_OF_ACCESS,
        "occurred_on": "2025-05-01",
        "weight": 2,
        "sensitivity": 1,
    }
    missing = client.post("/consent-events/add/", data)
    assert missing.status_code == 400
    assert "Give the locality" in missing.content.decode()
    low = client.post("/consent-events/add/", {**data, "admin1": "Ouaka", "sensitivity": 0})
    assert low.status_code == 400
    assert client.post("/consent-events/add/", {**data, "admin1": "Ouaka"}).status_code == 302
    assert m.ConsentEvent.objects.filter(admin1="Ouaka").count() == 1


def test_use_of_force_report_form_runs_review(mission: Mission, users: dict[str, Any]) -> None:
    client = client_for(users["hom"])
    profile = roe(mission)
    assert client.get("/use-of-force-reports/add/").status_code == 200
    data = {
        "mission": mission.code,
        "occurred_at": "2025-05-01T10:00",
        "threat_faced": "Stone throwing at a checkpoint",
        "org_unit": OrgUnit.objects.get(mission=mission).pk,
        "level": level(profile, 1).pk,
        "basis": m.ForceBasis.SELF_DEFENCE,
        "detentions": 0,
        "sensitivity": 1,
    }
    response = client.post("/use-of-force-reports/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    report = m.UseOfForceReport.objects.get(threat_faced__startswith="Stone")
    assert report.flags.filter(status=m.FlagStatus.OPEN).exists()
    detail = client.get(response["Location"]).content.decode()
    assert "Review flags" in detail
    assert client.post("/use-of-force-reports/add/", {**data, "basis": ""}).status_code == 400


def test_violation_and_response_forms(mission: Mission, users: dict[str, Any]) -> None:
    client = client_for(users["hom"])
    army = party(mission, "National Army")
    base = {"mission": mission.code, "party": army.pk, "sensitivity": 1}
    assert client.post("/violations/add/", {**base, "occurred_on": "2025-05-02"}).status_code == 302
    violation = m.Violation.objects.get()
    response = {
        "mission": mission.code,
        "violation": violation.pk,
        "kind": m.ResponseKind.DEMARCHE,
        "sensitivity": 1,
    }
    early = client.post("/violation-responses/add/", {**response, "responded_on": "2025-05-01"})
    assert early.status_code == 400
    assert "before the violation" in early.content.decode()
    ok = client.post("/violation-responses/add/", {**response, "responded_on": "2025-05-03"})
    assert ok.status_code == 302
    assert "Démarche" in client.get(f"/violations/{violation.pk}/").content.decode()


def test_staff_cannot_file_confidential_records(mission: Mission, users: dict[str, Any]) -> None:
    """Component staff may add records but only unclassified ones: these forms refuse them."""
    client = client_for(users["staff"])
    front = party(mission, "Front Populaire")
    data = {
        "mission": mission.code,
        "party": front.pk,
        "admin1": "Ouaka",
        "kind": m.ConsentEventKind.COOPERATION,
        "occurred_on": "2025-05-01",
        "weight": 1,
    }
    for sensitivity in (0, 1):
        response = client.post("/consent-events/add/", {**data, "sensitivity": sensitivity})
        assert response.status_code == 400
    assert not m.ConsentEvent.objects.exists()


# --- lists and exports -------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/use-of-force-reports/",
        "/protection-alerts/",
        "/consent-events/",
        "/violations/",
        "/violation-responses/",
        "/review-flags/",
        "/parties/",
        "/protection-threats/",
    ],
)
def test_lists_and_csv_exports(
    mission: Mission, users: dict[str, Any], scenario: dict[str, Any], path: str
) -> None:
    client = client_for(users["hom"])
    assert client.get(f"{path}?mission={mission.code}").status_code == 200
    response = client.get(f"{path}?mission={mission.code}&export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows) >= 2
    staff = client_for(users["staff"]).get(f"{path}?mission={mission.code}&export=csv")
    assert len(list(csv.reader(io.StringIO(staff.content.decode())))) == 1


def test_party_and_threat_forms(mission: Mission, users: dict[str, Any]) -> None:
    client = client_for(users["hom"])
    base = {"mission": mission.code, "sensitivity": 1}
    assert client.post("/parties/add/", {**base, "kind": "party"}).status_code == 400
    assert (
        client.post("/parties/add/", {**base, "name": "Front", "kind": "party"}).status_code == 302
    )
    front = m.Party.objects.get(name="Front")
    threat = {
        **base,
        "threatened": "Market traders",
        "perpetrator": front.pk,
        "imminence": m.Imminence.IMMINENT,
        "identified_on": "2025-05-01",
    }
    nowhere = client.post("/protection-threats/add/", threat)
    assert nowhere.status_code == 400
    assert "Say where" in nowhere.content.decode()
    done = client.post("/protection-threats/add/", {**threat, "place": "Bambari market"})
    assert done.status_code == 302
    page = client.get(f"/parties/{front.pk}/").content.decode()
    assert "Front" in page
