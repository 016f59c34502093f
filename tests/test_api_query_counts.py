"""List endpoints answer in a fixed number of queries, however many records they show.

For each list endpoint of core and operations: N = 3 and N = 30 records (strictly confidential
where the record has a sensitivity, so that the audited-read path runs too), each with the
relations its serializer follows, and the number of queries of one page must not grow with N
(issue 12: no per-row queries). The budget is the same for both sizes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient
from tests.operations_support import at, incident

from bluehelmet.core import models as m
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.operations import models as om

SECRET = Sensitivity.STRICTLY_CONFIDENTIAL


def _hq(mission: m.Mission) -> m.OrgUnit:
    return m.OrgUnit.objects.get(mission=mission, kind=m.OrgUnitKind.MISSION_HQ)


def _mission(mission: m.Mission, i: int) -> Any:
    return m.Mission.objects.create(
        code=f"MTEST{i}",
        name=f"Test mission {i}",
        host_country="XTA",
        mission_type=m.MissionType.TRADITIONAL,
        mandate_authorised_on=datetime.date(2025, 1, 10),
    )


def _component(mission: m.Mission, i: int) -> Any:
    return m.Component.objects.create(
        mission=mission, kind="police", name=f"Unit {i}", sensitivity=SECRET
    )


def _org_unit(mission: m.Mission, i: int) -> Any:
    component = m.Component.objects.filter(mission=mission).first()
    return m.OrgUnit.objects.create(
        mission=mission,
        kind="team_site",
        name=f"TS {i}",
        parent=_hq(mission),
        component=component,
        latitude=5,
        longitude=20,
        sensitivity=SECRET,
    )


def _post(mission: m.Mission, i: int) -> Any:
    superior = m.Post.objects.filter(mission=mission).first()
    return m.Post.objects.create(
        mission=mission,
        title=f"Officer {i}",
        role=m.PostRole.CHIEF_JOC,
        org_unit=_hq(mission),
        component=m.Component.objects.filter(mission=mission).first(),
        reports_to=superior,
        sensitivity=SECRET,
    )


def _person(mission: m.Mission, i: int) -> Any:
    return m.Person.objects.create(
        mission=mission, full_name=f"Person {i}", category="military", sensitivity=SECRET
    )


def _assignment(mission: m.Mission, i: int) -> Any:
    return m.Assignment.objects.create(
        post=_post(mission, i),
        person=_person(mission, i),
        start_date=datetime.date(2025, 2, 1),
        sensitivity=SECRET,
    )


def _contingent(mission: m.Mission, i: int) -> Any:
    return m.Contingent.objects.create(
        mission=mission,
        country=m.ContributingCountry.objects.get_or_create(iso3=("RWA", "BGD", "NPL")[i % 3])[0],
        name=f"BATT-{i}",
        unit_type="infantry_battalion",
        strength=850,
        org_unit=_hq(mission),
        sensitivity=SECRET,
    )


def _partner(mission: m.Mission, i: int) -> Any:
    return m.Partner.objects.create(
        mission=mission, name=f"Partner {i}", kind="unct_agency", sensitivity=SECRET
    )


def _membership(mission: m.Mission, i: int) -> Any:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username=f"member{i}", password="x")
    partner = m.Partner.objects.create(mission=mission, name=f"NGO {i}", kind="ngo")
    return m.Membership.objects.create(
        user=user, role=m.Role.objects.get(code="joc-officer"), mission=mission,
        on_behalf_of=partner,
    )  # fmt: skip


def _audited(mission: m.Mission, i: int) -> Any:
    person = _person(mission, i)  # one "create" entry each, strictly confidential
    person.full_name = f"Person {i} (renamed)"
    person.save()  # and one "update"
    return person


def _incident(mission: m.Mission, i: int) -> Any:
    source, _ = om.IncidentSource.objects.get_or_create(
        mission=mission, name="Radio", defaults={"kind": "open_source"}
    )
    original = om.Incident.objects.filter(mission=mission).last()
    return incident(
        mission,
        category=("clash-state", "attack-civilians")[i % 2],
        title=f"Incident {i}",
        occurred_at=at(2025, 3, 1 + i % 28),
        source=source,
        org_unit=_hq(mission),
        duplicate_of=original,
        sensitivity=SECRET,
        h3_r5=599686042433355775,
    )


def _sitrep(mission: m.Mission, i: int) -> Any:
    report = om.SituationReport.objects.create(
        mission=mission,
        report_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=i),
        org_unit=_hq(mission),
        sensitivity=SECRET,
    )
    report.incidents.add(incident(mission, title=f"Reported {i}"))
    return report


def _crisis(mission: m.Mission, i: int) -> Any:
    crisis = om.Crisis.objects.create(
        mission=mission, title=f"Crisis {i}", opened_at=at(2025, 3, 1), sensitivity=SECRET
    )
    crisis.incidents.add(incident(mission, title=f"Trigger {i}"))
    om.CrisisTask.objects.create(mission=mission, crisis=crisis, title=f"Task {i}")
    return crisis


# endpoint, maker, role of the caller (None: an HQ administrator), most queries for one page:
# the caller's grants, the count, the page, its prefetches, and for strictly confidential
# rows one mission lookup and one insert of the audited reads.
ENDPOINTS: list[tuple[str, Callable[[m.Mission, int], Any], str | None, int]] = [
    ("missions", _mission, None, 3),
    ("components", _component, "head-of-mission", 6),
    ("org-units", _org_unit, "head-of-mission", 6),
    ("posts", _post, "head-of-mission", 6),
    ("people", _person, "head-of-mission", 6),
    ("assignments", _assignment, "head-of-mission", 6),
    ("contingents", _contingent, "head-of-mission", 6),
    ("partners", _partner, "head-of-mission", 6),
    ("memberships", _membership, "head-of-mission", 3),
    ("audit", _audited, "head-of-mission", 3),
    ("incidents", _incident, "head-of-mission", 7),
    ("situation-reports", _sitrep, "head-of-mission", 7),
    ("crises", _crisis, "head-of-mission", 8),
]


def _get(user: Any, endpoint: str, mission: m.Mission) -> tuple[Any, int]:
    client = APIClient()
    client.force_authenticate(type(user).objects.get(pk=user.pk))  # grants not cached yet
    query = "" if endpoint in {"missions", "memberships", "audit"} else f"mission={mission.code}&"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/api/{endpoint}/?{query}page_size=1000")
    assert response.status_code == 200, response.content
    return response, len(queries)


@pytest.mark.parametrize("n", [3, 30])
@pytest.mark.parametrize(
    ("endpoint", "make", "role", "budget"), ENDPOINTS, ids=[e[0] for e in ENDPOINTS]
)
def test_list_queries_do_not_grow_with_the_rows(
    endpoint, make, role, budget, n, mission, make_user, django_assert_max_num_queries
):
    user = make_user(role, mission if role else None) if role else make_user("hq-admin")
    for i in range(n):
        make(mission, i)
    client = APIClient()
    client.force_authenticate(user)
    query = "" if endpoint in {"missions", "memberships", "audit"} else f"mission={mission.code}&"
    with django_assert_max_num_queries(budget):
        response = client.get(f"/api/{endpoint}/?{query}page_size=1000")
    assert response.status_code == 200, response.content
    assert response.json()["count"] >= n


@pytest.mark.parametrize(
    ("endpoint", "make", "role", "budget"), ENDPOINTS, ids=[e[0] for e in ENDPOINTS]
)
def test_thirty_rows_cost_the_queries_of_three(endpoint, make, role, budget, mission, make_user):
    user = make_user(role, mission if role else None) if role else make_user("hq-admin")
    for i in range(3):
        make(mission, i)
    _, few = _get(user, endpoint, mission)
    for i in range(3, 30):
        make(mission, i)
    response, many = _get(user, endpoint, mission)
    assert response.json()["count"] >= 30
    assert many == few, f"{endpoint}: {few} queries for 3 rows, {many} for 30"


@pytest.mark.parametrize("role", ["head-of-mission", "partner-liaison"])
@pytest.mark.parametrize("n", [3, 30])
def test_map_api_reads_the_incidents_in_one_query(role, n, mission, make_user):
    """``/api/incidents/geojson/``: one query for the incidents (values, no model objects and
    no per-row lookups), whatever the number of features."""
    user = make_user(role, mission)
    for i in range(n):
        _incident(mission, i)
    om.Incident.objects.update(sensitivity=Sensitivity.UNCLASSIFIED)  # the partner sees them
    client = APIClient()
    client.force_authenticate(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/api/incidents/geojson/?mission={mission.code}&limit=500")
    assert response.status_code == 200
    assert len(response.json()["features"]) == n
    incident_reads = [q for q in queries if 'FROM "operations_incident"' in q["sql"]]
    assert len(incident_reads) == 1, [q["sql"] for q in queries]
    assert len(queries) <= 4, [q["sql"] for q in queries]  # grants (view, sources), the rows


@pytest.mark.parametrize(
    ("extra", "page", "counts"),
    [(10, 1, False), (0, 1, True), (-2, 1, True), (-2, 2, True)],
)
def test_a_short_first_page_is_its_own_count(extra, page, counts, mission, make_user):
    """Most mission lists fit on one page: a first page shorter than a full one needs no
    ``COUNT`` query (issue 12). A full first page, or any later page, still counts, so the
    total and the links stay right. ``extra``: the page size minus the number of rows."""
    user = make_user("head-of-mission", mission)
    for i in range(5):
        _component(mission, i)
    total = m.Component.objects.filter(mission=mission).count()
    size = total + extra
    client = APIClient()
    client.force_authenticate(user)
    url = f"/api/components/?mission={mission.code}&page_size={size}&page={page}"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["count"] == total
    assert len(body["results"]) == (min(size, total) if page == 1 else total - size)
    assert any("COUNT(" in q["sql"] for q in queries) == counts
    assert (body["next"] is not None) == (page * size < total)


def test_a_page_past_the_end_is_still_404(mission, make_user):
    user = make_user("head-of-mission", mission)
    client = APIClient()
    client.force_authenticate(user)
    response = client.get(f"/api/components/?mission={mission.code}&page=9")
    assert response.status_code == 404
