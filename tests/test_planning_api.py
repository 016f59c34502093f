"""Integrated planning API and actions (issue 15; Capstone §5.2, §4.3): revisions are drafted,
adopted and compared, never overwritten; concepts of operations open the §4.3 consultation;
every record is scoped to the caller's missions."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient
from tests.planning_support import actor, full_plan, make_plan, objective

from bluehelmet.core.audit import AuditEntry
from bluehelmet.mandates.models import Consultation
from bluehelmet.planning import models as m

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_planner_drafts_adopts_and_compares_revisions(mission: Any, make_user: Any) -> None:
    plan = full_plan(mission)
    api = client_for(make_user("head-of-mission", mission))
    made = api.post(f"/api/missions/{mission.code}/plan/revisions/", {"title": "r2"}, format="json")
    assert made.status_code == 201, made.content
    draft = m.PlanRevision.objects.get(pk=made.json()["id"])
    assert made.json()["objectives"] == ["SO1", "SO2", "SO3"] and draft.previous == plan.revision
    again = api.post(
        f"/api/missions/{mission.code}/plan/revisions/", {"title": "r3"}, format="json"
    )
    assert again.status_code == 400 and again.json()["code"] == "draft_exists"

    so2 = draft.objectives.get(code="SO2")
    response = api.patch(
        f"/api/strategic-objectives/{so2.pk}/",
        {"tasks": [plan.task("civilian-protection").pk]},
        format="json",
    )
    assert response.status_code == 200, response.content
    lead = so2.actors.get(role="lead")
    assert api.delete(f"/api/plan-actors/{lead.pk}/").status_code == 204
    api.post("/api/plan-actors/", {"objective": so2.pk, "role": "lead", "partner": plan.unicef.pk})
    objective(draft, "SO4", plan.task("ddr-assistance"), title="Reintegration")
    assert (
        api.delete(f"/api/strategic-objectives/{draft.objectives.get(code='SO3').pk}/").status_code
        == 204
    )

    adopted = api.post(f"/api/plan-revisions/{draft.pk}/adopt/", {"adopted_on": "2025-09-01"})
    assert adopted.status_code == 200 and adopted.json()["status"] == "adopted"
    plan.revision.refresh_from_db()
    assert plan.revision.status == "superseded"

    diff = api.get(f"/api/missions/{mission.code}/plan/compare/1/2/").json()
    assert [a["code"] for a in diff["added"]] == ["SO4"]
    assert [r["code"] for r in diff["removed"]] == ["SO3"]
    retargeted = diff["retargeted"][0]
    assert retargeted["code"] == "SO2"
    assert retargeted["retargeted"] == {"added": ["Protect civilians"], "removed": ["Assist DDR"]}
    assert retargeted["lead"] == {"added": ["UNICEF"], "removed": ["Civil"]}
    assert AuditEntry.objects.filter(verb="adopt_revision").count() == 2


def test_an_adopted_revision_is_kept_as_it_was(mission: Any, make_user: Any) -> None:
    plan = full_plan(mission)
    api = client_for(make_user("head-of-mission", mission))
    so1 = plan.revision.objectives.get(code="SO1")
    changed = api.patch(f"/api/strategic-objectives/{so1.pk}/", {"title": "New"}, format="json")
    assert changed.status_code == 400
    assert "start a new revision" in str(changed.json())
    added = api.post(
        "/api/plan-actors/",
        {"objective": so1.pk, "role": "contributing", "component": plan.civil.pk},
    )
    assert added.status_code == 400
    gone = api.delete(f"/api/strategic-objectives/{so1.pk}/")
    assert gone.status_code == 409
    assert api.post(f"/api/plan-revisions/{plan.revision.pk}/adopt/").status_code == 409


def test_records_of_other_missions_are_out_of_reach(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    plan = full_plan(mission)
    outsider = client_for(make_user("head-of-mission", other_mission))
    so1 = plan.revision.objectives.get(code="SO1")
    assert outsider.get(f"/api/strategic-objectives/{so1.pk}/").status_code == 404
    assert outsider.get("/api/plan-revisions/").json()["count"] == 0
    assert outsider.get(f"/api/missions/{mission.code}/plan/verdicts/").status_code == 404
    refused = outsider.post(
        "/api/expected-results/", {"objective": so1.pk, "code": "9", "statement": "x"}
    )
    assert refused.status_code == 400  # the objective is not one the caller may see


def test_verdicts_and_decisions_through_the_api(mission: Any, make_user: Any) -> None:
    plan = make_plan(mission)
    so1 = objective(plan.revision, "SO1", plan.task("civilian-protection"))
    actor(so1, component=plan.force)
    api = client_for(make_user("head-of-mission", mission))
    url = f"/api/missions/{mission.code}/plan/verdicts/"
    verdicts = api.get(url).json()["verdicts"]
    uncovered = [v for v in verdicts if v["code"] == "task-uncovered" and v["status"] == "flagged"]
    assert len(uncovered) == 2
    decided = api.post(
        url,
        {
            "rule": "task-uncovered",
            "subject": "task:ddr-assistance",
            "decision": "accepted",
            "reason": "To be planned with UNDP.",
        },
    )
    assert decided.status_code == 201
    again = api.get(url).json()["verdicts"]
    ddr = next(v for v in again if v["subject"] == "task:ddr-assistance")
    assert ddr["override"]["reason"] == "To be planned with UNDP."


def test_a_new_or_changed_concept_opens_the_consultation(mission: Any, make_user: Any) -> None:
    api = client_for(make_user("head-of-mission", mission))
    url = f"/api/missions/{mission.code}/concepts/"
    body = {
        "kind": "military",
        "title": "CONOPS",
        "summary": "Three sectors.",
        "issued_on": "2025-02-01",
    }
    first = api.post(url, body)
    assert first.status_code == 201 and first.json()["version"] == 1
    second = api.post(url, {**body, "issued_on": "2025-08-01", "changes": "Two sectors."})
    assert second.json()["version"] == 2
    consultations = Consultation.objects.filter(mission=mission, trigger="concept_of_operations")
    assert consultations.count() == 2
    assert second.json()["consultation"] == consultations.order_by("due_on").last().pk
    early = api.post(url, {**body, "issued_on": "2025-03-01"})
    assert early.status_code == 400 and early.json()["code"] == "bad_date"
    assert api.get("/api/concepts-of-operations/?kind=military").json()["count"] == 2


def test_a_mission_with_a_plan_can_still_be_deleted(mission: Any, make_user: Any) -> None:
    full_plan(mission)
    make_user("head-of-mission", mission)
    mission.delete()
    assert not m.PlanRevision.objects.exists() and not m.PlanActor.objects.exists()
