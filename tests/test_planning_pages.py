"""Integrated planning pages (issue 15; Capstone §5.2): the plan tree with its verdicts, the
matrix with its gaps, the timeline, the history with the changes, the export; forms that
only change drafts; other missions' plans answer 404."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from tests.pages_support import client_for
from tests.planning_support import full_plan, make_plan, objective

from bluehelmet.planning import models as m

pytestmark = pytest.mark.django_db


def test_the_plan_pages_show_the_tree_matrix_timeline_and_export(
    mission: Any, make_user: Any
) -> None:
    full_plan(mission)
    web = client_for(make_user("head-of-mission", mission))
    base = f"/missions/{mission.code}/plan"
    page = web.get(f"{base}/").content.decode()
    assert "SO1 · Objective SO1" in page and "Civilians killed" in page
    assert "1 outcome, 0 output, 0 input" in page
    assert "0 open flags" in page
    matrix = web.get(f"{base}/matrix/").content.decode()
    assert "0 tasks without an objective" in matrix and ">L</abbr>" in matrix
    assert "<svg" in web.get(f"{base}/timeline/").content.decode()
    rows = list(csv.DictReader(io.StringIO(web.get(f"{base}/export.csv").content.decode())))
    assert {r["objective"] for r in rows} == {"SO1", "SO2", "SO3"}
    assert next(r for r in rows if r["objective"] == "SO1")["indicator"] == "Civilians killed"
    assert "Printed" in web.get(f"{base}/print/").content.decode()
    assert web.get(f"{base}/history/").status_code == 200


def test_gaps_are_marked_in_words_not_only_colour(mission: Any, make_user: Any) -> None:
    plan = make_plan(mission)
    objective(plan.revision, "SO1", plan.task("civilian-protection"))
    web = client_for(make_user("head-of-mission", mission))
    matrix = web.get(f"/missions/{mission.code}/plan/matrix/").content.decode()
    assert matrix.count('class="gap-marker">Gap<') == 2
    page = web.get(f"/missions/{mission.code}/plan/").content.decode()
    assert "no objective of revision 1 serves it" in page and "has no lead" in page


def test_a_planner_revises_and_compares_in_pages(mission: Any, make_user: Any) -> None:
    plan = full_plan(mission)
    web = client_for(make_user("head-of-mission", mission))
    base = f"/missions/{mission.code}/plan"
    web.post(f"{base}/draft/", {"title": "Revision after renewal", "reason": "Renewal."})
    draft = m.PlanRevision.objects.get(mission=mission, number=2)
    assert draft.objectives.count() == 3
    added = web.post(
        f"/strategic-objectives/add/?revision={draft.pk}",
        {
            "revision": draft.pk,
            "code": "SO4",
            "title": "Elections",
            "line": "political",
            "modality": "joint",
            "starts_on": "2025-09-01",
            "tasks": [plan.task("ddr-assistance").pk],
            "sensitivity": 0,
        },
    )
    assert added.status_code == 302, added.content.decode()[:2000]
    web.post(f"{base}/adopt/", {"revision": 2, "adopted_on": "2025-09-01"})
    draft.refresh_from_db()
    assert draft.status == "adopted"
    history = web.get(f"{base}/history/?from=1&to=2").content.decode()
    assert "+ SO4 Elections" in history
    # An adopted revision's parts are not editable any more.
    so1 = draft.objectives.get(code="SO1")
    refused = web.post(
        f"/strategic-objectives/{so1.pk}/edit/",
        {
            "revision": draft.pk,
            "code": "SO1",
            "title": "Changed",
            "line": "security",
            "modality": "joint",
            "starts_on": "2025-02-01",
            "sensitivity": 0,
        },
    )
    assert refused.status_code == 400
    assert plan.revision.objectives.get(code="SO1").title == "Objective SO1"


def test_a_verdict_decision_from_the_page(mission: Any, make_user: Any) -> None:
    plan = make_plan(mission)
    objective(plan.revision, "SO1", plan.task("civilian-protection"))
    web = client_for(make_user("head-of-mission", mission))
    web.post(
        f"/missions/{mission.code}/plan/override/",
        {
            "rule": "objective-no-lead",
            "subject": "objective:SO1",
            "decision": "dismissed",
            "reason": "The lead is being appointed.",
        },
    )
    page = web.get(f"/missions/{mission.code}/plan/").content.decode()
    assert "The lead is being appointed." in page and "flagged, dismissed" in page


def test_a_concept_issued_from_the_page_opens_the_consultation(
    mission: Any, make_user: Any
) -> None:
    web = client_for(make_user("head-of-mission", mission))
    response = web.post(
        f"/missions/{mission.code}/concepts/issue/",
        {
            "kind": "military",
            "title": "CONOPS",
            "summary": "Two sectors.",
            "issued_on": "2025-03-01",
        },
    )
    assert response.status_code == 302
    concept = m.ConceptOfOperations.objects.get(mission=mission)
    assert concept.consultation is not None
    assert concept.consultation.trigger == "concept_of_operations"
    assert web.get(f"/concepts-of-operations/{concept.pk}/").status_code == 200


def test_other_missions_plans_are_not_found(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    plan = full_plan(mission)
    outsider = client_for(make_user("head-of-mission", other_mission))
    so1 = plan.revision.objectives.get(code="SO1")
    for url in (
        f"/missions/{mission.code}/plan/",
        f"/missions/{mission.code}/plan/matrix/",
        f"/missions/{mission.code}/plan/export.csv",
        f"/strategic-objectives/{so1.pk}/",
        f"/plan-actors/add/?objective={so1.pk}",
    ):
        assert outsider.get(url).status_code == 404, url
