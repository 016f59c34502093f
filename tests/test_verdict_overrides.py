"""Every verdict can be overridden with a recorded reason (issue 11): the consent,
impartiality and protection-of-civilians flags the rules compute on the fly (Capstone §3.1,
§2.3). The decision is kept with who, when and why, shown beside the verdict (never hiding it),
and a dismissed withdrawal of consent leaves the overview's warning, which counts it.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient
from tests.principles_support import party

from bluehelmet.core.models import AuditAction, AuditEntry, Mission
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.principles import models as m

pytestmark = pytest.mark.django_db

RULES = ["consent-withdrawal", "impartiality-absent", "poc-unanswered"]


def api(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def page(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def days_ago(n: int) -> datetime.date:
    return timezone.now().date() - datetime.timedelta(days=n)


@pytest.fixture
def scenario(mission: Mission) -> dict[str, Any]:
    """A withdrawal of consent in Ouaka, unanswered violations by the Army, a late alert."""
    front, army = party(mission, "Front"), party(mission, "Army")
    for n in (2, 5, 8):
        m.ConsentEvent.objects.create(
            mission=mission,
            party=front,
            admin1="Ouaka",
            kind=m.ConsentEventKind.FOM_RESTRICTION,
            occurred_on=days_ago(n),
        )
    for _n in range(2):
        m.Violation.objects.create(mission=mission, party=army, occurred_on=days_ago(10))
    alert = m.ProtectionAlert.objects.create(
        mission=mission,
        source=m.AlertSource.COMMUNITY,
        received_at=timezone.now() - datetime.timedelta(hours=30),
        description="Armed men near the site",
    )
    return {"front": front, "army": army, "alert": alert}


@pytest.fixture
def hom(mission: Mission, make_user: Any) -> Any:
    return make_user("head-of-mission", mission)


def summary(mission: Mission, user: Any) -> dict[str, Any]:
    return api(user).get(f"/api/missions/{mission.code}/principles/").json()


def verdicts(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every computed flag of the summary, by rule code."""
    flags = [f for w in data["consent"]["withdrawals"] for f in w["flags"]]
    flags += [f for p in data["impartiality"]["parties"] for f in p["flags"]]
    flags += data["protection"]["flags"]
    return {f["code"]: f for f in flags}


def override(mission: Mission, user: Any, flag: dict[str, Any], **body: Any) -> Any:
    payload = {"rule": flag["code"], "subject": flag["subject"], "decision": "dismissed", **body}
    url = f"/api/missions/{mission.code}/principles/overrides/"
    return api(user).post(url, payload, format="json")


@pytest.mark.parametrize("rule", RULES)
def test_when_a_reviewer_overrides_a_verdict_then_one_audit_entry_and_it_shows_the_reason(
    mission: Mission, hom: Any, scenario: dict[str, Any], rule: str
) -> None:
    flag = verdicts(summary(mission, hom))[rule]
    assert flag["override"] is None
    before = AuditEntry.objects.count()
    response = override(mission, hom, flag, reason="Verified with the sector: a misreport")
    assert response.status_code == 201, response.content
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.first()
    assert entry is not None and entry.action == AuditAction.ACTION
    assert entry.verb == "override_verdict" and entry.after["reason"].startswith("Verified")
    shown = verdicts(summary(mission, hom))[rule]  # still shown, now marked
    assert shown["override"]["decision"] == "dismissed"
    assert shown["override"]["reason"] == "Verified with the sector: a misreport"
    assert shown["override"]["decided_by"] == hom.username and shown["override"]["decided_at"]
    html = page(hom).get(f"/missions/{mission.code}/principles/").content.decode()
    assert f'data-flag="{rule}"' in html
    assert "Overridden: dismissed" in html and "Verified with the sector: a misreport" in html


@pytest.mark.parametrize("rule", RULES)
def test_given_no_reason_when_overriding_then_400_and_nothing_recorded(
    mission: Mission, hom: Any, scenario: dict[str, Any], rule: str
) -> None:
    flag = verdicts(summary(mission, hom))[rule]
    response = override(mission, hom, flag, reason="  ")
    assert response.status_code == 400 and "reason" in response.json()["detail"]
    assert not m.VerdictOverride.objects.exists()


