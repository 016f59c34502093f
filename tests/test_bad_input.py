"""Bad input and hardening (issue 11): one date range for API, forms and imports; every bad
query parameter a 400 with a reason; fatality ranges, text lengths and NUL bytes refused;
CSV exports that a spreadsheet cannot run as formulas."""

from __future__ import annotations

import csv
import datetime
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient
from tests.analysis_support import actor
from tests.operations_support import at, incident
from tests.pages_support import client_for

from bluehelmet.core.validators import DATE_MAX, DATE_MIN
from bluehelmet.mandates.models import Mandate
from bluehelmet.operations.models import Incident

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://x")'
BAD_VALUES = ["9999-12-31", "0001-01-01", "2026-13-45", "abc", "-1", str(10**12)]


def api_for(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def hq(make_user: Any) -> Any:
    return make_user("hq-admin")


@pytest.fixture
def log(mission: Any) -> dict[str, Any]:
    """A handful of incidents over two months, one with a negative longitude."""
    rows = {
        "a": incident(mission, title="Clash at the market", occurred_at=at(2025, 3, 10)),
        "b": incident(mission, title="Roadblock", occurred_at=at(2025, 4, 2), killed=3),
        "west": incident(
            mission, title="West of Greenwich", occurred_at=at(2025, 4, 5), longitude=-3.25
        ),
    }
    rows["actor"] = actor(mission, "Armed group A")
    return rows


# -- 1. one date range ----------------------------------------------------------------------


def incident_body(mission: Any, **extra: Any) -> dict[str, Any]:
    return {
        "mission": mission.code,
        "title": "Roadblock at PK12",
        "category": "movement-restriction",
        "occurred_at": "2025-04-01T07:30:00Z",
        "latitude": 4.45,
        "longitude": 18.6,
        **extra,
    }


def test_the_range_is_the_importers(mission):
    assert (datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)) == (DATE_MIN, DATE_MAX)


@pytest.mark.parametrize("field", ["occurred_at", "reported_at"])
@pytest.mark.parametrize("value", ["9999-12-31T00:00:00Z", "1899-12-31T23:00:00Z"])
def test_an_incident_date_outside_1900_2100_is_refused_by_the_api(mission, hq, field, value):
    response = api_for(hq).post("/api/incidents/", incident_body(mission, **{field: value}))
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert "1900" in str(response.json()[field])
    assert not Incident.objects.exists()


def test_an_incident_date_outside_the_range_is_refused_by_the_page_form(mission, hq, log):
    ours = log["a"]
    data = {
        "mission": mission.code,
        "title": "Clash (corrected)",
        "category": ours.category_id,
        "occurred_at": "9999-12-31T12:00",
        "date_precision": 1,
        "reported_at": "2025-03-10T13:00",
        "latitude": 4.36,
        "longitude": 18.55,
        "killed": 2,
        "injured": 0,
        "abducted": 0,
        "civilians_killed": 0,
        "un_personnel_killed": 0,
        "un_personnel_injured": 0,
        "reliability": "B",
        "credibility": 2,
        "sensitivity": 0,
    }
    response = client_for(hq).post(reverse("incident-edit", kwargs={"pk": ours.pk}), data)
    assert response.status_code == 400
    assert "1900" in response.content.decode()
    ours.refresh_from_db()
    assert ours.occurred_at == at(2025, 3, 10)


def test_the_other_user_entered_dates_carry_the_range():
    from bluehelmet.core.models import Assignment
    from bluehelmet.lifecycle.models import StartUpMilestone
    from bluehelmet.operations.models import Crisis
    from bluehelmet.principles.models import ConsentEvent, ProtectionAlert, UseOfForceReport

    for model, name in [
        (Mandate, "effective_from"),
        (Assignment, "start_date"),
        (ConsentEvent, "occurred_on"),
        (UseOfForceReport, "occurred_at"),
        (ProtectionAlert, "received_at"),
        (Crisis, "opened_at"),
        (StartUpMilestone, "achieved_on"),
    ]:
        validators = model._meta.get_field(name).validators
        assert any(getattr(v, "__name__", "") == "validate_date_range" for v in validators), (
            model,
            name,
        )


@pytest.mark.parametrize(
    "moment", [datetime.datetime(9999, 12, 31, 12), datetime.datetime(1, 1, 1)]
)
def test_a_stored_out_of_range_incident_does_not_break_the_cop(mission, hq, log, moment):
    """Stored before the rule (or written around it): the timeline and counts still answer."""
    Incident.objects.filter(pk=log["b"].pk).update(occurred_at=moment.replace(tzinfo=datetime.UTC))
    client = client_for(hq)
    for period in ("", "week", "month"):
        url = reverse("mission-cop-timeline", kwargs={"code": mission.code})
        response = client.get(url, {"period": period} if period else {})
        assert response.status_code == 200, response.content
        assert response.json()["buckets"]
    api = api_for(hq)
    for period in ("week", "month", "year"):
        response = api.get(f"/api/incidents/aggregate/?mission={mission.code}&period={period}")
        assert response.status_code == 200, response.content
    assert client.get(reverse("mission-cop", kwargs={"code": mission.code})).status_code == 200
    assert api.get(f"/api/missions/{mission.code}/trends/").status_code == 200
    assert api.get(f"/api/missions/{mission.code}/hotspots/").status_code == 200


