"""MINUSBEL's integrated plan in the demo (issue 15; Capstone §5.2, §4.3): three revisions,
one mandated task left uncovered and one overdue review, so the rules show."""

from __future__ import annotations

import datetime

from bluehelmet.mandates.models import Consultation
from bluehelmet.planning import models as m
from bluehelmet.planning.coverage import judge_plan, open_flags
from bluehelmet.planning.diff import compare

D = datetime.date
STORY_END = D(2026, 10, 31)


def test_given_the_demo_then_minusbel_has_three_revisions_kept(demo):
    revisions = list(m.PlanRevision.objects.filter(mission=demo["MINUSBEL"]).order_by("number"))
    assert [(r.number, r.status, r.adopted_on.year) for r in revisions] == [
        (1, "superseded", 2023),
        (2, "superseded", 2024),
        (3, "adopted", 2025),
    ]
    assert [r.mandate.version for r in revisions] == [1, 2, 3]
    diff = compare(revisions[1], revisions[2])
    assert [a["code"] for a in diff["added"]] == ["SO7"]
    assert diff["retargeted"][0]["retargeted"]["removed"] == [
        "Monitor a cease-fire or peace agreement"
    ]
    assert [c["code"] for c in compare(revisions[0], revisions[1])["actors_changed"]] == ["SO3"]


def test_given_the_demo_then_mine_action_is_uncovered_and_a_review_overdue(demo):
    revision = m.PlanRevision.objects.get(mission=demo["MINUSBEL"], status="adopted")
    flags = open_flags(judge_plan(revision, STORY_END, {}))
    assert sorted((f.code, f.subject) for f in flags) == [
        ("review-overdue", f"review:{m.PlanReview.objects.get(closed_on=None).pk}"),
        ("task-uncovered", "task:mine-action"),
    ]
    reviews = m.PlanReview.objects.filter(mission=demo["MINUSBEL"]).order_by("opened_on")
    assert [r.closed_by.number if r.closed_by else None for r in reviews] == [2, 3, None]


def test_given_the_demo_then_the_changed_concept_opened_a_consultation(demo):
    concepts = m.ConceptOfOperations.objects.filter(mission=demo["MINUSBEL"]).order_by("version")
    assert [c.version for c in concepts] == [1, 2]
    assert all(isinstance(c.consultation, Consultation) for c in concepts)
    assert concepts[1].consultation.held_on == D(2025, 4, 9)


def test_given_the_demo_then_the_mission_overview_shows_the_open_plan_flags(demo):
    from django.contrib.auth import get_user_model
    from django.test import Client

    def overview(username: str) -> str:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        return client.get("/missions/MINUSBEL/").content.decode()

    page = overview("minusbel.head-of-mission")
    assert "2 open flags on the mission plan" in page and "mine action" in page.lower()
    assert "open flags on the mission plan" not in overview("unmogto.head-of-mission")
