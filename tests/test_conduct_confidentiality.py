"""No misconduct case, name or free text reaches any role but the conduct and discipline team
and the Head of Mission (Capstone §3.2): not through pages, the API, searches, CSV exports,
the audit log (pages and API) or the mission overview; every case shown is logged as a read;
the figures others see suppress small counts."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conduct_support import D, case, contingent, leaks
from tests.pages_support import client_for

from bluehelmet.conduct import actions
from bluehelmet.conduct import models as m
from bluehelmet.core.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db

OTHER_ROLES = ("joc-officer", "mlt-member", "jmac-analyst", "mission-support", "partner-liaison")
HQ_ROLES = ("hq-admin", "hq-oversight", "hq-planner", "researcher")


@pytest.fixture
def world(mission: Any, other_mission: Any, make_user: Any, superuser: Any) -> dict[str, Any]:
    """A case moved through three steps by the conduct officer (so the audit log holds its
    creation, actions and reads), and every kind of reader."""
    officer = make_user("conduct-discipline", mission)
    c = case(mission, contingent=contingent(mission))
    actions.do_assess_allegation(
        c, assessed_on=D(2026, 1, 6), finding="pursue", note="Grimsdottir met", acting_user=officer
    )
    actions.do_refer_allegation(
        c,
        referred_to="national",
        referred_on=D(2026, 1, 8),
        note="Zanzibarquux",
        acting_user=officer,
    )
    actions.do_decide_conduct_verdict(
        c,
        rule="victim_assistance",
        decision="dismissed",
        reason="Grimsdottir declined",
        acting_user=officer,
    )
    others = {f"{r}": make_user(r, mission) for r in OTHER_ROLES}
    others |= {r: make_user(r) for r in HQ_ROLES}
    others["other-mission conduct officer"] = make_user("conduct-discipline", other_mission)
    others["superuser"] = superuser
    return {
        "case": c,
        "officer": officer,
        "hom": make_user("head-of-mission", mission),
        "others": others,
        "mission": mission,
    }


def urls_of(w: dict[str, Any]) -> list[str]:
    c, code = w["case"], w["mission"].code
    referral = c.referrals.get()
    return [
        "/conduct/allegations/",
        f"/conduct/allegations/?mission={code}&q=Zanzibarquux",
        "/conduct/allegations/?export=csv",
        f"/missions/{code}/conduct/",
        f"/missions/{code}/",
        "/audit/",
        "/audit/?q=Grimsdottir",
        "/audit/?export=csv",
        "/api/misconduct-allegations/",
        "/api/misconduct-allegations/?q=Grimsdottir",
        "/api/conduct-referrals/",
        "/api/conduct-investigations/",
        "/api/conduct-verdict-decisions/",
        "/api/audit/",
        "/api/audit/?q=Zanzibarquux",
        f"/api/missions/{code}/conduct-figures/",
        f"/api/conduct-referrals/{referral.pk}/",
    ]


def test_the_conduct_officer_and_the_head_of_mission_read_the_case(world: dict[str, Any]) -> None:
    c = world["case"]
    for who in ("officer", "hom"):
        client = client_for(world[who])
        page = client.get(f"/conduct/allegations/{c.pk}/").content.decode()
        assert "Zanzibarquux" in page and "Grimsdottir" in page
        found = client.get("/api/misconduct-allegations/?q=Zanzibarquux").json()
        assert [r["reference"] for r in found["results"]] == [c.reference]
        csv = client.get("/conduct/allegations/?export=csv").content.decode()
        assert c.reference in csv
    reads = AuditEntry.objects.filter(action=AuditAction.READ, object_repr=c.reference)
    assert {e.actor for e in reads} == {world["officer"], world["hom"]}


@pytest.mark.parametrize(
    "who", [*OTHER_ROLES, *HQ_ROLES, "other-mission conduct officer", "superuser"]
)
def test_no_other_role_gets_a_case_or_a_word_of_it(world: dict[str, Any], who: str) -> None:
    user, c = world["others"][who], world["case"]
    client = client_for(user)
    for url in urls_of(world):
        response = client.get(url)
        body = response.content.decode()
        # A search box echoes the caller's own words: only the case's other words count.
        assert not [w for w in leaks(body) if w not in url], (who, url)
        assert c.reference not in body or url.startswith(("/audit", "/api/audit")), (who, url)
    for url in (
        f"/conduct/allegations/{c.pk}/",
        f"/conduct/allegations/{c.pk}/edit/",
        *([] if who.startswith("other-mission") else ["/conduct/allegations/add/"]),
        f"/api/misconduct-allegations/{c.pk}/",
        f"/api/misconduct-allegations/{c.pk}/verdicts/",
    ):
        assert client.get(url).status_code == 404, (who, url)
    refused = client.post(
        f"/conduct/allegations/{c.pk}/step/investigate/", {"investigate-on": "2026-01-09"}
    )
    assert refused.status_code == 404
    api = client.post(f"/api/misconduct-allegations/{c.pk}/investigate/", {"on": "2026-01-09"})
    assert api.status_code == 404
    c.refresh_from_db()
    assert c.stage == m.Stage.REFERRED


def test_no_other_role_can_file_a_case(world: dict[str, Any]) -> None:
    client = client_for(world["others"]["joc-officer"])
    body = {
        "mission": world["mission"].code,
        "category": "minor",
        "personnel_category": "national_civilian",
        "received_on": "2026-01-05",
        "summary": "x",
    }
    answer = client.post("/api/misconduct-allegations/", body, content_type="application/json")
    assert answer.status_code == 400
    assert client.post("/conduct/allegations/add/", body).status_code == 404
    assert m.MisconductAllegation.objects.restrict(world["officer"]).count() == 1


def test_auditors_see_who_did_what_but_no_word_of_the_case(world: dict[str, Any]) -> None:
    """An auditor with Headquarters reach sees the trail (who, when, which fields changed) of
    a case, but its values are fingerprints and its name is the reference."""
    client = client_for(world["others"]["hq-oversight"])
    entries = AuditEntry.objects.filter(content_type__app_label="conduct")
    assert {e.action for e in entries} == {AuditAction.CREATE, AuditAction.ACTION}
    for entry in entries:
        page = client.get(f"/audit/{entry.pk}/")
        assert page.status_code == 200
        assert not leaks(page.content.decode())
        api = client.get(f"/api/audit/{entry.pk}/").content.decode()
        assert not leaks(api) and "redacted:" in api
    create = entries.filter(action=AuditAction.CREATE, content_type__model="misconductallegation")
    assert set(create.get().after) >= {"summary", "victim_details", "category", "contingent_id"}


def test_figures_for_others_suppress_small_counts(world: dict[str, Any]) -> None:
    client = client_for(world["others"]["joc-officer"])
    code = world["mission"].code
    data = client.get(f"/api/missions/{code}/conduct-figures/").json()
    assert data["total"] == {
        **data["total"],
        "count": None,
        "text": "fewer than 5",
        "per_100": None,
    }
    assert all(row["count"] in (0, None) for row in data["by_category"] + data["by_contingent"])
    page = client.get(f"/missions/{code}/conduct/").content.decode()
    assert "fewer than 5" in page and "Record an allegation" not in page
    assert client.get("/api/missions/UNOTHER/conduct-figures/").status_code == 404


def test_a_filter_on_a_case_does_not_tell_whether_it_exists(world: dict[str, Any]) -> None:
    client = client_for(world["others"]["joc-officer"])
    real = client.get(f"/api/conduct-referrals/?allegation={world['case'].pk}")
    missing = client.get("/api/conduct-referrals/?allegation=999999")
    assert real.status_code == missing.status_code == 400
    assert real.json() == missing.json()
    mine = client_for(world["officer"]).get(
        f"/api/conduct-referrals/?allegation={world['case'].pk}"
    )
    assert mine.json()["count"] == 1
