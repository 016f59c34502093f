"""Programme pages and API (issue 17; Capstone §2.4-2.5, §7.2): lists with filters, search and
CSV, forms, record pages with their verdicts and actions, the programmes overview and its panel
on the mission overview; other missions' records answer 404 and bad input a 4xx."""

from __future__ import annotations

from typing import Any

import pytest
from tests.operations_support import incident
from tests.pages_support import client_for
from tests.programmes_support import group, hazard, participant, qip, site

from bluehelmet.programmes import models as m

pytestmark = pytest.mark.django_db

P = "/programmes"
LISTS = (
    "human-rights-cases",
    "ddr-sites",
    "ddr-participants",
    "weapons-collections",
    "hazard-areas",
    "quick-impact-projects",
)


def test_every_list_and_add_page_renders(mission: Any, make_user: Any) -> None:
    site(mission)
    participant(mission)
    hazard(mission)
    qip(mission)
    web = client_for(make_user("head-of-mission", mission))
    for name in LISTS:
        assert web.get(f"{P}/{name}/?mission={mission.code}").status_code == 200, name
        assert web.get(f"{P}/{name}/add/").status_code == 200, name
        csv = web.get(f"{P}/{name}/?export=csv")
        assert csv["Content-Type"].startswith("text/csv"), name
    assert "Cantonment Nord" in web.get(f"{P}/ddr-sites/?q=nord").content.decode()
    assert "Cantonment Nord" not in web.get(f"{P}/ddr-sites/?q=zzz").content.decode()
    assert web.get(f"{P}/ddr-sites/?mission=NOPE").status_code == 400


def test_a_qip_added_on_the_page_shows_its_flag_and_is_approved_after_a_decision(
    mission: Any, make_user: Any
) -> None:
    web = client_for(make_user("head-of-mission", mission))
    form = {
        "mission": mission.code,
        "title": "School roof in Bolobi",
        "admin1": "Haut-Sanvi",
        "budget_usd": "18000",
        "beneficiaries": "400",
        "community_consulted": "on",
        "sensitivity": "0",
    }
    assert (
        web.post(f"{P}/quick-impact-projects/add/", {**form, "budget_usd": "x"}).status_code == 400
    )
    response = web.post(f"{P}/quick-impact-projects/add/", form)
    assert response.status_code == 302
    project = m.QuickImpactProject.objects.get(title="School roof in Bolobi")
    page = web.get(response["Location"]).content.decode()
    assert "The humanitarian country team has not been consulted." in page
    here = f"{P}/quick-impact-projects/{project.pk}/"
    base = f"/missions/{mission.code}/programmes/"
    web.post(f"{base}approve/", {"qip": project.pk, "next": here})
    project.refresh_from_db()
    assert project.status == m.QipStatus.PROPOSED
    web.post(
        f"{base}override/",
        {
            "rule": "qip-no-humanitarian-coordination",
            "subject": f"qip:{project.pk}",
            "decision": "dismissed",
            "reason": "OCHA <b>agreed</b> by e-mail",
            "next": here,
        },
    )
    page = web.get(here).content.decode()
    assert "flagged, dismissed" in page and "&lt;b&gt;agreed&lt;/b&gt;" in page
    web.post(f"{base}approve/", {"qip": project.pk, "next": here})
    project.refresh_from_db()
    assert project.status == m.QipStatus.APPROVED
    assert web.post(f"{base}nonsense/", {}).status_code == 302


def test_the_overview_shows_figures_and_flags_and_the_mission_panel_the_flags(
    mission: Any, make_user: Any
) -> None:
    participant(mission, "C-1", age_group=m.AgeGroup.CHILD)
    site(mission, occupancy=150)
    m.WeaponCollection.objects.create(
        mission=mission, collected_on="2026-06-01", weapons_collected=50, weapons_destroyed=20
    )
    web = client_for(make_user("head-of-mission", mission))
    page = web.get(f"/missions/{mission.code}/programmes/").content.decode()
    assert (
        'data-rule="ddr-child-not-referred"' in page
        and 'data-rule="ddr-site-over-capacity"' in page
    )
    assert '<dd id="ddr-gap">30</dd>' in page
    overview = web.get(f"/missions/{mission.code}/").content.decode()
    assert 'id="programme-flags-panel"' in overview and "2 open flags on the programmes" in overview


def test_a_child_is_referred_from_its_page(mission: Any, make_user: Any) -> None:
    child = participant(mission, "C-1", age_group=m.AgeGroup.CHILD)
    web = client_for(make_user("head-of-mission", mission))
    here = f"{P}/ddr-participants/{child.pk}/"
    assert 'id="child-refer"' in web.get(here).content.decode()
    web.post(f"/missions/{mission.code}/programmes/refer/", {"participant": child.pk, "next": here})
    child.refresh_from_db()
    assert child.referred_at is not None


def test_incidents_are_linked_from_the_overview(mission: Any, make_user: Any) -> None:
    area = hazard(mission)
    incident(mission, "explosive-hazard", latitude=4.05, longitude=18.05)
    web = client_for(make_user("head-of-mission", mission))
    web.post(f"/missions/{mission.code}/programmes/link/")
    assert area.incidents.count() == 1
    assert "Test incident" in web.get(f"{P}/hazard-areas/{area.pk}/").content.decode()


def test_another_missions_records_answer_404(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    records = {
        "ddr-sites": site(other_mission),
        "ddr-participants": participant(other_mission),
        "hazard-areas": hazard(other_mission),
        "quick-impact-projects": qip(other_mission),
    }
    web = client_for(make_user("head-of-mission", mission))
    for name, record in records.items():
        assert web.get(f"{P}/{name}/{record.pk}/").status_code == 404, name
        assert web.get(f"/api/{name.replace('ddr-', 'ddr-')}/{record.pk}/").status_code == 404


def test_the_api_creates_records_and_steps_a_qip(mission: Any, make_user: Any) -> None:
    web = client_for(make_user("head-of-mission", mission))
    armed = group(mission, "FAB")
    made = web.post(
        "/api/ddr-participants/",
        {
            "mission": mission.code,
            "registration_number": "API-1",
            "armed_group": armed.pk,
            "sex": "female",
            "age_group": "child",
            "registered_at": "2026-06-01T08:00:00Z",
        },
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    refer = web.post(
        f"/api/ddr-participants/{made.json()['id']}/refer/", {}, content_type="application/json"
    )
    assert refer.status_code == 200 and refer.json()["referred_at"]
    project = qip(mission, humanitarian_coordination=False)
    refused = web.post(f"/api/quick-impact-projects/{project.pk}/approve/")
    assert refused.status_code == 400 and refused.json()["code"] == "flags_open"
    assert web.post(f"/api/quick-impact-projects/{project.pk}/fly/").status_code == 400
    verdicts = web.get(f"/api/programmes/verdicts/?mission={mission.code}").json()["verdicts"]
    assert any(
        v["code"] == "qip-no-humanitarian-coordination" and v["status"] == "flagged"
        for v in verdicts
    )
    decided = web.post(
        f"/api/programmes/verdicts/?mission={mission.code}",
        {
            "rule": "qip-no-humanitarian-coordination",
            "subject": f"qip:{project.pk}",
            "decision": "dismissed",
            "reason": "Agreed with OCHA",
        },
        content_type="application/json",
    )
    assert decided.status_code == 201
    assert web.post(f"/api/quick-impact-projects/{project.pk}/approve/").status_code == 200
    figures = web.get(f"/api/programmes/figures/?mission={mission.code}").json()
    assert figures["ddr"]["children"] == 1 and figures["quick_impact_projects"]["projects"] == 1
