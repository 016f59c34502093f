"""Outreach pages and API (Capstone §9.1-9.2, §7.2): every list filters, searches and exports;
a record of another mission is 404; the flags page shows a breach on the map and takes a
decision; a rumour is logged and linked; a refused sharing says why."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient
from tests.operations_support import incident
from tests.outreach_support import (
    D,
    action_item,
    at,
    impact_indicator,
    meeting,
    partner,
    read,
    rumour,
)
from tests.pages_support import client_for

from bluehelmet.outreach import models as m

pytestmark = pytest.mark.django_db

LISTS = (
    "/impact-indicators/",
    "/impact-readings/",
    "/outreach-activities/",
    "/rumours/",
    "/coordination-meetings/",
    "/action-items/",
    "/sharing-records/",
)


@pytest.fixture
def records(mission: Any) -> dict[str, Any]:
    ind = impact_indicator(mission)
    read(ind, D(2026, 4, 30), 720)
    meet = meeting(mission)
    m.OutreachActivity.objects.create(
        mission=mission,
        kind="radio",
        title="Radio Bel: the mandate explained",
        held_on=D(2026, 5, 2),
        admin1="Bangui",
        audience="general",
    )
    return {
        "indicator": ind,
        "meeting": meet,
        "item": action_item(meet, D(2020, 1, 1)),
        "rumour": rumour(mission, latitude=4.4, longitude=18.6),
    }


def test_every_list_renders_searches_and_exports(
    mission: Any, make_user: Any, records: dict[str, Any]
) -> None:
    web = client_for(make_user("head-of-mission", mission))
    for url in LISTS:
        assert web.get(url).status_code == 200, url
        assert web.get(url, {"q": "zzz-nothing"}).status_code == 200, url
        csv = web.get(url, {"export": "csv"})
        assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv"), url
    found = web.get("/rumours/", {"q": "fighters"})
    assert "bringing fighters" in found.content.decode()
    assert web.get("/rumours/", {"heard_after": "not-a-date"}).status_code == 400


def test_records_of_another_mission_are_404(
    mission: Any, other_mission: Any, make_user: Any, records: dict[str, Any]
) -> None:
    outsider = client_for(make_user("head-of-mission", other_mission))
    for name in ("indicator", "meeting", "item", "rumour"):
        obj = records[name]
        assert outsider.get(f"/{LISTS_BY[name]}/{obj.pk}/").status_code == 404
    assert outsider.get(f"/missions/{mission.code}/outreach/").status_code == 404
    api = APIClient()
    api.force_authenticate(make_user("joc-officer", other_mission))
    assert api.get(f"/api/rumours/{records['rumour'].pk}/").status_code == 404
    assert api.get("/api/rumours/").json()["count"] == 0


LISTS_BY = {
    "indicator": "impact-indicators",
    "meeting": "coordination-meetings",
    "item": "action-items",
    "rumour": "rumours",
}


def test_the_flags_page_maps_the_breach_and_takes_a_decision(
    mission: Any, make_user: Any, records: dict[str, Any]
) -> None:
    web = client_for(make_user("head-of-mission", mission))
    page = web.get(f"/missions/{mission.code}/outreach/").content.decode()
    assert "Rice price at the Kassongé market" in page and 'id="small-map"' in page
    assert "3 open flags." in page  # the breach, the unanswered rumour, the late action item
    item = records["item"]
    answer = web.post(
        f"/missions/{mission.code}/outreach/override/",
        {
            "rule": "action-overdue",
            "subject": f"actionitem:{item.pk}",
            "decision": "dismissed",
            "reason": "UNHCR sent it by e-mail.",
        },
    )
    assert answer.status_code == 302
    page = web.get(f"/missions/{mission.code}/outreach/").content.decode()
    assert "2 open flags." in page and "UNHCR sent it by e-mail." in page
    assert web.get(f"/impact-indicators/{records['indicator'].pk}/").status_code == 200
    assert web.get(f"/action-items/{item.pk}/").status_code == 200
    assert web.get(f"/coordination-meetings/{records['meeting'].pk}/").status_code == 200


def test_a_rumour_is_logged_linked_and_mapped(mission: Any, make_user: Any) -> None:
    web = client_for(make_user("joc-officer", mission))
    made = web.post(
        "/rumours/add/",
        {
            "mission": mission.code,
            "said": "MINUSBEL will leave Bangui next week.",
            "heard_at": "2025-03-01T08:00",
            "admin1": "Bangui",
            "latitude": "4.4",
            "longitude": "18.6",
            "spread": "area",
            "risk": "3",
            "risk_to": "civilians",
            "verification": "unverified",
            "sensitivity": "0",
        },
    )
    assert made.status_code == 302, made.content.decode()[:2000]
    said = m.Rumour.objects.get(said__startswith="MINUSBEL will leave")
    followed = incident(mission, occurred_at=at(2025, 3, 4), title="Looting of the market")
    page = web.get(f"/rumours/{said.pk}/").content.decode()
    assert "Looting of the market" in page and 'id="link-form"' in page
    web.post(f"/rumours/{said.pk}/link/", {"incident": [followed.pk]})
    assert list(said.incidents.all()) == [followed]
    refused = web.post(f"/rumours/{said.pk}/link/", {"incident": ["x"]}, follow=True)
    assert "Choose incidents." in refused.content.decode()
    shown = web.get(
        f"/missions/{mission.code}/rumours/map/", {"since": "2025-01-01", "until": "2025-12-31"}
    ).content.decode()
    assert "2025-03" in shown and 'id="small-map"' in shown
    assert web.get(f"/missions/{mission.code}/rumours/map/", {"since": "x"}).status_code == 400


def test_sharing_with_a_humanitarian_partner_is_refused_with_the_reason(
    mission: Any, make_user: Any
) -> None:
    ocha = partner(mission)
    web = client_for(make_user("mlt-member", mission))
    assert web.get("/sharing-records/add/").status_code == 200
    refused = web.post(
        "/sharing-records/add/",
        {
            "partner": ocha.pk,
            "item": "Patrol plan for Ouri",
            "item_class": "0",
            "operational": "on",
        },
    )
    assert refused.status_code == 400
    assert "may receive only unclassified, non-operational" in refused.content.decode()
    assert not m.SharingRecord.objects.exists()
    done = web.post(
        "/sharing-records/add/", {"partner": ocha.pk, "item": "Road map", "item_class": "0"}
    )
    assert done.status_code == 302 and m.SharingRecord.objects.count() == 1


def test_the_api_links_shares_and_overrides(
    mission: Any, make_user: Any, records: dict[str, Any]
) -> None:
    api = APIClient()
    api.force_authenticate(make_user("head-of-mission", mission))
    said = records["rumour"]
    follow = incident(mission, occurred_at=at(2025, 3, 3))
    linked = api.post(f"/api/rumours/{said.pk}/link/", {}, format="json")
    assert linked.status_code == 201 and linked.json()["incidents"] == [follow.pk]
    ocha = partner(mission)
    refused = api.post(
        "/api/share-with-partner/",
        {"partner": ocha.pk, "item": "Threat assessment", "item_class": 1},
        format="json",
    )
    assert refused.status_code == 400 and refused.json()["code"] == "not_partner_safe"
    verdicts = api.get(f"/api/missions/{mission.code}/outreach/verdicts/").json()["verdicts"]
    breach = next(v for v in verdicts if v["code"] == "impact-breach")
    assert breach["status"] == "flagged"
    decided = api.post(
        f"/api/missions/{mission.code}/outreach/verdicts/",
        {
            "rule": breach["code"],
            "subject": breach["subject"],
            "decision": "accepted",
            "reason": "Buy less rice.",
        },
        format="json",
    )
    assert decided.status_code == 201 and decided.json()["decision"] == "accepted"


def test_a_meeting_names_only_partners_of_its_mission(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    api = APIClient()
    api.force_authenticate(make_user("mlt-member", mission))
    body = {"mission": mission.code, "forum": "unct", "title": "UNCT", "held_on": "2026-09-01"}
    ours = partner(mission, name="UNDP", kind="unct_agency")
    made = api.post("/api/coordination-meetings/", {**body, "partners": [ours.pk]}, format="json")
    assert made.status_code == 201 and made.json()["partners"] == [ours.pk]
    theirs = partner(other_mission, name="UNDP", kind="unct_agency")
    refused = api.post(
        "/api/coordination-meetings/", {**body, "partners": [theirs.pk]}, format="json"
    )
    assert refused.status_code == 400
