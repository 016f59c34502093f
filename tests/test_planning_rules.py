"""Coverage rules of the integrated plan (issue 15; Capstone §5.2, §7.2, §4.3): each verdict,
in plain words, and the decision a planner records on it."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from tests.planning_support import D, actor, full_plan, make_plan, objective

from bluehelmet.core.errors import ActionError
from bluehelmet.mandates.actions import do_change_mandate
from bluehelmet.planning import models as m
from bluehelmet.planning.actions import (
    do_adopt_revision,
    do_draft_revision,
    do_override_plan_verdict,
)
from bluehelmet.planning.coverage import judge_plan, open_flags, overrides_for

pytestmark = pytest.mark.django_db
TODAY = D(2025, 6, 1)


def flags(revision: Any, day: datetime.date = TODAY, user: Any = None) -> dict[str, list[Any]]:
    overrides = overrides_for(revision.mission_id, user) if user else {}
    found: dict[str, list[Any]] = {}
    for v in judge_plan(revision, day, overrides):
        if v.flagged:
            found.setdefault(v.code, []).append(v)
    return found


def test_a_complete_plan_raises_no_flag(mission: Any) -> None:
    plan = full_plan(mission)
    verdicts = judge_plan(plan.revision, TODAY, {})
    assert not [v for v in verdicts if v.flagged]
    words = " ".join(v.explanation for v in verdicts)
    assert "All 3 mandated tasks in force are served." in words  # Chapter VII is authority


def test_an_uncovered_task_is_flagged_in_plain_words(mission: Any) -> None:
    plan = make_plan(mission)
    so1 = objective(plan.revision, "SO1", plan.task("civilian-protection"))
    actor(so1, component=plan.force)
    found = flags(plan.revision)["task-uncovered"]
    assert {v.subject for v in found} == {"task:ddr-assistance", "task:human-rights-monitoring"}
    assert "no objective of revision 1 serves it" in found[0].explanation
    assert found[0].citation == "Capstone §5.2"


def test_an_objective_without_a_lead_is_flagged(mission: Any) -> None:
    plan = make_plan(mission)
    so1 = objective(plan.revision, "SO1", plan.task("civilian-protection"))
    actor(so1, "contributing", component=plan.force)
    found = flags(plan.revision)["objective-no-lead"]
    assert [v.subject for v in found] == ["objective:SO1"]
    assert "has no lead" in found[0].explanation


def test_a_humanitarian_lead_on_a_security_line_is_flagged(mission: Any) -> None:
    plan = make_plan(mission)
    so1 = objective(plan.revision, "SO1", plan.task("ddr-assistance"), line="recovery")
    actor(so1, partner=plan.ngo)  # DDR is a security task even on a recovery line
    so2 = objective(plan.revision, "SO2", plan.task("human-rights-monitoring"))
    actor(so2, partner=plan.ngo)  # not a security line: no flag
    found = flags(plan.revision)["humanitarian-lead-security"]
    assert [v.subject for v in found] == ["objective:SO1"]
    assert "humanitarian space" in found[0].explanation
    assert found[0].citation == "Capstone §7.2"


def test_a_mandate_change_opens_a_review_flagged_once_overdue(mission: Any) -> None:
    plan = full_plan(mission)
    do_change_mandate(
        mission,
        None,
        acting_user=None,
        effective_from=D(2025, 4, 1),
        task_codes=("civilian-protection", "ddr-assistance", "human-rights-monitoring"),
        basis_reference="Renewal",
    )
    review = m.PlanReview.objects.get(mission=mission)
    assert review.opened_on == D(2025, 4, 1) and review.due_on == D(2025, 6, 30)  # 90 days
    assert "review-overdue" not in flags(plan.revision, D(2025, 6, 30))
    late = flags(plan.revision, D(2025, 7, 10))["review-overdue"]
    assert "10 days ago" in late[0].explanation
    draft = do_draft_revision(mission, title="After the renewal", acting_user=None)
    do_adopt_revision(draft, adopted_on=D(2025, 7, 12), acting_user=None)
    review.refresh_from_db()
    assert review.closed_by == draft and review.closed_on == D(2025, 7, 12)
    assert "review-overdue" not in flags(draft, D(2025, 7, 20))


def test_an_objective_whose_tasks_left_the_mandate_is_flagged(mission: Any) -> None:
    plan = full_plan(mission)
    do_change_mandate(
        mission,
        None,
        acting_user=None,
        effective_from=D(2025, 4, 1),
        task_codes=("civilian-protection", "human-rights-monitoring"),
        basis_reference="Change",
    )
    draft = do_draft_revision(mission, title="r2", acting_user=None)
    found = flags(draft)["objective-orphaned"]
    assert [v.subject for v in found] == ["objective:SO2"]
    assert "Assist DDR" in found[0].explanation
    # The copy follows the mandate in force where the task is still mandated.
    so1 = draft.objectives.get(code="SO1")
    assert so1.tasks.get().mandate.version == 2
    assert plan.revision.objectives.get(code="SO1").tasks.get().mandate.version == 1


def test_a_decision_is_recorded_with_its_reason_and_shown_beside_the_flag(
    mission: Any, make_user: Any
) -> None:
    plan = make_plan(mission)
    so1 = objective(plan.revision, "SO1", plan.task("civilian-protection"))
    actor(so1, component=plan.force)
    planner = make_user("head-of-mission", mission)
    do_override_plan_verdict(
        mission,
        rule="task-uncovered",
        subject="task:ddr-assistance",
        decision="dismissed",
        reason="UNDP leads DDR under the national programme, outside the mission plan.",
        acting_user=planner,
    )
    verdicts = judge_plan(plan.revision, TODAY, overrides_for(mission.pk, planner))
    ddr = next(v for v in verdicts if v.subject == "task:ddr-assistance")
    assert ddr.flagged and ddr.dismissed
    assert ddr.override is not None and ddr.override["reason"].startswith("UNDP leads DDR")
    assert ddr not in open_flags(verdicts)
    assert any(v.subject == "task:human-rights-monitoring" for v in open_flags(verdicts))


@pytest.mark.parametrize(
    ("rule", "decision", "reason"),
    [
        ("no-such-rule", "dismissed", "x"),
        ("task-uncovered", "maybe", "x"),
        ("task-uncovered", "accepted", "  "),
    ],
)
def test_a_decision_needs_a_known_rule_a_verdict_and_a_reason(
    mission: Any, rule: str, decision: str, reason: str
) -> None:
    with pytest.raises(ActionError) as exc:
        do_override_plan_verdict(
            mission,
            rule=rule,
            subject="task:x",
            decision=decision,
            reason=reason,
            acting_user=None,
        )
    assert exc.value.status == 400


def test_a_decision_needs_the_right_to_change_the_plan(mission: Any, make_user: Any) -> None:
    reader = make_user("researcher")
    with pytest.raises(ActionError) as exc:
        do_override_plan_verdict(
            mission,
            rule="task-uncovered",
            subject="task:x",
            decision="accepted",
            reason="Because.",
            acting_user=reader,
        )
    assert exc.value.status == 403