@pytest.mark.parametrize("rule", RULES)
def test_given_a_role_without_change_rights_when_overriding_then_403(
    mission: Mission, hom: Any, make_user: Any, scenario: dict[str, Any], rule: str
) -> None:
    flag = verdicts(summary(mission, hom))[rule]
    staff = make_user("component-staff", mission)
    response = override(mission, staff, flag, reason="Not my call")
    assert response.status_code == 403
    assert not m.VerdictOverride.objects.exists()
    assert summary(mission, staff)["can_override"] is False
    assert summary(mission, hom)["override_endpoint"].endswith("/principles/overrides/")


def test_given_a_dismissed_withdrawal_then_the_overview_leaves_it_out_and_counts_it(
    mission: Mission, hom: Any, scenario: dict[str, Any]
) -> None:
    overview = f"/missions/{mission.code}/"
    assert 'id="consent-withdrawal-warning"' in page(hom).get(overview).content.decode()
    flag = verdicts(summary(mission, hom))["consent-withdrawal"]
    assert override(mission, hom, flag, reason="Agreed restriction zone").status_code == 201
    html = page(hom).get(overview).content.decode()
    assert 'id="consent-withdrawal-warning"' not in html
    assert "1 de facto withdrawal of consent dismissed by a reviewer" in html
    assert summary(mission, hom)["consent"]["dismissed"] == 1


def test_given_an_accepted_withdrawal_then_the_overview_still_warns(
    mission: Mission, hom: Any, scenario: dict[str, Any]
) -> None:
    flag = verdicts(summary(mission, hom))["consent-withdrawal"]
    assert override(mission, hom, flag, decision="accepted", reason="Confirmed").status_code == 201
    html = page(hom).get(f"/missions/{mission.code}/").content.decode()
    assert 'id="consent-withdrawal-warning"' in html and "Confirmed" in html


def test_when_deciding_from_the_dashboard_form_then_it_is_recorded_and_shown(
    mission: Mission, hom: Any, scenario: dict[str, Any]
) -> None:
    client = page(hom)
    url = f"/missions/{mission.code}/principles/"
    html = client.get(url).content.decode()
    assert "/principles/override/" in html  # the form is offered to a role that may decide
    flag = verdicts(summary(mission, hom))["impartiality-absent"]
    response = client.post(
        f"{url}override/",
        {
            "rule": flag["code"],
            "subject": flag["subject"],
            "decision": "accepted",
            "reason": "Demarche owed",
            "next": url,
        },
    )
    assert response.status_code == 302 and response["Location"] == url
    assert "Overridden: accepted" in client.get(url).content.decode()
    refused = client.post(
        f"{url}override/",
        {"rule": flag["code"], "subject": flag["subject"], "decision": "accepted", "reason": ""},
    )
    assert refused.status_code == 400


def test_given_a_strictly_confidential_alert_then_the_decision_is_kept_at_its_class(
    mission: Mission, hom: Any, make_user: Any, scenario: dict[str, Any]
) -> None:
    alert = scenario["alert"]
    alert.sensitivity = Sensitivity.STRICTLY_CONFIDENTIAL
    alert.save()
    flag = {"code": "poc-unanswered", "subject": f"alert:{alert.pk}"}
    analyst = make_user("jmac-analyst", mission)  # confidential: may not reach the alert
    assert override(mission, analyst, flag, reason="Seen").status_code == 404
    assert override(mission, hom, flag, reason="Handled by the JOC").status_code == 201
    assert m.VerdictOverride.objects.get().sensitivity == Sensitivity.STRICTLY_CONFIDENTIAL


def test_given_a_malformed_subject_or_rule_then_400(
    mission: Mission, hom: Any, scenario: dict[str, Any]
) -> None:
    bad = {"code": "poc-unanswered", "subject": "party:1"}
    assert override(mission, hom, bad, reason="x").status_code == 400
    unknown = {"code": "uof-authority", "subject": "alert:1"}
    assert override(mission, hom, unknown, reason="x").status_code == 400
