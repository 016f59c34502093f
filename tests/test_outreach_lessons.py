"""Lessons learned, one model shared with the benchmarks work (Capstone §10.2): a best-practice
note tagged by doctrine area, found by area and by full-text search over its text."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient
from tests.pages_support import client_for
from tests.progress_support import D

from bluehelmet.benchmarks import models as m
from bluehelmet.doctrine.models import TaskCategory

pytestmark = pytest.mark.django_db


def test_a_best_practice_note_is_tagged_by_area_and_searched(mission: Any, make_user: Any) -> None:
    area = TaskCategory.objects.order_by("order").first()
    assert area is not None
    api = APIClient()
    api.force_authenticate(make_user("head-of-mission", mission))
    made = api.post(
        "/api/lessons/",
        {
            "mission": mission.code,
            "kind": "best_practice",
            "title": "Radio call-in shows after an attack",
            "written_on": "2025-12-01",
            "summary": "A weekly call-in show let people ask the force commander directly.",
            "worked": "Answering rumours on air within a day.",
            "areas": [area.code],
        },
        format="json",
    )
    assert made.status_code == 201, made.content
    assert made.json()["areas"] == [area.code]
    m.LessonLearned.objects.create(
        mission=mission,
        kind="after_action_review",
        title="Convoy",
        written_on=D(2025, 1, 1),
        summary="Escort left late.",
    )
    by_text = api.get("/api/lessons/", {"q": "rumours on air"}).json()["results"]
    assert [r["title"] for r in by_text] == ["Radio call-in shows after an attack"]
    by_area = api.get("/api/lessons/", {"area": area.code}).json()["results"]
    assert [r["title"] for r in by_area] == ["Radio call-in shows after an attack"]
    web = client_for(make_user("partner-liaison", mission))
    page = web.get(f"/lessons/{made.json()['id']}/").content.decode()
    assert area.name in page and "Best-practice note" in page
    listed = web.get("/lessons/", {"q": "call-in"}).content.decode()
    assert "Radio call-in shows" in listed and "Convoy" not in listed
