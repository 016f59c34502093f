"""Periodic report pages and API (issue 16; Capstone §9.1, §10.1, §7.1): the list with the
reporting status and the draft form, the report with its versions, a cleared report frozen
(409), another mission's report out of reach (404), bad input answered with its reason."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from tests.pages_support import client_for
from tests.reports_support import Q3, deteriorating_indicator, quarter_of_records

from bluehelmet.core.models import AdminArea
from bluehelmet.reports import actions
from bluehelmet.reports.models import PeriodicReport

pytestmark = pytest.mark.django_db

SQUARE = {"type": "Polygon", "coordinates": [[[18, 4], [19, 4], [19, 5], [18, 5], [18, 4]]]}


def post_draft(web: Any, mission: Any, start: str = "2026-07-01", end: str = "2026-09-30") -> Any:
    data = {"mission": mission.pk, "period_start": start, "period_end": end, "title": ""}
    return web.post("/periodic-reports/draft/", data)


def test_the_head_of_mission_drafts_a_report_from_the_list(mission: Any, make_user: Any) -> None:
    quarter_of_records(mission)
    AdminArea.objects.create(country=mission.host_country, level=1, name="Ouaka", geometry=SQUARE)
    web = client_for(make_user("head-of-mission", mission))
    page = web.get("/periodic-reports/").content.decode()
    assert 'id="draft-form"' in page and 'id="due-statuses"' in page
    assert "days overdue" in page  # the fixture mission has never cleared a report
    response = post_draft(web, mission)
    assert response.status_code == 302
    page = web.get(response["Location"]).content.decode()
    for heading in (
        "Political and security developments",
        "Protection of civilians",
        "Consent and freedom of movement",
        "Implementation of the mandate",
        "Progress towards the benchmarks",
        "Personnel against authorised strength",
        "Observations",
    ):
        assert heading in page
    assert 'class="report-table"' in page and "Ouaka (3)" in page  # the map, shaded
    assert 'id="clear-report"' in page


def test_bad_input_is_answered_with_its_reason(mission: Any, make_user: Any) -> None:
    web = client_for(make_user("head-of-mission", mission))
    response = post_draft(web, mission, start="2026-09-30", end="2026-07-01")
    assert response.status_code == 400
    assert "The period ends before it starts." in response.content.decode()
    response = web.post("/periodic-reports/draft/", {"mission": "", "period_start": "x"})
    assert response.status_code == 400
    assert not PeriodicReport.objects.exists()


def test_a_left_out_deterioration_is_named_and_blocks_clearing(
    mission: Any, make_user: Any
) -> None:
    head = make_user("head-of-mission", mission)
    report = actions.do_draft_periodic_report(mission, *Q3, acting_user=head).report
    deteriorating_indicator(mission, "Displaced people")
    web = client_for(head)
    page = web.get(f"/periodic-reports/{report.pk}/").content.decode()
    assert 'id="left-out"' in page and "Displaced people" in page
    web.post(f"/periodic-reports/{report.pk}/clear/")
    report.refresh_from_db()
    assert not report.cleared
    web.post(f"/periodic-reports/{report.pk}/assemble/")
    web.post(f"/periodic-reports/{report.pk}/clear/")
    report.refresh_from_db()
    assert report.cleared


def test_a_cleared_report_answers_409_to_changes(mission: Any, make_user: Any) -> None:
    head = make_user("head-of-mission", mission)
    report = actions.do_draft_periodic_report(mission, *Q3, acting_user=head).report
    actions.do_clear_periodic_report(report, acting_user=head)
    web = client_for(head)
    response = web.post(
        f"/periodic-reports/{report.pk}/edit/",
        {"title": "Changed", "period_start": "2026-07-01", "period_end": "2026-09-30"},
    )
    assert response.status_code == 409 and "cannot be changed" in response.content.decode()
    response = web.get(f"/periodic-reports/{report.pk}/edit/")
    assert response.status_code == 409 and "cannot be changed" in response.content.decode()
    api = web.patch(
        f"/api/periodic-reports/{report.pk}/",
        json.dumps({"title": "Changed"}),
        content_type="application/json",
    )
    assert api.status_code == 409
    assert web.post(f"/api/periodic-reports/{report.pk}/assemble/").status_code == 409
    assert web.delete(f"/api/periodic-reports/{report.pk}/").status_code == 409
    report.refresh_from_db()
    assert report.title != "Changed"


def test_another_missions_report_is_out_of_reach(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    report = actions.do_draft_periodic_report(mission, *Q3, acting_user=None).report
    web = client_for(make_user("head-of-mission", other_mission))
    for url in (
        f"/periodic-reports/{report.pk}/",
        f"/periodic-reports/{report.pk}/versions/1/",
        f"/periodic-reports/{report.pk}/versions/1/?format=docx",
        f"/api/periodic-reports/{report.pk}/",
    ):
        assert web.get(url).status_code == 404, url
    assert web.post(f"/periodic-reports/{report.pk}/clear/").status_code == 404
    assert "MINUSTEST" not in web.get("/periodic-reports/?export=csv").content.decode()


def test_the_api_drafts_assembles_and_reports_the_due_date(mission: Any, make_user: Any) -> None:
    web = client_for(make_user("head-of-mission", mission))
    made = web.post(
        "/api/periodic-reports/draft/",
        json.dumps({"mission": mission.code, "period_start": "2026-07-01"}),
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["number"] == 1 and body["content"]["period"][0] == "2026-07-01"
    report = body["report"]
    assert web.post(f"/api/periodic-reports/{report}/assemble/").json()["number"] == 2
    assert web.post(f"/api/periodic-reports/{report}/clear/").json()["status"] == "cleared"
    status = web.get(f"/api/missions/{mission.code}/reporting-status/").json()
    assert status["cadence_days"] == 91 and status["last_cleared"]
    assert web.get("/api/missions/NOPE/reporting-status/").status_code == 404


def test_the_list_exports_csv_and_the_docx_carries_the_text(mission: Any, make_user: Any) -> None:
    from docx import Document

    head = make_user("head-of-mission", mission)
    version = actions.do_draft_periodic_report(mission, *Q3, acting_user=head)
    web = client_for(head)
    csv_text = web.get("/periodic-reports/?export=csv").content.decode()
    assert "Report of the Secretary-General on MINUSTEST" in csv_text
    url = f"/periodic-reports/{version.report_id}/versions/1/?format=docx"
    document = Document(io.BytesIO(web.get(url).content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Protection of civilians" in text and "Observations" in text


def test_the_calendar_and_drawdown_pages_render(mission: Any, make_user: Any) -> None:
    from bluehelmet.reports.models import ReportingCalendar

    calendar = ReportingCalendar.objects.create(mission=mission, cadence_days=60)
    web = client_for(make_user("head-of-mission", mission))
    for url in (
        "/periodic-reports/add/",
        "/periodic-reports/draft/",
        "/reporting-calendars/",
        "/reporting-calendars/add/",
        "/drawdown-steps/",
        "/drawdown-steps/add/",
        f"/missions/{mission.code}/",
    ):
        assert web.get(url).status_code == 200, url
    page = web.get(f"/reporting-calendars/{calendar.pk}/").content.decode()
    assert "one every 60 days" in page
    overview = web.get(f"/missions/{mission.code}/").content.decode()
    assert 'id="reporting-status"' in overview and "Overdue" in overview
    response = web.post(
        f"/reporting-calendars/{calendar.pk}/edit/",
        {"mission": mission.pk, "cadence_days": 3, "sensitivity": 0},
    )
    assert response.status_code == 400  # fewer than 7 days between reports is refused
