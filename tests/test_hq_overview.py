"""The headquarters overview (issue 20; Capstone §7.1): one row per operation the user may see,
every column counting only what the user's role and clearance allow, on the page, the API and
the CSV alike. Built on the demo once for the module."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from tests.conftest import PASSWORD

from bluehelmet.core import hq
from bluehelmet.core.models import Membership, Mission, Role
from bluehelmet.core.registry import registry

# The mission's own facts (its record and its phase history), which every role that may see the
# mission reads on its overview too: not counts of records, so not narrowed by clearance.
MISSION_FACTS = {"mission", "type", "host", "phase", "deployment-clock"}
# Aggregates published by design to every role that may see the mission, suppressed so that no
# case can be told apart (conduct: Capstone §3.2; counts under 5 are never shown).
PUBLISHED_AGGREGATES = {"conduct"}


def user_with(make_user: Any, role: str, mission: Mission | None = None) -> Any:
    return make_user(role, mission)


def client_for(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def cells(user: Any, mission: Mission) -> dict[str, Any]:
    """Each column's (value, sort, tone) for ``mission`` as ``user`` sees it (None: no cell)."""
    overview = hq.build_overview(user, [mission], charts=False)
    return {
        column.key: None if cell is None else (cell.value, cell.sort, cell.tone)
        for column, cell in zip(overview.columns, overview.rows[0].cells, strict=True)
    }


def make_everything_strictly_confidential(mission: Mission) -> int:
    """Every record the mission owns becomes strictly confidential (the Mission row aside)."""
    changed = 0
    for model in apps.get_models():
        path = getattr(model, "mission_field", None)
        sensitivity = getattr(model, "sensitivity_field", None)
        if not path or not sensitivity or model is Mission:
            continue
        rows = model._base_manager.filter(**{path.removesuffix("_id") + "_id": mission.pk})
        changed += rows.update(**{sensitivity: 2})
    return changed


def empty_twin(mission: Mission) -> Mission:
    """A mission with the same facts as ``mission`` and no records at all."""
    return Mission.objects.create(
        code="TWIN",
        name="Twin",
        host_country=mission.host_country,
        host_country_name=mission.host_country_name,
        mission_type=mission.mission_type,
        phase=mission.phase,
        mandate_authorised_on=mission.mandate_authorised_on,
    )


@pytest.mark.django_db
def test_hq_roles_land_on_the_overview_and_see_every_operation(demo: Any, make_user: Any) -> None:
    client = client_for(user_with(make_user, "hq-planner"))
    page = client.get("/", follow=True)
    assert page.redirect_chain[-1][0] == "/hq/"
    html = page.content.decode()
    for code in ("MINUSBEL", "UNMOGTO"):
        assert f'data-mission="{code}"' in html
    # Each row links to the mission's page; the comparisons are drawn.
    assert 'href="/missions/MINUSBEL/"' in html
    assert 'id="hq-chart-incidents-monthly"' in html
    assert 'id="hq-chart-strength-gap"' in html


@pytest.mark.django_db
def test_a_mission_role_sees_only_its_own_operation_everywhere(demo: Any, make_user: Any) -> None:
    """Page, API, CSV and map: the other mission is no row, no feature, no figure."""
    client = client_for(user_with(make_user, "joc-officer", demo["UNMOGTO"]))
    page = client.get("/hq/").content.decode()
    api = client.get("/api/overview/").json()
    export = client.get("/hq/?format=csv").content.decode()
    world = client.get("/hq/map.geojson").json()
    assert 'data-mission="UNMOGTO"' in page and "MINUSBEL" not in page
    assert [m["code"] for m in api["missions"]] == ["UNMOGTO"]
    assert "MINUSBEL" not in export and "UNMOGTO" in export
    props = [f["properties"] for f in world["features"]]
    named = {p.get("mission") or p.get("code") for p in props}
    assert named <= {"UNMOGTO", "XTM", "XOS", "XBN"}
    assert not any(s["mission"] == "MINUSBEL" for c in api["charts"] for s in c["series"])


