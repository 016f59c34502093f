"""Human rights cases (issue 17; Capstone §1.2, §2.4, §7.2): strictly confidential by default,
victims' identities on the case page alone, reads logged, nothing shown to a role without the
clearance (pages, CSV, API, search), and sexual violence counted outside the human rights unit
only as aggregates with small counts suppressed."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from tests.pages_support import client_for
from tests.programmes_support import case

from bluehelmet.core.models import AuditEntry
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.programmes import models as m

pytestmark = pytest.mark.django_db

NAME = "Amina Kolo"
LIST = "/programmes/human-rights-cases/"


def test_a_case_naming_victims_cannot_be_kept_below_strictly_confidential(mission: Any) -> None:
    found = case(mission)
    assert found.sensitivity == Sensitivity.STRICTLY_CONFIDENTIAL
    found.sensitivity = Sensitivity.CONFIDENTIAL
    with pytest.raises(ValidationError, match="strictly confidential"):
        found.full_clean()
    found.victim_identities = ""
    found.full_clean()  # no name, not sexual violence: a lower class is allowed
    found.violation_type = m.ViolationType.SEXUAL_VIOLENCE
    with pytest.raises(ValidationError):
        found.full_clean()


def test_a_role_without_clearance_sees_nothing_of_a_case(mission: Any, make_user: Any) -> None:
    found = case(mission)
    web = client_for(make_user("jmac-analyst", mission))  # confidential clearance only
    assert web.get(f"{LIST}{found.pk}/").status_code == 404
    assert web.get(f"{LIST}{found.pk}/edit/").status_code == 404
    page = web.get(f"{LIST}?mission={mission.code}").content.decode()
    assert found.reference not in page and NAME not in page
    search = web.get(f"{LIST}?q=checkpoint").content.decode()
    assert found.reference not in search
    csv = web.get(f"{LIST}?export=csv").content.decode()
    assert csv.count("\n") == 1  # the header alone
    assert web.get("/api/human-rights-cases/").json()["count"] == 0
    assert web.get(f"/api/human-rights-cases/{found.pk}/").status_code == 404


def test_the_officer_reads_names_on_the_case_only_and_each_read_is_logged(
    mission: Any, make_user: Any
) -> None:
    found = case(mission)
    officer = make_user("human-rights-officer", mission)
    web = client_for(officer)
    detail = web.get(f"{LIST}{found.pk}/").content.decode()
    assert NAME in detail
    listing = web.get(f"{LIST}?q=checkpoint").content.decode()
    assert found.reference in listing and NAME not in listing
    assert NAME not in web.get(f"{LIST}?export=csv").content.decode()
    api_list = web.get("/api/human-rights-cases/").json()
    assert api_list["count"] == 1 and "victim_identities" not in api_list["results"][0]
    assert web.get(f"/api/human-rights-cases/{found.pk}/").json()["victim_identities"] == (
        "Amina Kolo, 34"
    )
    assert web.get(f"/api/human-rights-cases/?q={NAME}").json()["count"] == 0
    reads = AuditEntry.objects.filter(action="read", object_id=str(found.pk), actor=officer)
    assert reads.count() >= 4


def test_sexual_violence_is_counted_outside_the_unit_with_small_counts_suppressed(
    mission: Any, make_user: Any
) -> None:
    for n in range(2):
        case(mission, f"SV-{n}", violation_type=m.ViolationType.SEXUAL_VIOLENCE)
    outsider = client_for(make_user("mlt-member", mission))
    figures = outsider.get(f"/api/programmes/figures/?mission={mission.code}").json()
    hr = figures["human_rights"]
    assert hr["crsv"] == "fewer than 5" and hr["cases"] == "fewer than 5"
    assert hr["crsv_by_admin1"] == {"Haut-Sanvi": "fewer than 5"}
    assert "fewer than 5" in outsider.get(f"/missions/{mission.code}/programmes/").content.decode()
    officer = client_for(make_user("human-rights-officer", mission))
    exact = officer.get(f"/api/programmes/figures/?mission={mission.code}").json()
    assert exact["human_rights"]["crsv"] == 2


def test_larger_counts_are_rounded_to_fives_outside_the_unit(mission: Any, make_user: Any) -> None:
    for n in range(8):
        case(mission, f"SV-{n}", violation_type=m.ViolationType.SEXUAL_VIOLENCE)
    case(mission, "T-1")
    outsider = client_for(make_user("component-staff", mission))
    hr = outsider.get(f"/api/programmes/figures/?mission={mission.code}").json()["human_rights"]
    assert hr["crsv"] == 10 and hr["cases"] == 10 and hr["by_type"]["torture"] == "fewer than 5"
    officer = client_for(make_user("human-rights-officer", mission))
    exact = officer.get(f"/api/programmes/figures/?mission={mission.code}").json()
    assert exact["human_rights"]["crsv"] == 8 and exact["human_rights"]["cases"] == 9


def test_another_missions_cases_are_never_counted(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    for n in range(6):
        case(other_mission, f"X-{n}")
    web = client_for(make_user("human-rights-officer", mission))
    assert web.get(f"/api/programmes/figures/?mission={other_mission.code}").status_code == 404
    assert web.get("/api/programmes/figures/").status_code == 400


# Issue 17: clearance is not enough; only the human rights unit of the mission sees a case.


def _sees_nothing(web: Any, found: m.HumanRightsCase, mission: Any, may_add: bool = False) -> None:
    assert web.get(f"{LIST}{found.pk}/").status_code == 404
    assert web.get(f"{LIST}{found.pk}/edit/").status_code == 404
    assert web.get(f"{LIST}add/").status_code == (200 if may_add else 404)
    page = web.get(f"{LIST}?mission={mission.code}").content.decode()
    assert found.reference not in page and NAME not in page
    assert (f'href="{LIST}add/' in page) is may_add
    assert found.reference not in web.get(f"{LIST}?q=checkpoint").content.decode()
    assert web.get(f"{LIST}?export=csv").content.decode().count("\n") == 1  # the header alone
    assert web.get("/api/human-rights-cases/").json()["count"] == 0
    assert web.get("/api/human-rights-cases/?q=checkpoint").json()["count"] == 0
    assert web.get(f"/api/human-rights-cases/{found.pk}/").status_code == 404


@pytest.mark.parametrize("role", ["conduct-discipline", "hq-oversight", "hq-admin"])
def test_given_a_strictly_confidential_role_outside_the_unit_then_a_case_is_not_found(
    mission: Any, make_user: Any, role: str
) -> None:
    # Given a case and a role cleared for strictly confidential records but not a case role
    found = case(mission)
    outsider = make_user(role, mission if role == "conduct-discipline" else None)
    # When it looks for the case everywhere, then it finds nothing and the case answers 404
    _sees_nothing(client_for(outsider), found, mission)
    assert m.HumanRightsCase.objects.restrict(outsider).count() == 0


def test_given_a_superuser_then_a_case_is_not_found(mission: Any, superuser: Any) -> None:
    found = case(mission)
    _sees_nothing(client_for(superuser), found, mission)


@pytest.mark.parametrize("role", ["human-rights-officer", "head-of-mission"])
def test_given_a_case_role_of_the_mission_then_the_case_is_seen(
    mission: Any, make_user: Any, role: str
) -> None:
    # Given a case and a case role of its mission
    found = case(mission)
    web = client_for(make_user(role, mission))
    # When it opens the case, the list, the CSV and the API, then it sees the case
    assert NAME in web.get(f"{LIST}{found.pk}/").content.decode()
    assert found.reference in web.get(f"{LIST}?q=checkpoint").content.decode()
    assert found.reference in web.get(f"{LIST}?export=csv").content.decode()
    assert web.get("/api/human-rights-cases/").json()["count"] == 1
    assert web.get(f"/api/human-rights-cases/{found.pk}/").status_code == 200


def test_given_a_human_rights_officer_of_another_mission_then_the_case_is_not_found(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    found = case(mission)
    web = client_for(make_user("human-rights-officer", other_mission))
    _sees_nothing(web, found, mission, may_add=True)  # a case in its own mission


def test_given_a_role_outside_the_unit_when_it_files_a_case_then_it_is_refused(
    mission: Any, make_user: Any
) -> None:
    web = client_for(make_user("conduct-discipline", mission))
    body = {
        "mission": mission.code,
        "reference": "HR-9",
        "summary": "x",
        "violation_type": "torture",
        "occurred_on": "2026-05-02",
    }
    answer = web.post("/api/human-rights-cases/", body, content_type="application/json")
    assert answer.status_code == 400
    assert web.post(f"{LIST}add/", body).status_code == 404
    assert not m.HumanRightsCase.objects.exists()


def test_given_cases_then_the_aggregates_count_them_for_everyone_who_views_the_mission(
    mission: Any, make_user: Any
) -> None:
    # Given two cases of sexual violence and one of torture
    for n in range(2):
        case(mission, f"SV-{n}", violation_type=m.ViolationType.SEXUAL_VIOLENCE)
    case(mission, "T-1")
    url = f"/api/programmes/figures/?mission={mission.code}"
    # When roles outside the unit read the figures, then the cases are counted, suppressed
    for user in (make_user("conduct-discipline", mission), make_user("hq-oversight")):
        hr = client_for(user).get(url).json()["human_rights"]
        assert hr["exact"] is False
        assert hr["cases"] == "fewer than 5" and hr["crsv"] == "fewer than 5"
    # And the unit reads them exactly
    for role in ("human-rights-officer", "head-of-mission"):
        hr = client_for(make_user(role, mission)).get(url).json()["human_rights"]
        assert hr["cases"] == 3 and hr["crsv"] == 2


def test_given_a_case_filed_then_an_auditor_sees_the_trail_but_no_word_of_it(
    mission: Any, make_user: Any
) -> None:
    # Given a case filed through the API by the human rights officer
    officer = client_for(make_user("human-rights-officer", mission))
    body = {
        "mission": mission.code,
        "reference": "HR-7",
        "summary": "Villagers beaten at a checkpoint",
        "violation_type": "sexual_violence",
        "occurred_on": "2026-05-02",
        "victim_identities": NAME,
    }
    answer = officer.post("/api/human-rights-cases/", body, content_type="application/json")
    assert answer.status_code == 201, answer.content
    # When an auditor with Headquarters reach reads its audit entry
    entry = AuditEntry.objects.get(
        action="create", content_type__model="humanrightscase", object_id=str(answer.json()["id"])
    )
    auditor = client_for(make_user("hq-oversight"))
    api = auditor.get(f"/api/audit/{entry.pk}/").content.decode()
    # Then it sees fingerprints and the reference, never the names, summary or violation
    assert "redacted:" in api and "HR-7" in api
    for word in (NAME, "checkpoint", "sexual_violence", "sexual violence"):
        assert word not in api and word not in str(entry.after)