# -- 2. every bad query parameter is a 400 with a reason --------------------------------------


def _urls(code: str, actor_pk: int) -> list[tuple[str, str, tuple[str, ...]]]:
    """(kind, url, parameters) of each endpoint: ``api`` answers JSON, ``page`` HTML."""
    return [
        ("page", f"/missions/{code}/principles/", ("as_of",)),
        ("api", f"/api/missions/{code}/principles/", ("as_of",)),
        ("page", f"/missions/{code}/analysis/", ("since", "until", "period")),
        ("page", f"/missions/{code}/analysis/hotspots.csv", ("since", "until", "period")),
        ("page", f"/missions/{code}/analysis/trends.csv", ("since", "until")),
        ("api", f"/api/missions/{code}/hotspots/", ("since", "until", "period")),
        ("api", f"/api/missions/{code}/trends/", ("since", "until", "period")),
        ("api", f"/api/actors/{actor_pk}/activity/", ("since", "until", "days", "period")),
        ("page", f"/missions/{code}/cop/", ("since", "until")),
        ("page", f"/missions/{code}/cop/list/", ("since", "until")),
        ("page", f"/missions/{code}/cop/timeline.json", ("since", "until", "period")),
        ("page", f"/missions/{code}/cop/points.geojson", ("since", "until", "bbox", "limit")),
        ("page", f"/missions/{code}/cop/hexagons.geojson", ("since", "bbox", "h3_res", "zoom")),
        ("api", "/api/incidents/", ("since", "until", "bbox", "page_size")),
        ("api", "/api/incidents/geojson/", ("since", "until", "bbox", "limit")),
        ("api", "/api/incidents/aggregate/", ("since", "until", "period", "h3_res")),
        ("api", "/api/incidents/export/", ("since", "until", "bbox")),
        ("api", "/api/forecasts/", ("target_month",)),
        ("api", "/api/forecast-runs/", ("origin_month",)),
        ("api", f"/api/missions/{code}/gap/", ("ratio", "min_months")),
    ]


