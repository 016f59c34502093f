"""JMAC pages: the hub (hotspots, trends), CSV exports, actors, threat assessments and their
review (Capstone §7.2, §3.1, §4.2): 200s, 404s for what is not the user's, 400s for bad input."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from tests.analysis_support import END, actor, assessment, surge_and_steady
from tests.operations_support import incident

from bluehelmet.analysis import models as am
from bluehelmet.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def login(user):
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def analyst(mission, make_user):
    return make_user("jmac-analyst", mission, username="analyst")


def test_hub_shows_the_flagged_hotspot_and_the_trend_data(mission, analyst):
    surge_and_steady(mission)
    response = login(analyst).get(f"/missions/{mission.code}/analysis/?until={END}")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="hotspot-flags"' in page and "Surgeville: 30 incidents in the last 30 days" in page
    assert 'id="trend-data"' in page and 'id="hotspot-data"' in page
    assert response.context["report"].flagged[0].key == "Surgeville"
    h3 = login(analyst).get(f"/missions/{mission.code}/analysis/?until={END}&unit=h3:5")
    assert h3.status_code == 200 and "(Surgeville)" in h3.content.decode()
    by_actor = login(analyst).get(f"/missions/{mission.code}/analysis/?trend=actor&step=week")
    assert by_actor.status_code == 200


def test_hub_map_draws_admin_areas_with_their_stored_outline(mission, analyst):
    from bluehelmet.core.models import AdminArea

    square = {"type": "Polygon", "coordinates": [[[20, 4], [22, 4], [22, 6], [20, 6], [20, 4]]]}
    AdminArea.objects.create(
        country=mission.host_country, level=1, name="Surgeville", geometry=square
    )
    surge_and_steady(mission)
    response = login(analyst).get(f"/missions/{mission.code}/analysis/?until={END}")
    areas = {a["key"]: a for a in response.context["map_data"]["areas"]}
    assert areas["Surgeville"]["outline"] == square
    assert all(a["outline"] is None for key, a in areas.items() if key != "Surgeville")


def test_hub_of_another_mission_is_404_and_bad_choices_400(mission, other_mission, analyst):
    c = login(analyst)
    assert c.get(f"/missions/{other_mission.code}/analysis/").status_code == 404
    response = c.get(f"/missions/{mission.code}/analysis/?unit=h3:11&period=never")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'data-param="unit"' in page and 'data-param="period"' in page


def test_csv_exports_of_hotspots_and_trends(mission, analyst):
    surge_and_steady(mission)
    c = login(analyst)
    response = c.get(f"/missions/{mission.code}/analysis/hotspots.csv?until={END}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["area"] == "Surgeville" and rows[0]["flagged"] == "yes"
    assert rows[0]["incidents"] == "30" and "p < 0.001" in rows[0]["explanation"]
    response = c.get(f"/missions/{mission.code}/analysis/trends.csv?by=group&until={END}")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["period_start", "group", "label", "incidents", "killed"]
    assert {r[1] for r in rows[1:]} == {"armed_violence"}
    bad = c.get(f"/missions/{mission.code}/analysis/trends.csv?by=weather")
    assert bad.status_code == 400 and b"by:" in bad.content


def test_actor_pages(mission, other_mission, analyst, django_capture_on_commit_callbacks):
    incident(mission, actor1="M9J", title="Attack on Kaga")
    with django_capture_on_commit_callbacks(execute=True):
        m9j = actor(mission, "M9J", spoiler_assessment="total", spoiler_rationale="Rejects all.")
    theirs = actor(other_mission, "Theirs")
    c = login(analyst)
    assert "M9J" in c.get(f"/actors/?mission={mission.code}").content.decode()
    page = c.get(f"/actors/{m9j.pk}/")
    assert page.status_code == 200
    assert (
        "Attack on Kaga" in page.content.decode() and 'id="activity-data"' in page.content.decode()
    )
    assert c.get(f"/actors/{theirs.pk}/").status_code == 404
    assert c.get(f"/actors/{m9j.pk}/?period=decade").status_code == 200  # error shown inline
    response = c.post(
        "/actors/add/",
        {
            "mission": mission.code,
            "name": "Bandits",
            "kind": "criminal_group",
            "spoiler_assessment": "greedy",
            "spoiler_rationale": "",
            "sensitivity": 1,
        },
    )
    assert response.status_code == 400
    assert "Say why the actor is assessed a spoiler" in response.content.decode()


def test_assessment_form_sets_citations_and_refuses_others(mission, other_mission, analyst):
    mine, other = incident(mission), incident(other_mission)
    c = login(analyst)
    assert c.get(f"/threat-assessments/add/?mission={mission.code}").status_code == 200
    form = {
        "mission": mission.code,
        "title": "Kaga",
        "area_kind": "admin1",
        "area": "Bangui",
        "period_start": "2025-12-01",
        "period_end": "2026-01-31",
        "threat_level": "moderate",
        "narrative": "Tension.",
        "worst_case": "Riots.",
        "sensitivity": 1,
        "citations": f"#{mine.pk}, {other.pk}",
    }
    response = c.post("/threat-assessments/add/", form)
    assert response.status_code == 400
    assert f"No incident you may see has the number {other.pk}" in response.content.decode()
    response = c.post("/threat-assessments/add/", {**form, "citations": f"#{mine.pk}"})
    assert response.status_code == 302
    created = am.ThreatAssessment.objects.get(title="Kaga")
    assert created.author == analyst and list(created.cited_incidents.all()) == [mine]
    assert AuditEntry.objects.filter(verb="cite_incidents", object_id=str(created.pk)).exists()
    search = c.get(f"/threat-assessments/incident-search/?mission={mission.code}&q={mine.pk}")
    assert f'data-cite="{mine.pk}"' in search.content.decode()


def test_review_through_the_pages(mission, make_user, analyst):
    chief = make_user("head-of-mission", mission, username="chief")
    draft = assessment(mission, author=analyst)
    c_analyst, c_chief = login(analyst), login(chief)
    response = c_analyst.post(f"/threat-assessments/{draft.pk}/submit/")
    assert response.status_code == 400
    assert "Cite at least one incident" in response.content.decode()
    draft.cited_incidents.add(incident(mission))
    assert c_analyst.post(f"/threat-assessments/{draft.pk}/submit/").status_code == 302
    page = c_analyst.get(f"/threat-assessments/{draft.pk}/").content.decode()
    assert 'id="review-form"' not in page  # the author does not review their own
    assert c_analyst.get(f"/threat-assessments/{draft.pk}/edit/").status_code == 302
    assert c_analyst.post(f"/threat-assessments/{draft.pk}/approve/").status_code == 403
    assert 'id="review-form"' in c_chief.get(f"/threat-assessments/{draft.pk}/").content.decode()
    response = c_chief.post(f"/threat-assessments/{draft.pk}/approve/", {"reason": "Agreed."})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "approved" and draft.reviewer == chief
    assert (
        c_chief.post(f"/threat-assessments/{draft.pk}/return/", {"reason": "x"}).status_code == 409
    )


def test_confidential_assessments_are_404_to_a_user_without_clearance(mission, make_user):
    partner = make_user("partner-liaison", mission)
    secret = assessment(mission)
    c = login(partner)
    assert c.get(f"/threat-assessments/{secret.pk}/").status_code == 404
    assert "Surgeville in the dry season" not in c.get("/threat-assessments/").content.decode()
    assert c.post(f"/threat-assessments/{secret.pk}/submit/").status_code == 404


def test_navigation_links_to_the_hub(mission, analyst):
    c = login(analyst)
    page = c.get(f"/missions/{mission.code}/analysis/").content.decode()
    assert f'href="/missions/{mission.code}/analysis/"' in page
    assert "Analysis (JMAC)" in page
