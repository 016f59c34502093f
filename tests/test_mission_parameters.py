"""Mission parameters (issue 11, "thresholds are bluehelmet's, not the doctrine's").

The counts, hours and days the rules judge by are the mission's setting with defaults, set by
Headquarters with a reason and an audit entry; each verdict says which part is the doctrine
(Capstone §3.1, §2.3, §4.3) and which the mission's setting.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient
from tests.principles_support import party

from bluehelmet.core.actions import do_set_mission_parameter
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import AuditAction, AuditEntry, Mission
from bluehelmet.core.parameters import parameter
from bluehelmet.mandates.consultations import open_consultation
from bluehelmet.mandates.models import ConsultationTrigger
from bluehelmet.principles import models as m

pytestmark = pytest.mark.django_db

REGISTERED = {
    "consent-min-restrictions": 3,
    "consent-window-days": 30,
    "impartiality-gap-points": 50,
    "poc-imminent-response-hours": 4,
    "poc-response-hours": 24,
    "consultation-due-serious_development": 7,
    "consultation-due-mandate_change": 0,
}


def api(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def page(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def endpoint(mission: Mission) -> str:
    return f"/api/missions/{mission.code}/parameters/"


def days_ago(n: int) -> datetime.date:
    return timezone.now().date() - datetime.timedelta(days=n)


def set_(mission: Mission, key: str, value: int) -> None:
    do_set_mission_parameter(mission, key, value, acting_user=None, reason="Test setting")


# --- the catalogue and the lookup ----------------------------------------------------------


def test_given_no_setting_when_listing_then_every_parameter_shows_its_default(
    mission: Mission, make_user: Any
) -> None:
    response = api(make_user("component-staff", mission)).get(endpoint(mission))
    assert response.status_code == 200
    data = response.json()
    by_key = {p["key"]: p for p in data["parameters"]}
    for key, default in REGISTERED.items():
        assert by_key[key]["value"] == by_key[key]["default"] == default
        assert by_key[key]["changed"] is False
        assert parameter(mission, key) == default
    assert data["can_change"] is False
    consent = by_key["consent-min-restrictions"]
    assert consent["serves"] == "Capstone §3.1" and "not a count" in consent["note"]


def test_given_another_missions_setting_then_this_mission_keeps_the_default(
    mission: Mission, other_mission: Mission
) -> None:
    set_(other_mission, "consent-min-restrictions", 5)
    assert parameter(mission, "consent-min-restrictions") == 3
    assert parameter(other_mission, "consent-min-restrictions") == 5


# --- setting one: HQ only, in range, with a reason, one audit entry ----------------------


def test_when_hq_sets_a_parameter_then_it_is_stored_with_reason_and_one_audit_entry(
    mission: Mission, make_user: Any
) -> None:
    planner = make_user("hq-planner")
    before = AuditEntry.objects.count()
    response = api(planner).post(
        endpoint(mission),
        {"key": "consent-min-restrictions", "value": 5, "reason": "Checkpoints are routine"},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["value"] == 5 and response.json()["changed"] is True
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.first()
    assert entry is not None and entry.action == AuditAction.ACTION
    assert entry.verb == "set_mission_parameter" and entry.mission_code == mission.code
    assert entry.before == {"value": 3, "reason": ""}
    assert entry.after == {"value": 5, "reason": "Checkpoints are routine"}
    listed = {p["key"]: p for p in api(planner).get(endpoint(mission)).json()["parameters"]}
    shown = listed["consent-min-restrictions"]
    assert shown["reason"] == "Checkpoints are routine"
    assert shown["changed_by"] == planner.username and shown["default"] == 3


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"key": "consent-min-restrictions", "value": 5, "reason": " "}, "reason"),
        ({"key": "consent-min-restrictions", "value": 0, "reason": "x"}, "between 1 and"),
        ({"key": "consent-window-days", "value": 400, "reason": "x"}, "between 1 and 365"),
        ({"key": "no-such-thing", "value": 1, "reason": "x"}, "no parameter"),
    ],
)
def test_given_bad_input_when_setting_then_400_with_the_reason_and_nothing_stored(
    mission: Mission, make_user: Any, body: dict[str, Any], words: str
) -> None:
    response = api(make_user("hq-admin")).post(endpoint(mission), body, format="json")
    assert response.status_code == 400
    assert words in response.json()["detail"]
    assert not mission.parameters.exists()


@pytest.mark.parametrize(
    ("role", "in_mission"), [("head-of-mission", True), ("hq-oversight", False)]
)
def test_given_a_mission_role_or_hq_without_change_when_setting_then_403(
    mission: Mission, make_user: Any, role: str, in_mission: bool
) -> None:
    user = make_user(role, mission if in_mission else None)
    body = {"key": "consent-min-restrictions", "value": 5, "reason": "Local view"}
    response = api(user).post(endpoint(mission), body, format="json")
    assert response.status_code == 403
    assert not mission.parameters.exists()
    with pytest.raises(ActionError):
        do_set_mission_parameter(mission, "poc-response-hours", 12, acting_user=user, reason="r")


def test_given_a_mission_out_of_reach_then_its_parameters_answer_404(
    mission: Mission, other_mission: Mission, make_user: Any
) -> None:
    outsider = make_user("head-of-mission", other_mission)
    assert api(outsider).get(endpoint(mission)).status_code == 404


# --- the page ------------------------------------------------------------------------------


def test_given_hq_when_opening_the_page_then_each_parameter_has_a_form_and_saving_works(
    mission: Mission, make_user: Any
) -> None:
    client = page(make_user("hq-admin"))
    url = f"/missions/{mission.code}/parameters/"
    html = client.get(url).content.decode()
    assert 'data-key="poc-response-hours"' in html and 'name="reason"' in html
    assert "Capstone §4.3" in html
    response = client.post(url, {"key": "poc-response-hours", "value": "12", "reason": "Roads"})
    assert response.status_code == 302
    assert parameter(mission, "poc-response-hours") == 12
    html = client.get(url).content.decode()
    assert "Roads" in html and "changed" in html


def test_given_a_mission_user_then_the_page_lists_parameters_without_forms(
    mission: Mission, make_user: Any
) -> None:
    client = page(make_user("head-of-mission", mission))
    html = client.get(f"/missions/{mission.code}/parameters/").content.decode()
    assert 'data-key="consent-window-days"' in html and 'name="reason"' not in html
    response = client.post(
        f"/missions/{mission.code}/parameters/",
        {"key": "poc-response-hours", "value": "12", "reason": "Roads"},
    )
    assert response.status_code == 403 and "Headquarters" in response.content.decode()
    overview = client.get(f"/missions/{mission.code}/").content.decode()
    assert f"/missions/{mission.code}/parameters/" in overview


def test_given_no_reason_on_the_page_then_400_and_nothing_saved(
    mission: Mission, make_user: Any
) -> None:
    response = page(make_user("hq-admin")).post(
        f"/missions/{mission.code}/parameters/",
        {"key": "poc-response-hours", "value": "12", "reason": ""},
    )
    assert response.status_code == 400 and "reason" in response.content.decode()
    assert parameter(mission, "poc-response-hours") == 24


# --- the rules read the mission's value and say which part is whose ------------------------


def restrictions(mission: Mission, n: int) -> None:
    front = party(mission, "Front")
    for k in range(n):
        m.ConsentEvent.objects.create(
            mission=mission,
            party=front,
            admin1="Ouaka",
            kind=m.ConsentEventKind.FOM_RESTRICTION,
            occurred_on=days_ago(2 + 3 * k),
        )


def summary(mission: Mission, user: Any) -> dict[str, Any]:
    return api(user).get(f"/api/missions/{mission.code}/principles/").json()


def test_given_the_default_then_the_consent_verdict_names_doctrine_and_setting(
    mission: Mission, make_user: Any
) -> None:
    restrictions(mission, 3)
    (withdrawal,) = summary(mission, make_user("hq-admin"))["consent"]["withdrawals"]
    flag = withdrawal["flags"][0]
    assert "Capstone §3.1" in flag["doctrine"] and "withdrawn its consent" in flag["doctrine"]
    assert "counts 3 restrictions in 30 days" in flag["setting"]
    assert "default 3 in 30" in flag["setting"]
    assert flag["doctrine"] in flag["explanation"] and flag["setting"] in flag["explanation"]


def test_given_a_stricter_count_then_two_restrictions_are_a_withdrawal(
    mission: Mission, make_user: Any
) -> None:
    restrictions(mission, 2)
    hq = make_user("hq-admin")
    assert summary(mission, hq)["consent"]["withdrawals"] == []
    set_(mission, "consent-min-restrictions", 2)
    data = summary(mission, hq)["consent"]
    assert data["min_restrictions"] == 2
    flag = data["withdrawals"][0]["flags"][0]
    assert "counts 2 restrictions in 30 days" in flag["setting"]
    assert "default 3 in 30" in flag["setting"]
    html = page(hq).get(f"/missions/{mission.code}/").content.decode()
    assert "De facto withdrawal of consent" in html


def violations(mission: Mission, name: str, total: int, answered: int) -> None:
    p = party(mission, name)
    for k in range(total):
        v = m.Violation.objects.create(mission=mission, party=p, occurred_on=days_ago(5))
        if k < answered:
            m.ViolationResponse.objects.create(
                mission=mission,
                violation=v,
                kind=m.ResponseKind.PUBLIC_STATEMENT,
                responded_on=days_ago(4),
            )


def test_given_a_wider_gap_setting_then_a_50_point_gap_is_not_one_sided(
    mission: Mission, make_user: Any
) -> None:
    violations(mission, "Army", 2, 1)
    violations(mission, "Front", 2, 2)
    hq = make_user("hq-admin")
    army = {p["party"]: p for p in summary(mission, hq)["impartiality"]["parties"]}["Army"]
    (flag,) = army["flags"]
    assert flag["code"] == "impartiality-one-sided"
    assert "gap of 50 percentage points" in flag["setting"] and "§3.1" in flag["doctrine"]
    set_(mission, "impartiality-gap-points", 60)
    army = {p["party"]: p for p in summary(mission, hq)["impartiality"]["parties"]}["Army"]
    assert army["flags"] == []


def test_given_a_shorter_response_time_then_a_ten_hour_old_alert_is_flagged(
    mission: Mission, make_user: Any
) -> None:
    m.ProtectionAlert.objects.create(
        mission=mission,
        source=m.AlertSource.COMMUNITY,
        received_at=timezone.now() - datetime.timedelta(hours=10),
        description="Armed men near the site",
    )
    hq = make_user("hq-admin")
    assert summary(mission, hq)["protection"]["flags"] == []
    set_(mission, "poc-response-hours", 6)
    (flag,) = summary(mission, hq)["protection"]["flags"]
    assert flag["code"] == "poc-unanswered" and "(allowed: 6)" in flag["explanation"]
    assert "24 h otherwise" not in flag["setting"] and "6 h otherwise" in flag["setting"]
    assert "default 4 h / 24 h" in flag["setting"] and "sets no hours" in flag["doctrine"]


def test_given_a_due_date_setting_then_consultations_fall_due_by_it_and_say_so(
    mission: Mission, make_user: Any
) -> None:
    set_(mission, "consultation-due-serious_development", 2)
    on = datetime.date(2025, 7, 1)
    consultation = open_consultation(
        mission, ConsultationTrigger.SERIOUS_DEVELOPMENT, on, "Withdrawal of consent"
    )
    assert consultation.due_on == datetime.date(2025, 7, 3)
    html = page(make_user("hq-admin")).get(f"/consultations/{consultation.pk}/").content.decode()
    assert "Capstone §4.3" in html and "within 2 days of the trigger" in html
    assert "default 7" in html and "sets no deadline" in html