def _body(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_every_bad_query_parameter_is_a_400_with_a_reason(mission, hq, log):
    page, api = Client(raise_request_exception=False), APIClient(raise_request_exception=False)
    page.force_login(hq)
    api.force_authenticate(hq)
    failures = []
    for kind, url, names in _urls(mission.code, log["actor"].pk):
        for name in names:
            for value in BAD_VALUES:
                if name == "page_size" and value == str(10**12):
                    continue  # documented: a larger page size is capped at 1000
                client = api if kind == "api" else page
                response = client.get(url, {name: value})
                body = _body(response)
                if not 400 <= response.status_code < 500:
                    failures.append(f"{url}?{name}={value}: {response.status_code}")
                elif name not in body and "detail" not in body:
                    failures.append(f"{url}?{name}={value}: no reason in {body[:200]!r}")
    assert failures == [], "\n".join(failures)


def test_good_parameters_still_answer(mission, hq, log):
    api = api_for(hq)
    assert api.get(f"/api/missions/{mission.code}/principles/?as_of=2025-06-25").status_code == 200
    assert api.get("/api/incidents/?since=2025-03-01&until=2025-03-31").json()["count"] == 1
    assert api.get("/api/incidents/?since=1900-01-01&until=2100-12-31").json()["count"] == 3
    assert api.get("/api/forecasts/?target_month=2025-04").status_code == 200
    assert api.get(f"/api/missions/{mission.code}/gap/?ratio=0.5&min_months=2").status_code == 200
    assert api.get("/api/incidents/?page_size=5000").status_code == 200


# -- 3. fatality ranges, text lengths, NUL bytes ---------------------------------------------


def test_killed_low_above_killed_high_is_refused_naming_the_field(mission, hq):
    api = api_for(hq)
    response = api.post(
        "/api/incidents/", incident_body(mission, killed_low=9, killed_high=2, killed=5)
    )
    assert response.status_code == 400 and "killed_high" in response.json()
    outside = api.post(
        "/api/incidents/", incident_body(mission, killed_low=2, killed_high=4, killed=7)
    )
    assert outside.status_code == 400 and "killed" in outside.json()
    fine = api.post(
        "/api/incidents/", incident_body(mission, killed_low=2, killed_high=4, killed=3)
    )
    assert fine.status_code == 201, fine.content


def test_over_long_free_text_is_a_400_naming_the_field(mission, hq):
    api = api_for(hq)
    response = api.post("/api/incidents/", incident_body(mission, description="x" * 10_001))
    assert response.status_code == 400 and "description" in response.json()
    assert "10000" in str(response.json()["description"]).replace(",", "")
    ok = api.post("/api/incidents/", incident_body(mission, description="x" * 10_000))
    assert ok.status_code == 201


def test_nul_bytes_are_refused_by_the_page_forms_like_the_api(mission, hq):
    api = api_for(hq)
    refused = api.post("/api/incidents/", incident_body(mission, description="a\x00b"))
    assert refused.status_code == 400
    page = client_for(hq).post(
        reverse("incident-add"),
        {
            "mission": mission.code,
            "title": "Clash\x00",
            "category": Incident._meta.get_field("category")
            .related_model.objects.get(code="clash-state")
            .pk,
            "occurred_at": "2025-03-10T12:00",
            "date_precision": 1,
            "reported_at": "2025-03-10T13:00",
            "killed": 0,
            "injured": 0,
            "abducted": 0,
            "civilians_killed": 0,
            "un_personnel_killed": 0,
            "un_personnel_injured": 0,
            "reliability": "B",
            "credibility": 2,
            "sensitivity": 0,
        },
    )
    assert page.status_code == 400
    assert "Null characters are not allowed" in page.content.decode()
    assert not Incident.objects.exists()
    client = client_for(hq)
    for url in (reverse("incident-list"), reverse("mission-cop", kwargs={"code": mission.code})):
        response = client.get(url, {"q": "a\x00b"})
        assert response.status_code == 400, url
        assert "Null characters are not allowed" in response.content.decode()
    assert api.get("/api/incidents/", {"q": "a\x00b"}).status_code == 400


# -- 4. CSV exports escape formula cells -----------------------------------------------------


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _check_hostile(rows: list[dict[str, str]]) -> None:
    hostile = next(r for r in rows if r["title"].endswith('HYPERLINK("http://x")'))
    assert hostile["title"] == "'" + HOSTILE
    assert hostile["actor1"] == "'-Armed group"
    assert hostile["longitude"] == "-3.25"  # a number stays a number
    assert hostile["killed"] == "0"


@pytest.fixture
def hostile(mission: Any) -> Incident:
    return incident(
        mission, title=HOSTILE, actor1="-Armed group", killed=0, longitude=-3.25, latitude=-1.5
    )


def test_the_api_csv_export_escapes_formula_cells(mission, hq, hostile, make_user):
    for query in ("as=csv", "as=csv&humanitarian=true", "as=hxl"):
        response = api_for(hq).get(f"/api/incidents/export/?{query}")
        text = b"".join(response.streaming_content).decode()
        if query == "as=hxl":
            text = "\n".join(line for i, line in enumerate(text.splitlines()) if i != 1)
        _check_hostile(_rows(text))
    liaison = make_user("partner-liaison", mission)
    response = api_for(liaison).get("/api/incidents/export/?as=csv")
    _check_hostile(_rows(b"".join(response.streaming_content).decode()))


def test_the_cli_export_escapes_formula_cells(mission, hostile, tmp_path):
    for extra in ([], ["--humanitarian"]):
        path = tmp_path / "out.csv"
        call_command(
            "export", "incidents", "--mission", mission.code, "--format", "csv", "-o", path, *extra
        )
        _check_hostile(_rows(path.read_text(encoding="utf-8")))


def test_the_mandate_history_csv_escapes_formula_cells(mission, hq):
    Mandate.objects.create(
        mission=mission,
        version=1,
        basis_reference=HOSTILE,
        effective_from=datetime.date(2025, 1, 1),
    )
    Mandate.objects.create(
        mission=mission,
        version=2,
        basis_reference="\tA/RES/1",
        effective_from=datetime.date(2025, 6, 1),
    )
    for url in (
        f"/api/missions/{mission.code}/mandate-history/?export=csv",
        reverse("mission-mandate-history-csv", kwargs={"code": mission.code}),
    ):
        response = client_for(hq).get(url)
        assert response.status_code == 200
        rows = _rows(response.content.decode())
        assert rows[0]["other_basis"] == "'" + HOSTILE
        assert rows[1]["other_basis"] == "'\tA/RES/1"


def test_the_page_export_and_the_analysis_csv_escape_formula_cells(mission, hq, hostile):
    page = client_for(hq)
    listing = page.get(reverse("incident-list"), {"mission": mission.code, "export": "csv"})
    assert "'" + HOSTILE.replace('"', '""') in listing.content.decode()
    hostile.admin1 = "=cmd|' /C calc'!A0"
    hostile.save()
    url = reverse("mission-hotspots-csv", kwargs={"code": mission.code})
    text = page.get(url, {"since": "2025-01-01", "until": "2025-06-30"}).content.decode()
    assert "=cmd" in text and "'=cmd" in text
