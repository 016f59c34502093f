"""Pages of issue 3: doctrine reference, mandate and history, strength and gap, consultations.

Mandate changes go through ``do_change_mandate`` (Capstone §1.4); a user of one mission never
sees another mission's mandate; bad input answers 400 with a message and writes nothing.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from bluehelmet.core.models import Contingent, ContributingCountry, Mission
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.doctrine.applied import APPLIED
from bluehelmet.doctrine.models import TaskType
from bluehelmet.mandates.actions import do_change_mandate
from bluehelmet.mandates.models import (
    AuthorisedStrength,
    Consultation,
    ConsultationTrigger,
    DeployedStrength,
    Mandate,
    Resolution,
)

D = datetime.date


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def code(flag: str) -> str:
    return TaskType.objects.get(tamm_flag=flag).code


@pytest.fixture
def users(mission: Mission, other_mission: Mission, make_user: Any) -> dict[str, Any]:
    return {
        "hom": make_user("head-of-mission", mission),
        "joc": make_user("joc-officer", mission),
        "other": make_user("head-of-mission", other_mission),
    }


@pytest.fixture
def two_versions(mission: Mission) -> list[Mandate]:
    """v1 (res. 2000): human rights + DDR; v2 (res. 2100, Chapter VII): + PoC, - DDR."""
    r1 = Resolution.objects.create(number=2000, adopted_on=D(2024, 1, 10))
    r2 = Resolution.objects.create(number=2100, adopted_on=D(2025, 1, 10), chapter_vii=True)
    AuthorisedStrength.objects.create(
        mission=mission, effective_from=D(2024, 1, 1), effective_to=D(2024, 12, 31), troops=5000
    )
    AuthorisedStrength.objects.create(mission=mission, effective_from=D(2025, 1, 1), troops=8000)
    v1 = do_change_mandate(
        mission,
        r1,
        acting_user=None,
        effective_from=D(2024, 1, 10),
        task_codes=[code("humrts_monitor"), code("ddr_assist")],
    )
    v2 = do_change_mandate(
        mission,
        r2,
        acting_user=None,
        effective_from=D(2025, 1, 10),
        task_codes=[code("humrts_monitor"), code("prociv")],
        priorities=[code("prociv")],
        all_necessary_means=True,
    )
    return [v1, v2]


# --- doctrine reference ----------------------------------------------------------------------


def test_doctrine_search_finds_consent_across_sections(users: dict[str, Any]) -> None:
    response = client_for(users["joc"]).get(reverse("doctrine-index"), {"q": "consent"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Consent of the main parties" in text
    assert reverse("principle-detail", kwargs={"code": "consent"}) in text


def test_doctrine_index_lists_sections_and_rejects_overlong_search(users: dict[str, Any]) -> None:
    client = client_for(users["joc"])
    text = client.get(reverse("doctrine-index")).content.decode()
    for title in ("Principles and success factors", "Task taxonomy", "Glossary", "Guidance"):
        assert title in text
    assert client.get(reverse("doctrine-index"), {"q": "x" * 300}).status_code == 400


def test_doctrine_entry_pages_show_citation_and_uses(users: dict[str, Any]) -> None:
    client = client_for(users["joc"])
    consent = client.get(reverse("principle-detail", kwargs={"code": "consent"}))
    assert consent.status_code == 200
    assert "Capstone §3.1" in consent.content.decode()
    assert "Principles dashboard: consent, impartiality" in consent.content.decode()
    poc = TaskType.objects.get(tamm_flag="prociv")
    page = client.get(reverse("tasktype-detail", kwargs={"code": poc.code})).content.decode()
    assert poc.citation in page and "prociv" in page and "1674" in page
    assert f"{reverse('mandatedtask-list')}?task_type={poc.code}" in page
    missing = client.get(reverse("principle-detail", kwargs={"code": "no-such-entry"}))
    assert missing.status_code == 404


def test_every_applied_link_resolves(mission: Mission) -> None:
    for uses in APPLIED.values():
        for use in uses:
            if use.url_name:
                kwargs = {"code": mission.code} if use.mission else None
                assert reverse(use.url_name, kwargs=kwargs)


def test_task_taxonomy_groups_tasks_and_shows_tamm_columns(users: dict[str, Any]) -> None:
    client = client_for(users["joc"])
    page = client.get(reverse("tasktype-list")).content.decode()
    assert "Traditional tasks (§2.3)" in page and "Cross-cutting thematic tasks (§1.4)" in page
    assert "<code>peaceag_cease_monitor</code>" in page and "<code>ch7</code>" in page
    filtered = client.get(reverse("tasktype-list"), {"group": "cross_cutting"}).content.decode()
    assert "<code>women_protect</code>" in filtered and "<code>ch7</code>" not in filtered
    assert client.get(reverse("tasktype-list"), {"group": "bogus"}).status_code == 400


# --- mandate page ----------------------------------------------------------------------------


def test_mandate_page_shows_versions_and_diff(
    mission: Mission, users: dict[str, Any], two_versions: list[Mandate]
) -> None:
    response = client_for(users["joc"]).get(reverse("mission-mandate", args=[mission.code]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Version 1" in text and "Version 2" in text
    assert "S/RES/2100 (2025)" in text and "S/RES/2000 (2024)" in text
    poc = TaskType.objects.get(tamm_flag="prociv").name
    ddr = TaskType.objects.get(tamm_flag="ddr_assist").name
    assert re.search(rf'<li class="added">.*?{re.escape(poc)}</li>', text)
    assert re.search(rf'<li class="removed">.*?{re.escape(ddr)}</li>', text)
    assert "Now acting under Chapter VII" in text
    assert "Troops authorised: 5000 → 8000" in text
    assert "Resolution 1674" in text and "priority" in text
    assert "Record a mandate change" not in text  # joc-officer does not change mandates


def test_mandate_history_csv(
    mission: Mission, users: dict[str, Any], two_versions: list[Mandate]
) -> None:
    response = client_for(users["hom"]).get(
        reverse("mission-mandate-history-csv", args=[mission.code])
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["resolutions"] for r in rows] == ["2000", "2100"]
    assert rows[1]["tasks_added"] == code("prociv")


def test_other_missions_mandate_pages_are_404(
    mission: Mission, users: dict[str, Any], two_versions: list[Mandate]
) -> None:
    client = client_for(users["other"])
    for name in ("mission-mandate", "mission-strength", "mission-mandate-history-csv"):
        assert client.get(reverse(name, args=[mission.code])).status_code == 404
    assert client.get(reverse("mandate-detail", args=[two_versions[0].pk])).status_code == 404


def change_data(**overrides: Any) -> dict[str, Any]:
    """The change form's POST; ``@flag`` in a task list stands for that TAMM flag's task."""
    data: dict[str, Any] = {
        "resolution": "2200",
        "effective_from": "2026-01-15",
        "tasks": ["@prociv", "@election_assist"],
        "priority_tasks": ["@prociv"],
        "chapter_vii": "on",
        "all_necessary_means": "on",
        "summary": "Renewed with electoral support.",
    }
    data.update(overrides)
    for key in ("tasks", "priority_tasks"):
        if data.get(key):
            data[key] = [code(v[1:]) if v.startswith("@") else v for v in data[key]]
    return {k: v for k, v in data.items() if v is not None}


def test_head_of_mission_records_a_mandate_change(
    mission: Mission, users: dict[str, Any], two_versions: list[Mandate]
) -> None:
    client = client_for(users["hom"])
    page = client.get(reverse("mission-mandate", args=[mission.code])).content.decode()
    assert "Record a mandate change" in page
    response = client.post(reverse("mission-mandate-change", args=[mission.code]), change_data())
    assert response.status_code == 302
    v3 = Mandate.objects.get(mission=mission, version=3)
    assert v3.resolution.number == 2200 and v3.chapter_vii and v3.all_necessary_means
    assert v3.diff["tasks_added"] == [code("election_assist")]
    assert v3.tasks.get(task_type__code=code("prociv")).priority == "priority"
    assert Consultation.objects.filter(mandate=v3).exists()


def test_joc_officer_cannot_change_the_mandate(
    mission: Mission, users: dict[str, Any], two_versions: list[Mandate]
) -> None:
    response = client_for(users["joc"]).post(
        reverse("mission-mandate-change", args=[mission.code]), change_data()
    )
    assert response.status_code == 404
    assert Mandate.objects.filter(mission=mission).count() == 2


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"tasks": None, "priority_tasks": None}, "Choose at least one task."),
        ({"effective_from": "2026-13-45"}, "Enter a valid date."),
        ({"effective_from": "2024-06-01"}, "The new version must start after"),
        ({"resolution": ""}, "Give the resolution number or name another basis"),
        ({"resolution": "two thousand"}, "Enter a whole number."),
        ({"tasks": ["no-such-task"]}, "Select a valid choice."),
        ({"priority_tasks": ["@ddr_assist"]}, "must also be chosen as a task"),
    ],
)
def test_bad_mandate_change_is_400_and_writes_nothing(
    mission: Mission,
    users: dict[str, Any],
    two_versions: list[Mandate],
    overrides: dict[str, Any],
    message: str,
) -> None:
    before = (Mandate.objects.count(), Resolution.objects.count(), Consultation.objects.count())
    response = client_for(users["hom"]).post(
        reverse("mission-mandate-change", args=[mission.code]), change_data(**overrides)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    after = (Mandate.objects.count(), Resolution.objects.count(), Consultation.objects.count())
    assert after == before


# --- strength and gap ------------------------------------------------------------------------


@pytest.fixture
def strength(mission: Mission, two_versions: list[Mandate]) -> None:
    """8000 troops authorised from 2025; 12 months deployed, 2025-03..2025-07 at 60%."""
    for month in range(1, 13):
        troops = 4800 if 3 <= month <= 7 else 7600
        DeployedStrength.objects.create(
            mission=mission, month=D(2025, month, 1), troops=troops, police=None
        )


def test_strength_page_has_chart_data_and_gap_flag(
    mission: Mission, users: dict[str, Any], strength: None
) -> None:
    response = client_for(users["joc"]).get(reverse("mission-strength", args=[mission.code]))
    assert response.status_code == 200
    text = response.content.decode()
    match = re.search(r'<script id="strength-data" type="application/json">(.*?)</script>', text)
    assert match, "chart data script missing"
    data = json.loads(match.group(1))
    assert len(data["months"]) == 12 and data["months"][0] == "2025-01-01"
    troops = next(c for c in data["categories"] if c["key"] == "troops")
    assert troops["authorised"][0] == 8000 and troops["deployed"][2] == 4800
    assert "vendor/uplot/uPlot.iife.min.js" in text
    assert "60% of authorised troops deployed on average for 5 months" in text
    assert "Chapter VII protection-of-civilians mandate" in text
    assert "Capstone §4.2" in text


def test_strength_thresholds_are_adjustable(
    mission: Mission, users: dict[str, Any], strength: None
) -> None:
    client = client_for(users["joc"])
    url = reverse("mission-strength", args=[mission.code])
    strict = client.get(url, {"ratio": "0.5"}).content.decode()
    assert "No sustained shortfall" in strict
    long = client.get(url, {"min_months": "6"}).content.decode()
    assert "No sustained shortfall" in long


@pytest.mark.parametrize(
    "params", [{"ratio": "2"}, {"ratio": "0"}, {"ratio": "abc"}, {"min_months": "0"}]
)
def test_bad_thresholds_are_400(
    mission: Mission, users: dict[str, Any], strength: None, params: dict[str, str]
) -> None:
    response = client_for(users["joc"]).get(
        reverse("mission-strength", args=[mission.code]), params
    )
    assert response.status_code == 400
    assert "The thresholds were not applied" in response.content.decode()


# --- consultations and overview --------------------------------------------------------------


@pytest.fixture
def consultations(mission: Mission, other_mission: Mission) -> dict[str, Consultation]:
    today = datetime.date.today()
    day = datetime.timedelta(days=1)
    make = Consultation.objects.create
    return {
        "held": make(
            mission=mission,
            trigger=ConsultationTrigger.RENEWAL,
            due_on=today - 30 * day,
            held_on=today - 31 * day,
            reason="reason-held",
        ),
        "overdue": make(
            mission=mission,
            trigger=ConsultationTrigger.MANDATE_CHANGE,
            due_on=today - 5 * day,
            reason="reason-late",
        ),
        "due": make(
            mission=mission,
            trigger=ConsultationTrigger.DRAWDOWN,
            due_on=today + 10 * day,
            reason="reason-upcoming",
        ),
        "secret": make(
            mission=mission,
            trigger=ConsultationTrigger.SECURITY_DETERIORATION,
            due_on=today - 2 * day,
            reason="reason-secret",
            sensitivity=Sensitivity.STRICTLY_CONFIDENTIAL,
        ),
        "other": make(
            mission=other_mission,
            trigger=ConsultationTrigger.RENEWAL,
            due_on=today - 3 * day,
            reason="reason-other",
        ),
    }


def test_consultation_list_filters_by_status(
    mission: Mission, users: dict[str, Any], consultations: dict[str, Consultation]
) -> None:
    client = client_for(users["joc"])
    url = reverse("consultation-list")
    overdue = client.get(url, {"mission": mission.code, "status": "overdue"}).content.decode()
    assert "reason-late" in overdue and "status-overdue" in overdue
    assert "reason-held" not in overdue and "reason-upcoming" not in overdue
    assert "reason-secret" not in overdue and "reason-other" not in overdue  # clearance, scope
    held = client.get(url, {"status": "held"}).content.decode()
    assert "reason-held" in held and "reason-late" not in held
    assert client.get(url, {"status": "late"}).status_code == 400


def test_overview_shows_overdue_consultations(
    mission: Mission, users: dict[str, Any], consultations: dict[str, Consultation]
) -> None:
    text = client_for(users["joc"]).get(reverse("mission-detail", args=[mission.code]))
    page = text.content.decode()
    assert "1 overdue consultation" in page and "reason-late" in page
    assert "reason-secret" not in page and "reason-upcoming" not in page
    assert reverse("consultation-detail", args=[consultations["overdue"].pk]) in page
    assert reverse("mission-mandate", args=[mission.code]) in page


def test_recording_a_consultation_as_held(
    mission: Mission, users: dict[str, Any], consultations: dict[str, Consultation]
) -> None:
    country = ContributingCountry.objects.create(iso3="BGD")
    Contingent.objects.create(
        mission=mission,
        country=country,
        name="BANBATT",
        unit_type="infantry_battalion",
        strength=850,
    )
    target = consultations["overdue"]
    client = client_for(users["hom"])
    url = reverse("consultation-edit", args=[target.pk])
    assert client.get(url).status_code == 200
    assert client.get(reverse("consultation-add")).status_code == 200
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    bad = client.post(url, {"held_on": future, "countries": [country.pk], "summary": "x"})
    assert bad.status_code == 400 and "cannot have been held in the future" in bad.content.decode()
    target.refresh_from_db()
    assert target.held_on is None
    today = datetime.date.today().isoformat()
    ok = client.post(url, {"held_on": today, "countries": [country.pk], "summary": "Briefed."})
    assert ok.status_code == 302
    target.refresh_from_db()
    assert target.status == "held" and list(target.countries.all()) == [country]
    detail = client.get(reverse("consultation-detail", args=[target.pk])).content.decode()
    assert "Held" in detail and "Bangladesh" in detail
    assert client_for(users["other"]).get(url).status_code == 404


def test_record_lists_and_details_render(
    mission: Mission, users: dict[str, Any], two_versions: list[Mandate]
) -> None:
    client = client_for(users["joc"])
    poc = code("prociv")
    tasks = client.get(reverse("mandatedtask-list"), {"task_type": poc}).content.decode()
    assert "1 record" in tasks
    assert client.get(reverse("mandate-list"), {"mission": mission.code}).status_code == 200
    resolutions = client.get(reverse("resolution-list")).content.decode()
    assert "S/RES/2100 (2025)" in resolutions
    v2 = two_versions[1]
    detail = client.get(reverse("mandate-detail", args=[v2.pk])).content.decode()
    assert "Now acting under Chapter VII" in detail
    task = v2.tasks.get(task_type__code=poc)
    assert client.get(reverse("mandatedtask-detail", args=[task.pk])).status_code == 200
    assert client.get(reverse("resolution-detail", args=[v2.resolution_id])).status_code == 200
