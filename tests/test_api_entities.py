"""Every core API endpoint, driven by data (NetBox style): scoped lists, 404 for forbidden
records, create/update with validation, audit rows for each change."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from rest_framework.test import APIClient

from bluehelmet.core import models as m
from bluehelmet.core.permissions import Sensitivity


@dataclass
class EntitySpec:
    endpoint: str
    make: Callable[[m.Mission], Any]
    payload: Callable[[m.Mission], dict[str, Any]]
    bad_payload: Callable[[m.Mission], dict[str, Any]]
    bad_field: str
    update: dict[str, Any] = field(default_factory=dict)


def _hq(mission: m.Mission) -> m.OrgUnit:
    return m.OrgUnit.objects.get(mission=mission, kind=m.OrgUnitKind.MISSION_HQ)


def _post(mission: m.Mission, title: str = "Chief JOC", role: str = m.PostRole.CHIEF_JOC) -> m.Post:
    return m.Post.objects.create(mission=mission, title=title, role=role)


def _person(mission: m.Mission, name: str = "Amina Diallo") -> m.Person:
    return m.Person.objects.create(mission=mission, full_name=name, category="military")


SPECS = [
    EntitySpec(
        "components",
        lambda ms: m.Component.objects.create(mission=ms, kind="police", name="UNPOL"),
        lambda ms: {"mission": ms.code, "kind": "civilian", "name": "Civil Affairs"},
        lambda ms: {"mission": ms.code, "kind": "navy", "name": "Fleet"},
        "kind",
        {"name": "Civil Affairs Division"},
    ),
    EntitySpec(
        "org-units",
        lambda ms: m.OrgUnit.objects.create(
            mission=ms, kind="team_site", name="TS Alpha", parent=_hq(ms), latitude=5, longitude=20
        ),
        lambda ms: {
            "mission": ms.code,
            "kind": "sector_hq",
            "name": "Sector East",
            "parent": _hq(ms).pk,
            "latitude": 6.1,
            "longitude": 22.3,
        },
        lambda ms: {
            "mission": ms.code,
            "kind": "team_site",
            "name": "Bad",
            "latitude": 123,
            "longitude": 22.3,
        },
        "latitude",
        {"admin1": "Ouaka"},
    ),
    EntitySpec(
        "posts",
        lambda ms: _post(ms),
        lambda ms: {
            "mission": ms.code,
            "title": "Force Commander",
            "role": "force_commander",
            "is_mlt": True,
        },
        lambda ms: {"mission": ms.code, "title": "Odd", "role": "emperor"},
        "role",
        {"grade": "D-2"},
    ),
    EntitySpec(
        "people",
        lambda ms: _person(ms),
        lambda ms: {
            "mission": ms.code,
            "full_name": "Jean Moreau",
            "category": "police",
            "nationality": "FRA",
        },
        lambda ms: {
            "mission": ms.code,
            "full_name": "X",
            "category": "police",
            "nationality": "ATL",
        },
        "nationality",
        {"email": "jean.moreau@example.org"},
    ),
    EntitySpec(
        "assignments",
        lambda ms: m.Assignment.objects.create(
            post=_post(ms), person=_person(ms), start_date=datetime.date(2025, 2, 1)
        ),
        lambda ms: {
            "post": _post(ms, "Chief JMAC", "chief_jmac").pk,
            "person": _person(ms, "Li Wei").pk,
            "start_date": "2025-03-01",
        },
        lambda ms: {
            "post": _post(ms, "Chief JMAC", "chief_jmac").pk,
            "person": _person(ms, "Li Wei").pk,
            "start_date": "2025-03-01",
            "end_date": "2025-01-01",
        },
        "end_date",
        {"acting": True},
    ),
    EntitySpec(
        "contingents",
        lambda ms: m.Contingent.objects.create(
            mission=ms,
            country=m.ContributingCountry.objects.get_or_create(iso3="RWA")[0],
            name="RWABATT-1",
            unit_type="infantry_battalion",
            strength=850,
        ),
        lambda ms: {
            "mission": ms.code,
            "country": "BGD",
            "name": "BANENGCOY",
            "unit_type": "engineering",
            "strength": 175,
        },
        lambda ms: {
            "mission": ms.code,
            "country": "ATL",
            "name": "Ghost",
            "unit_type": "engineering",
            "strength": 175,
        },
        "country",
        {"strength": 180},
    ),
    EntitySpec(
        "partners",
        lambda ms: m.Partner.objects.create(mission=ms, name="UNICEF", kind="unct_agency"),
        lambda ms: {
            "mission": ms.code,
            "name": "Office for the Coordination of Humanitarian Affairs",
            "acronym": "OCHA",
            "kind": "humanitarian",
        },
        lambda ms: {"mission": ms.code, "name": "", "kind": "ngo"},
        "name",
        {"focal_point": "Head of Office"},
    ),
]


def _client(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture(params=SPECS, ids=[s.endpoint for s in SPECS])
def spec(request: Any) -> EntitySpec:
    return request.param


def test_list_shows_only_the_users_missions(spec, mission, other_mission, make_user) -> None:
    mine, theirs = spec.make(mission), spec.make(other_mission)
    client = _client(make_user("joc-officer", mission))
    ids = {row["id"] for row in client.get(f"/api/{spec.endpoint}/").json()["results"]}
    assert mine.pk in ids and theirs.pk not in ids


def test_hq_role_lists_every_mission(spec, mission, other_mission, make_user) -> None:
    mine, theirs = spec.make(mission), spec.make(other_mission)
    client = _client(make_user("hq-planner"))
    ids = {
        row["id"] for row in client.get(f"/api/{spec.endpoint}/?page_size=1000").json()["results"]
    }
    assert {mine.pk, theirs.pk} <= ids


def test_other_missions_record_is_404(spec, mission, other_mission, make_user) -> None:
    theirs = spec.make(other_mission)
    client = _client(make_user("head-of-mission", mission))
    assert client.get(f"/api/{spec.endpoint}/{theirs.pk}/").status_code == 404
    assert client.patch(f"/api/{spec.endpoint}/{theirs.pk}/", spec.update).status_code == 404
    assert client.delete(f"/api/{spec.endpoint}/{theirs.pk}/").status_code == 404


def test_create_then_update_is_audited(spec, mission, make_user) -> None:
    user = make_user("mlt-member", mission)
    client = _client(user)
    response = client.post(f"/api/{spec.endpoint}/", spec.payload(mission), format="json")
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    response = client.patch(f"/api/{spec.endpoint}/{pk}/", spec.update, format="json")
    assert response.status_code == 200, response.json()
    model = type(spec.make(mission))._meta.model_name
    entries = m.AuditEntry.objects.filter(
        object_id=str(pk), actor=user, content_type__model=model, mission=mission
    )
    assert sorted(entries.values_list("action", flat=True)) == ["create", "update"]
    update = entries.get(action="update")
    assert set(spec.update) <= set(update.changed_fields)


def test_invalid_payload_is_400_and_names_the_field(spec, mission, make_user) -> None:
    client = _client(make_user("mlt-member", mission))
    payload = spec.bad_payload(mission)
    before = m.AuditEntry.objects.count()
    response = client.post(f"/api/{spec.endpoint}/", payload, format="json")
    assert response.status_code == 400
    assert spec.bad_field in response.json()
    assert m.AuditEntry.objects.count() == before  # nothing stored, nothing logged


def test_cannot_create_in_a_mission_not_held(spec, mission, other_mission, make_user) -> None:
    client = _client(make_user("mlt-member", mission))
    payload = spec.payload(other_mission)
    response = client.post(f"/api/{spec.endpoint}/", payload, format="json")
    assert response.status_code == 400


def test_read_only_role_cannot_write(spec, mission, make_user) -> None:
    client = _client(make_user("partner-liaison", mission))
    response = client.post(f"/api/{spec.endpoint}/", spec.payload(mission), format="json")
    assert response.status_code == 400
    record = spec.make(mission)
    assert client.patch(f"/api/{spec.endpoint}/{record.pk}/", spec.update).status_code == 404


def test_filter_by_mission_code(spec, mission, other_mission, make_user) -> None:
    spec.make(mission), spec.make(other_mission)
    client = _client(make_user("hq-planner"))
    rows = client.get(f"/api/{spec.endpoint}/?mission={other_mission.code}").json()["results"]
    assert rows and all(r["mission"] == other_mission.code for r in rows)


def test_unknown_mission_code_is_400_with_a_message(spec, make_user, mission) -> None:
    client = _client(make_user("hq-planner"))
    response = client.get(f"/api/{spec.endpoint}/?mission=NOSUCH")
    assert response.status_code == 400
    assert "Unknown mission code" in str(response.json())


def test_sensitivity_above_clearance_is_refused(spec, mission, make_user) -> None:
    client = _client(make_user("joc-officer", mission))  # clearance: confidential
    payload = {**spec.payload(mission), "sensitivity": Sensitivity.STRICTLY_CONFIDENTIAL}
    response = client.post(f"/api/{spec.endpoint}/", payload, format="json")
    assert response.status_code == 400
    assert "sensitivity" in response.json()


def test_confidential_records_hidden_from_unclassified_role(spec, mission, make_user) -> None:
    record = spec.make(mission)
    type(record).objects.filter(pk=record.pk).update(sensitivity=Sensitivity.CONFIDENTIAL)
    client = _client(make_user("component-staff", mission))
    assert client.get(f"/api/{spec.endpoint}/{record.pk}/").status_code == 404
    assert (
        _client(make_user("joc-officer", mission))
        .get(f"/api/{spec.endpoint}/{record.pk}/")
        .status_code
        == 200
    )
