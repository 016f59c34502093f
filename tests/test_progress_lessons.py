"""Lessons learned (issue 16; Capstone §10.2): after-action reviews and end-of-assignment
reports linked to the records they are about, searchable, and shown only with the records the
reader may see."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient
from tests.operations_support import incident
from tests.pages_support import client_for
from tests.progress_support import D

from bluehelmet.benchmarks import models as m
from bluehelmet.benchmarks.lessons import do_link_lesson, lessons_about

pytestmark = pytest.mark.django_db


def lesson(mission: Any, title: str = "Convoy ambush at Ouri", **extra: Any) -> Any:
    return m.LessonLearned.objects.create(
        mission=mission,
        kind="after_action_review",
        title=title,
        written_on=D(2026, 9, 1),
        summary=extra.pop("summary", "The escort left without route clearance."),
        **extra,
    )


def api_for(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_lesson_is_linked_searched_and_found_from_its_record(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    hom = make_user("head-of-mission", mission)
    api = api_for(hom)
    made = api.post(
        "/api/lessons/",
        {
            "mission": mission.code,
            "kind": "end_of_assignment",
            "title": "Handing over Bas-Sanvi",
            "written_on": "2026-10-15",
            "summary": "Joint patrols first made the police trusted.",
        },
        format="json",
    )
    assert made.status_code == 201 and made.json()["author"] == hom.username
    ambush = incident(mission)
    pk = made.json()["id"]
    linked = api.post(f"/api/lessons/{pk}/links/", {"record": f"operations.incident:{ambush.pk}"})
    assert linked.status_code == 201, linked.content
    assert linked.json()["about"][0]["record"] == f"operations.incident:{ambush.pk}"
    foreign = incident(other_mission)
    refused = api.post(f"/api/lessons/{pk}/links/", {"record": f"operations.incident:{foreign.pk}"})
    assert refused.status_code == 404
    assert api.post(f"/api/lessons/{pk}/links/", {"record": "nope:1"}).status_code == 404

    lesson(mission)
    found = api.get("/api/lessons/", {"q": "patrols"}).json()["results"]
    assert [r["title"] for r in found] == ["Handing over Bas-Sanvi"]
    about = api.get("/api/lessons/", {"about": f"operations.incident:{ambush.pk}"}).json()
    assert [r["id"] for r in about["results"]] == [pk]
    assert list(lessons_about(ambush, hom).values_list("pk", flat=True)) == [pk]


def test_a_linked_record_above_the_reader_is_not_shown(mission: Any, make_user: Any) -> None:
    secret = incident(mission, sensitivity=2, title="Strictly confidential incident")
    item = lesson(mission)
    do_link_lesson(item, f"operations.incident:{secret.pk}", acting_user=None)
    reader = make_user("joc-officer", mission)
    body = api_for(reader).get(f"/api/lessons/{item.pk}/").json()
    assert body["about"] == []
    web = client_for(reader)
    page = web.get(f"/lessons/{item.pk}/").content.decode()
    assert "Strictly confidential incident" not in page and "No linked record" in page


def test_lesson_pages(mission: Any, make_user: Any) -> None:
    item = lesson(mission)
    ambush = incident(mission, title="Ambush on the Ouri road")
    web = client_for(make_user("head-of-mission", mission))
    assert "Convoy ambush at Ouri" in web.get("/lessons/?q=escort").content.decode()
    response = web.post(f"/lessons/{item.pk}/link/", {"record": f"operations.incident:{ambush.pk}"})
    assert response.status_code == 302
    assert "Ambush on the Ouri road" in web.get(f"/lessons/{item.pk}/").content.decode()


def test_a_record_page_shows_the_lessons_about_it_to_those_who_may_read_them(
    mission: Any, make_user: Any
) -> None:
    """Given a lesson linked to an incident, the incident's page lists it (Capstone §10.2);
    a strictly confidential lesson stays off the page of a reader below that clearance."""
    ambush = incident(mission, title="Ambush on the Ouri road")
    open_lesson = lesson(mission, title="Escorts wait for route clearance")
    secret = lesson(mission, title="Source handling after the ambush", sensitivity=2)
    for item in (open_lesson, secret):
        do_link_lesson(item, f"operations.incident:{ambush.pk}", acting_user=None)
    hom = client_for(make_user("head-of-mission", mission))
    page = hom.get(f"/incidents/{ambush.pk}/").content.decode()
    assert 'id="record-lessons"' in page
    assert "Escorts wait for route clearance" in page and "Source handling" in page
    officer = client_for(make_user("joc-officer", mission))
    seen = officer.get(f"/incidents/{ambush.pk}/").content.decode()
    assert "Escorts wait for route clearance" in seen and "Source handling" not in seen
    unlinked = incident(mission, title="Quiet day")
    assert 'id="record-lessons"' not in hom.get(f"/incidents/{unlinked.pk}/").content.decode()
