"""Forecast API and pages (issue 6, items 3-5): restricted to cleared roles of the mission,
404 for another mission's runs, clear 400s, the page with map data, track record and CSV, and
a run started from the page (immediate task backend) by a JMAC analyst only."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rest_framework.test import APIClient
from tests.conftest import PASSWORD
from tests.forecasting_support import monthly_history, stored_run

from bluehelmet.core.models import AuditEntry
from bluehelmet.forecasting.models import Forecast, ForecastRun, RunStatus

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def api(user):
    c = APIClient()
    c.force_authenticate(user)
    return c


def test_given_forecasts_when_a_jmac_analyst_lists_them_then_only_their_mission_shows(
    mission, other_mission, make_user
) -> None:
    ours, theirs = stored_run(mission), stored_run(other_mission)
    analyst = make_user("jmac-analyst", mission)
    runs = api(analyst).get("/api/forecast-runs/").json()["results"]
    assert [r["id"] for r in runs] == [ours.pk]
    assert runs[0]["track_record"]["1"]["model"]["brier"] == 0.1
    forecasts = api(analyst).get("/api/forecasts/", {"mission": "MINUSTEST"}).json()["results"]
    assert {f["area_code"] for f in forecasts} == {"Kivu Nord", "Lac Vert"}
    assert forecasts[0]["unit"] == "admin1"
    assert api(analyst).get(f"/api/forecast-runs/{theirs.pk}/").status_code == 404
    other = theirs.forecasts.first()
    assert api(analyst).get(f"/api/forecasts/{other.pk}/").status_code == 404


@pytest.mark.parametrize("role", ["component-staff", "partner-liaison", "researcher", None])
def test_given_a_role_without_confidential_clearance_then_no_forecast_is_visible(
    mission, make_user, role
) -> None:
    run = stored_run(mission)
    user = make_user(role, mission if role not in {"researcher", None} else None)
    assert api(user).get("/api/forecast-runs/").json()["results"] == []
    assert api(user).get("/api/forecasts/").json()["results"] == []
    assert api(user).get(f"/api/forecast-runs/{run.pk}/").status_code == 404


def test_filters_by_run_unit_and_target_month_and_refuses_bad_values(mission, make_user) -> None:
    first = stored_run(mission)
    stored_run(
        mission, unit="h3:4", origin=first.origin_month.replace(month=11), areas=(("x", 0.5),)
    )
    analyst = make_user("jmac-analyst", mission)
    c = api(analyst)
    assert len(c.get("/api/forecasts/", {"run": first.pk}).json()["results"]) == 2
    assert [
        f["area_code"] for f in c.get("/api/forecasts/", {"unit": "h3:4"}).json()["results"]
    ] == ["x"]
    january = c.get("/api/forecasts/", {"target_month": "2023-01"}).json()["results"]
    assert {f["target_month"] for f in january} == {"2023-01-01"}
    bad_month = c.get("/api/forecasts/", {"target_month": "2023-13"})
    assert bad_month.status_code == 400 and "YYYY-MM" in json.dumps(bad_month.json())
    bad_unit = c.get("/api/forecasts/", {"unit": "h3:12"})
    assert bad_unit.status_code == 400 and "admin1" in json.dumps(bad_unit.json())
    assert c.get("/api/forecasts/", {"mission": "UNOTHER"}).status_code == 400


def test_api_runs_are_read_only_except_queueing_by_cleared_roles(
    mission, make_user, settings
) -> None:
    settings.TASKS = IMMEDIATE
    staff = make_user("component-staff", mission)
    refused = api(staff).post("/api/forecast-runs/", {"mission": "MINUSTEST"}, format="json")
    assert refused.status_code == 403
    analyst = make_user("jmac-analyst", mission)
    bad = api(analyst).post(
        "/api/forecast-runs/", {"mission": "MINUSTEST", "unit": "h3:9"}, format="json"
    )
    assert bad.status_code == 400 and "h3:<resolution>" in bad.json()["detail"]
    run = stored_run(mission)
    assert api(analyst).delete(f"/api/forecast-runs/{run.pk}/").status_code == 405


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_the_forecast_page_shows_map_data_table_track_record_and_change(
    client, mission, make_user
) -> None:
    import datetime

    stored_run(mission, origin=datetime.date(2022, 11, 1), areas=(("Kivu Nord", 0.5),))
    run = stored_run(mission)
    analyst = login(client, make_user("jmac-analyst", mission))
    page = analyst.get("/missions/MINUSTEST/forecasts/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="forecast-table"' in html and 'id="track-record"' in html
    assert "+30 pts" in html  # Kivu Nord: 80 % now, 50 % in last month's run
    assert page.context["run"] == run
    features = page.context["features"]
    assert features[0]["geometry"]["type"] == "Point"
    assert features[0]["properties"]["probability"] == 0.8
    assert [t["code"] for t in page.context["track"]["rows"]] == [
        "model",
        "persistence",
        "climatology",
    ]
    export = analyst.get(f"/missions/MINUSTEST/forecasts/export.csv?run={run.pk}")
    rows = list(csv.DictReader(io.StringIO(export.content.decode())))
    assert export["Content-Type"].startswith("text/csv")
    assert [(r["area"], r["probability"], r["model_brier"]) for r in rows] == [
        ("Kivu Nord", "0.8000", "0.1"),
        ("Lac Vert", "0.2000", "0.1"),
    ]


def test_h3_forecasts_are_drawn_as_hexagons(client, mission, make_user) -> None:
    from h3.api import basic_int as h3int

    cell = format(h3int.latlng_to_cell(4.4, 18.6, 4), "x")
    stored_run(mission, unit="h3:4", areas=((cell, 0.4),))
    page = login(client, make_user("jmac-analyst", mission)).get(
        "/missions/MINUSTEST/forecasts/?unit=h3:4"
    )
    geometry = page.context["features"][0]["geometry"]
    assert geometry["type"] == "Polygon" and len(geometry["coordinates"][0]) == 7


def test_admin1_forecasts_use_the_stored_outline_where_there_is_one(
    client, mission, make_user
) -> None:
    from bluehelmet.core.models import AdminArea

    square = {"type": "Polygon", "coordinates": [[[20, 4], [22, 4], [22, 6], [20, 6], [20, 4]]]}
    AdminArea.objects.create(
        country=mission.host_country, level=1, name="Kivu Nord", geometry=square
    )
    stored_run(mission)
    page = login(client, make_user("jmac-analyst", mission)).get("/missions/MINUSTEST/forecasts/")
    by_area = {f["properties"]["area"]: f["geometry"] for f in page.context["features"]}
    assert by_area["Kivu Nord"] == square  # outlined
    assert by_area["Lac Vert"]["type"] == "Point"  # no outline stored: a circle


def test_an_uncleared_role_sees_a_page_that_says_so_and_cannot_start_or_export(
    client, mission, other_mission, make_user
) -> None:
    run = stored_run(mission)
    staff = login(client, make_user("component-staff", mission))
    page = staff.get("/missions/MINUSTEST/forecasts/")
    assert page.status_code == 200 and 'id="forecasts-restricted"' in page.content.decode()
    assert "Kivu Nord" not in page.content.decode()
    assert staff.get(f"/missions/MINUSTEST/forecasts/export.csv?run={run.pk}").status_code == 404
    start = staff.post("/missions/MINUSTEST/forecasts/start/", {"unit": "admin1"})
    assert start.status_code == 403 and "does not run forecasts" in start.content.decode()
    assert staff.get("/missions/UNOTHER/forecasts/").status_code == 404
    assert staff.get(f"/forecast-runs/{run.pk}/status/").status_code == 404


def test_a_jmac_analyst_starts_a_run_from_the_page_and_it_stores_forecasts(
    client, mission, make_user, settings
) -> None:
    settings.TASKS = IMMEDIATE
    monthly_history(mission, months=36)
    analyst = make_user("jmac-analyst", mission)
    c = login(client, analyst)
    assert c.post("/missions/MINUSTEST/forecasts/start/", {"months": "13"}).status_code == 400
    response = c.post("/missions/MINUSTEST/forecasts/start/", {"unit": "admin1", "months": "2"})
    assert response.status_code == 302
    run = ForecastRun.objects.get(mission=mission)
    assert run.status == RunStatus.DONE, run.error
    assert run.created_by == analyst and run.origin_month.isoformat() == "2022-12-01"
    assert run.n_areas == 3 and Forecast.objects.filter(run=run).count() == 6
    assert set(run.track_record) == {"1", "2"}
    assert AuditEntry.objects.filter(verb="run_forecast", object_id=str(run.pk)).count() == 1
    status = c.get(f"/forecast-runs/{run.pk}/status/?format=json").json()
    assert status == {"id": run.pk, "status": "done", "progress": 100, "step": "", "error": ""}
    page = c.get(response["Location"])
    assert page.context["run"] == run and len(page.context["rows"]) == 3


def test_a_second_run_for_the_same_areas_waits_for_the_first(client, mission, make_user) -> None:
    queued = ForecastRun.objects.create(mission=mission, unit="admin1")
    c = login(client, make_user("jmac-analyst", mission))
    page = c.get("/missions/MINUSTEST/forecasts/")
    assert page.context["active"] == queued and 'id="forecast-run-status"' in page.content.decode()
    again = c.post("/missions/MINUSTEST/forecasts/start/", {"unit": "admin1"})
    assert again.status_code == 409 and "already queued" in again.content.decode()
    assert ForecastRun.objects.count() == 1
    fragment = c.get(f"/forecast-runs/{queued.pk}/status/")
    assert 'hx-trigger="every 2s"' in fragment.content.decode()


def test_a_run_without_enough_history_fails_with_the_reason_and_stores_nothing(
    client, mission, make_user, settings
) -> None:
    settings.TASKS = IMMEDIATE
    monthly_history(mission, months=10)
    c = login(client, make_user("jmac-analyst", mission))
    c.post("/missions/MINUSTEST/forecasts/start/", {"unit": "admin1", "months": "1"})
    run = ForecastRun.objects.get(mission=mission)
    assert run.status == RunStatus.FAILED and "Too little history" in run.error
    assert not Forecast.objects.filter(run=run).exists()
