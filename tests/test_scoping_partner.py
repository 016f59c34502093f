"""The partner-safe view and duplicate links (Capstone §7.2; issue 11).

A partner liaison always gets the partner-safe view of incidents, whatever the request asks:
no source, source reference, grading, reporting unit or duplicate link, in the API, the map
data, the exports and the pages. Component staff, with the same clearance, still see them: the
role decides, not the clearance. And a duplicate link never names a record the caller may not
see.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from tests.operations_support import incident

from bluehelmet.core.models import OrgUnit, OrgUnitKind
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.operations.models import IncidentSource

REFERENCE = "CASE-7731-informant"
SOURCE = "Radio Trottoir Network"
WITHHELD = ("source", "source_reference", "reliability", "credibility", "org_unit")


@pytest.fixture
def reported(mission: Any) -> Any:
    """An unclassified incident with a source, a reference, a grade, a unit and an original."""
    source = IncidentSource.objects.create(mission=mission, name=SOURCE, kind="community")
    original = incident(mission, title="First report")
    return incident(
        mission,
        title="Second report",
        source=source,
        source_reference=REFERENCE,
        reliability="B",
        credibility=2,
        org_unit=OrgUnit.objects.get(mission=mission, kind=OrgUnitKind.MISSION_HQ),
        duplicate_of=original,
    )


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.fixture
def partner(mission: Any, make_user: Any) -> Client:
    return client_for(make_user("partner-liaison", mission))


@pytest.fixture
def staff(mission: Any, make_user: Any) -> Client:
    return client_for(make_user("component-staff", mission))


@pytest.mark.parametrize("asked", ["", "?humanitarian=false"])
def test_partner_api_list_and_detail_withhold_how_the_mission_learnt(partner, reported, asked):
    rows = partner.get(f"/api/incidents/{asked}").json()["results"]
    (row,) = [r for r in rows if r["id"] == reported.pk]
    detail = partner.get(f"/api/incidents/{reported.pk}/{asked}").json()
    for data in (row, detail):
        assert not set(WITHHELD) & set(data)
        assert "duplicate_of" not in data and data["source_name"] == ""
    assert detail["duplicates"] == []
    assert REFERENCE not in str(detail) and SOURCE not in str(detail)


def test_staff_of_the_same_clearance_still_see_the_source(staff, reported):
    detail = staff.get(f"/api/incidents/{reported.pk}/").json()
    assert detail["source_reference"] == REFERENCE and detail["reliability"] == "B"
    assert detail["source_name"] == SOURCE and detail["duplicate_of"] == reported.duplicate_of_id


def test_partner_geojson_withholds_the_source(partner, reported):
    features = partner.get("/api/incidents/geojson/").json()["features"]
    (props,) = [f["properties"] for f in features if f["properties"]["title"] == "Second report"]
    assert not {"source", "source_reference", "reliability", "reporting_unit"} & set(props)
    assert "duplicate_of" not in props


@pytest.mark.parametrize("kind", ["csv", "hxl", "geojson"])
@pytest.mark.parametrize("asked", ["", "&humanitarian=false"])
def test_partner_export_is_always_the_partner_variant(partner, reported, kind, asked):
    response = partner.get(f"/api/incidents/export/?as={kind}{asked}")
    body = text(response)
    assert response.status_code == 200 and "Second report" in body
    assert "humanitarian" in response["Content-Disposition"]
    assert REFERENCE not in body and SOURCE not in body
    assert "reliability" not in body and "source_reference" not in body


def test_partner_filters_by_grade_or_source_tell_nothing(partner, reported):
    """Filtering by a withheld field would reveal it: those filters do not apply."""
    everything = partner.get("/api/incidents/").json()["count"]
    for query in ("reliability=E", "source_kind=media", "duplicate=true", "credibility_max=1"):
        assert partner.get(f"/api/incidents/?{query}").json()["count"] == everything, query


def test_partner_incident_pages_withhold_the_source(partner, reported):
    page = text(partner.get(f"/incidents/{reported.pk}/"))
    assert "Second report" in page
    assert REFERENCE not in page and SOURCE not in page
    assert "Source graded" not in page and "Source reliability" not in page
    assert "Reported again as" not in page
    listing = text(partner.get("/incidents/"))
    assert "Second report" in listing and "Source reliability" not in listing
    exported = list(csv.reader(io.StringIO(text(partner.get("/incidents/?export=csv")))))
    assert "Source reliability" not in exported[0]
    cop = text(partner.get(f"/missions/{reported.mission.code}/cop/"))
    assert SOURCE not in cop and "cop-reliability" not in cop


def test_staff_incident_page_shows_the_source(staff, reported):
    page = text(staff.get(f"/incidents/{reported.pk}/"))
    assert REFERENCE in page and "Source graded" in page


@pytest.fixture
def hidden_links(mission: Any) -> dict[str, Any]:
    """Unclassified reports linked to strictly confidential ones, both ways."""
    secret = Sensitivity.STRICTLY_CONFIDENTIAL
    hidden_original = incident(mission, title="Hidden original", sensitivity=secret)
    open_original = incident(mission, title="Open original")
    return {
        "copy": incident(mission, title="Open copy", duplicate_of=hidden_original),
        "original": open_original,
        "hidden_copy": incident(
            mission, title="Hidden copy", duplicate_of=open_original, sensitivity=secret
        ),
        "hidden_ids": {hidden_original.pk},
    }


def test_duplicate_links_name_only_records_the_caller_may_see(staff, hidden_links):
    copy = staff.get(f"/api/incidents/{hidden_links['copy'].pk}/").json()
    assert copy["duplicate_of"] is None
    listed = staff.get("/api/incidents/").json()["results"]
    assert all(r["duplicate_of"] is None for r in listed)
    original = staff.get(f"/api/incidents/{hidden_links['original'].pk}/").json()
    assert original["duplicates"] == []
    features = staff.get("/api/incidents/geojson/").json()["features"]
    assert all(f["properties"]["duplicate_of"] == "" for f in features)
    rows = csv.DictReader(io.StringIO(text(staff.get("/api/incidents/export/?as=csv"))))
    assert [r["duplicate_of"] for r in rows] == ["", ""]  # the open copy and the open original


def test_duplicate_links_on_the_page_name_only_visible_records(staff, hidden_links):
    page = text(staff.get(f"/incidents/{hidden_links['copy'].pk}/"))
    assert "Hidden original" not in page and "withheld" in page
    page = text(staff.get(f"/incidents/{hidden_links['original'].pk}/"))
    assert "Hidden copy" not in page


def test_a_cleared_role_sees_the_duplicate_links(mission, make_user, hidden_links):
    hom = client_for(make_user("head-of-mission", mission))
    original = hom.get(f"/api/incidents/{hidden_links['original'].pk}/").json()
    assert original["duplicates"] == [hidden_links["hidden_copy"].pk]