@pytest.mark.django_db
def test_every_column_counts_only_what_the_role_may_see(demo: Any, make_user: Any) -> None:
    """Given every MINUSBEL record made strictly confidential, a researcher (unclassified, all
    missions) reads in every column exactly what it reads for a mission with no records at all,
    while the oversight role (strictly confidential) still reads the figures."""
    minusbel = demo["MINUSBEL"]
    researcher = user_with(make_user, "researcher")
    oversight = user_with(make_user, "hq-oversight")
    before = cells(oversight, minusbel)
    assert make_everything_strictly_confidential(minusbel) > 1000
    twin = empty_twin(minusbel)

    seen, nothing = cells(researcher, minusbel), cells(researcher, twin)
    counted = [key for key in seen if key not in MISSION_FACTS | PUBLISHED_AGGREGATES]
    assert set(counted) >= {"incidents-90d", "strength", "open-crises", "alerts-waiting"}
    for key in counted:
        assert seen[key] == nothing[key], f"column {key!r} shows what the researcher may not see"
    # The test can fail: the cleared role still sees the figures in most columns.
    cleared = cells(oversight, minusbel)
    differing = [key for key in counted if cleared[key] != nothing[key]]
    assert len(differing) >= 5, differing
    assert cleared["incidents-90d"] == before["incidents-90d"]


@pytest.mark.django_db
def test_the_api_and_the_csv_give_the_page_figures(demo: Any, make_user: Any) -> None:
    client = client_for(user_with(make_user, "hq-oversight"))
    api = client.get("/api/overview/?sort=-incidents-90d").json()
    keys = [c["key"] for c in api["columns"]]
    assert keys[0] == "mission" and "incidents-90d" in keys and "readiness" in keys
    codes = [m["code"] for m in api["missions"]]
    assert codes == ["MINUSBEL", "UNMOGTO"]  # MINUSBEL has by far the most incidents
    minusbel = api["missions"][0]["cells"]
    assert minusbel["incidents-90d"]["value"] > 0
    assert minusbel["incidents-90d"]["url"] == "/missions/MINUSBEL/cop/"

    rows = list(csv.reader(io.StringIO(client.get("/hq/?format=csv").content.decode())))
    assert rows[0][0] == "Mission" and len(rows) == 3
    col = keys.index("incidents-90d")
    by_code = {m["code"]: m["cells"]["incidents-90d"]["text"] for m in api["missions"]}
    assert {r[0].split(" · ")[0]: r[col] for r in rows[1:]} == by_code


@pytest.mark.django_db
def test_the_table_filters_and_sorts(demo: Any, make_user: Any) -> None:
    client = client_for(user_with(make_user, "hq-planner"))
    only = client.get("/api/overview/?q=tamarsa").json()  # UNMOGTO's host country
    by_type = client.get(f"/api/overview/?mission_type={demo['UNMOGTO'].mission_type}").json()
    nothing = client.get("/hq/?q=no-such-operation").content.decode()
    assert [m["code"] for m in by_type["missions"]] == ["UNMOGTO"]
    assert "No operation you may see matches." in nothing
    assert [m["code"] for m in only["missions"]] == ["UNMOGTO"]
    ascending = client.get("/api/overview/?sort=incidents-90d").json()
    assert [m["code"] for m in ascending["missions"]] == ["UNMOGTO", "MINUSBEL"]
    page = client.get("/hq/?sort=incidents-90d").content.decode()
    assert 'aria-sort="ascending" data-key="incidents-90d"' in page


@pytest.mark.django_db
def test_a_cell_says_so_when_the_role_may_see_nothing_of_it(demo: Any, make_user: Any) -> None:
    """Principles records are at least confidential: the researcher gets no alert count."""
    researcher = user_with(make_user, "researcher")
    api = client_for(researcher).get("/api/overview/").json()
    minusbel = next(m for m in api["missions"] if m["code"] == "MINUSBEL")
    assert minusbel["cells"]["alerts-waiting"] is None
    assert minusbel["cells"]["consent-withdrawals"] is None
    planner = client_for(user_with(make_user, "hq-planner")).get("/api/overview/").json()
    cleared = next(m for m in planner["missions"] if m["code"] == "MINUSBEL")
    assert cleared["cells"]["alerts-waiting"]["value"] >= 2  # the demo's two waiting alerts


def test_every_registered_column_and_chart_has_a_unique_key() -> None:
    keys = [c.key for c in registry.overview_columns()]
    assert len(keys) == len(set(keys)) and keys[0] == "mission"
    assert {c.kind for c in registry.overview_charts()} <= {"bars", "lines"}


@pytest.mark.django_db
def test_a_user_without_any_role_gets_an_empty_overview(make_user: Any, mission: Mission) -> None:
    nobody = make_user()
    client = client_for(nobody)
    assert client.get("/api/overview/").json()["missions"] == []
    assert "No operation you may see matches." in client.get("/hq/").content.decode()
    assert Membership.objects.filter(user=nobody).count() == 0
    assert Role.objects.filter(code="researcher").exists()
