"""Every endpoint that counts, sums, maps or exports incidents (and the analyses drawn from them)
answers from the caller's restricted records only (Capstone §7.2; issue 11).

The database holds one strictly confidential incident, with an actor name, fatalities, a
category, an admin area, a place and a date, and the strictly confidential records the
principles, strength and forecast endpoints read. Low-clearance roles (partner liaison in the
mission, an HQ researcher) call each endpoint: neither the actor's name, nor the place, nor the
fatality figures may appear, and every count is zero. A head of mission, cleared for it, sees
the record through the same endpoints, so the probe is not vacuous.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.test import Client
from tests.analysis_support import actor
from tests.forecasting_support import stored_run
from tests.operations_support import at, incident

from bluehelmet.analysis.linking import relink_mission
from bluehelmet.core.models import Contingent, ContributingCountry, Mission
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.core.phases import Phase
from bluehelmet.mandates.models import AuthorisedStrength, DeployedStrength, Mandate
from bluehelmet.principles import models as pm

SC = Sensitivity.STRICTLY_CONFIDENTIAL
SECRET_ACTOR = "Zetamilitia Nocturne"  # nobody's alias: appears as an unmatched name
VISIBLE_ACTOR = "Front Visible"  # an unclassified actor named on the hidden incident
HIDDEN_AREA = "Provincia Occulta"
KILLED, CIVILIANS = 3917, 2711
TROOPS = 8123
SECRETS = (SECRET_ACTOR, HIDDEN_AREA, str(KILLED), str(CIVILIANS), str(TROOPS))
# Keys whose numbers count or sum records; every one must be zero for a low-clearance caller.
COUNT_KEYS = {
    "count",
    "counts",
    "incidents",
    "total",
    "killed",
    "civilians_killed",
    "fatalities",
    "values",
    "events",
}


@pytest.fixture
def hidden(mission: Any) -> dict[str, Any]:
    """The one strictly confidential record of each kind, and an unclassified actor."""
    front = actor(mission, VISIBLE_ACTOR)
    record = incident(
        mission,
        title="Hidden clash",
        occurred_at=at(2025, 10, 20),
        latitude=4.4,
        longitude=18.6,
        admin1=HIDDEN_AREA,
        location_name=HIDDEN_AREA,
        actor1=SECRET_ACTOR,
        actor2=VISIBLE_ACTOR,
        killed=KILLED,
        civilians_killed=CIVILIANS,
        sensitivity=SC,
    )
    party = pm.Party.objects.create(mission=mission, name=SECRET_ACTOR, sensitivity=SC)
    for day in (1, 5, 9, 12):
        pm.ConsentEvent.objects.create(
            mission=mission,
            party=party,
            admin1=HIDDEN_AREA,
            kind="fom_restriction",
            occurred_on=datetime.date(2025, 10, day),
            sensitivity=SC,
        )
    pm.Violation.objects.create(
        mission=mission, party=party, occurred_on=datetime.date(2025, 10, 2), sensitivity=SC
    )
    Mandate.objects.create(mission=mission, version=1, effective_from=datetime.date(2025, 1, 10))
    AuthorisedStrength.objects.create(
        mission=mission, effective_from=datetime.date(2025, 1, 1), troops=TROOPS, sensitivity=SC
    )
    DeployedStrength.objects.create(
        mission=mission, month=datetime.date(2025, 9, 1), troops=TROOPS - 1, sensitivity=SC
    )
    stored_run(mission, areas=((HIDDEN_AREA, 0.9),), sensitivity=SC)
    relink_mission(mission.pk)  # the receivers relink after the commit a test never reaches
    return {"incident": record, "actor": front}


def endpoints(code: str, actor_id: int) -> list[str]:
    api, page = f"/api/missions/{code}", f"/missions/{code}"
    return [
        f"/api/actors/unmatched/?mission={code}",
        f"/api/actors/{actor_id}/activity/?since=2025-01-01&until=2025-12-31",
        *(f"/api/incidents/aggregate/?by={by}" for by in ("period", "category", "admin1", "h3")),
        "/api/incidents/aggregate/?by=period,category,admin1,h3",
        "/api/incidents/geojson/",
        *(f"/api/incidents/export/?as={kind}" for kind in ("csv", "geojson", "hxl")),
        f"{api}/hotspots/?since=2025-10-01&until=2025-10-31",
        f"{api}/hotspots/?unit=h3:5&since=2025-10-01&until=2025-10-31",
        f"{api}/trends/?by=category&since=2025-01-01&until=2025-12-31",
        f"{api}/trends/?by=actor&since=2025-01-01&until=2025-12-31",
        f"{api}/principles/?as_of=2025-10-15",
        f"{api}/gap/",
        f"{api}/mandate-history/",
        "/api/forecasts/",
        "/api/forecast-runs/",
        f"{page}/cop/",
        f"{page}/cop/hexagons.geojson",
        f"{page}/cop/points.geojson",
        f"{page}/cop/timeline.json",
        f"{page}/cop/list/",
        f"{page}/analysis/?since=2025-10-01&until=2025-10-31",
        f"{page}/analysis/?trend=actor&since=2025-10-01&until=2025-10-31",
        f"{page}/analysis/hotspots.csv?since=2025-10-01&until=2025-10-31",
        f"{page}/analysis/trends.csv?by=actor&since=2025-01-01&until=2025-12-31",
        f"{page}/forecasts/",
        f"{page}/forecasts/export.csv",
    ]


ENDPOINT_IDS = endpoints("CODE", 0)


def body_of(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def counted(data: Any, key: str | None = None) -> list[float]:
    """Every number held under a counting key, anywhere in the JSON."""
    if isinstance(data, dict):
        return [n for k, v in data.items() for n in counted(v, k)]
    if isinstance(data, list):
        return [n for item in data for n in counted(item, key)]
    if isinstance(data, int | float) and not isinstance(data, bool) and key in COUNT_KEYS:
        return [data]
    return []


def call(user: Any, url: str) -> tuple[int, str]:
    client = Client()
    client.force_login(user)
    response = client.get(url)
    return response.status_code, body_of(response)


@pytest.mark.parametrize("role", ["partner-liaison", "researcher"])
@pytest.mark.parametrize("index", range(len(ENDPOINT_IDS)), ids=ENDPOINT_IDS)
def test_low_clearance_learns_nothing_of_a_strictly_confidential_record(
    mission, hidden, make_user, role, index
):
    user = make_user(role, mission if role == "partner-liaison" else None)
    url = endpoints(mission.code, hidden["actor"].pk)[index]
    status, body = call(user, url)
    assert status in (200, 404), (url, status, body[:300])
    for secret in SECRETS:
        assert secret not in body, (url, secret)
    if body.lstrip().startswith(("{", "[")):
        assert not any(counted(json.loads(body))), (url, body[:500])


@pytest.mark.parametrize("index", range(len(ENDPOINT_IDS)), ids=ENDPOINT_IDS)
def test_a_cleared_role_sees_the_record_through_the_same_endpoint(
    mission, hidden, make_user, index
):
    """The control: the record is there and each endpoint above does report it."""
    url = endpoints(mission.code, hidden["actor"].pk)[index]
    status, body = call(make_user("head-of-mission", mission), url)
    assert status == 200
    is_json = body.lstrip().startswith(("{", "["))
    assert any(s in body for s in SECRETS) or any(counted(json.loads(body)) if is_json else [])


def test_unmatched_names_count_only_visible_incidents(mission, make_user):
    """An unmatched actor name of an unclassified incident is listed with its visible count."""
    incident(mission, actor1="Open Band", actor2="")
    incident(mission, actor1="Open Band", actor2="", sensitivity=SC)
    user = make_user("partner-liaison", mission)
    status, body = call(user, f"/api/actors/unmatched/?mission={mission.code}")
    assert status == 200
    assert json.loads(body) == [{"name": "Open Band", "incidents": 1}]


def test_relinking_tells_the_analyst_only_what_they_may_see(mission, hidden, make_user):
    """A confidential analyst relinks the whole log but is told only of visible incidents."""
    client = Client()
    client.force_login(make_user("jmac-analyst", mission))
    response = client.post(f"/api/actors/relink/?mission={mission.code}")
    assert response.status_code == 200
    data = response.json()
    assert data["unmatched"] == [] and data["links"] == data["incidents"] == 0
    assert SECRET_ACTOR not in response.content.decode()


@pytest.fixture
def contingents(mission: Any) -> Any:
    """One unclassified contingent deployed, two strictly confidential ones still pledged."""
    country = ContributingCountry.objects.create(iso3="NPL")
    for name, status, sensitivity in (
        ("NEPBATT", "deployed", Sensitivity.UNCLASSIFIED),
        ("Hidden battalion", "pledged", SC),
        ("Hidden company", "pledged", SC),
    ):
        Contingent.objects.create(
            mission=mission,
            country=country,
            name=name,
            unit_type="infantry_battalion",
            strength=800,
            status=status,
            sensitivity=sensitivity,
        )
    Mission.objects.filter(pk=mission.pk).update(phase=Phase.IOC)
    return mission


def _foc_check(client: Client, code: str) -> dict[str, Any]:
    data = client.get(f"/api/missions/{code}/lifecycle/").json()
    (foc,) = [n for n in data["next"] if n["phase"] == Phase.FOC]
    (check,) = [c for c in foc["checks"] if c["code"] == "contingents_deployed"]
    return check


@pytest.mark.parametrize("role", ["partner-liaison", "component-staff", "researcher"])
def test_gate_texts_count_only_the_contingents_the_reader_may_see(contingents, make_user, role):
    """The verdict counts all three contingents; the text only the one the reader sees."""
    user = make_user(role, None if role == "researcher" else contingents)
    client = Client()
    client.force_login(user)
    check = _foc_check(client, contingents.code)
    assert check["passed"] is False
    assert check["explanation"].startswith("1 of 1 contingents deployed.")
    assert (
        "3" not in check["explanation"]
        and "the verdict counts every record" in check["explanation"]
    )
    page = client.get(f"/missions/{contingents.code}/lifecycle/").content.decode()
    assert "1 of 1 contingents deployed." in page and "of 3 contingents" not in page


def test_gate_texts_give_a_cleared_reader_every_figure(contingents, make_user):
    client = Client()
    client.force_login(make_user("head-of-mission", contingents))
    check = _foc_check(client, contingents.code)
    assert check["passed"] is False and check["explanation"] == "1 of 3 contingents deployed."
