"""The outreach rules (Capstone §9.1-9.2, §7.2), each verdict and its override: an impact
breach, an unanswered high-risk rumour, an overdue action item; a leader dismisses a flag with
a reason, and a decision without one is refused."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from tests.outreach_support import D, action_item, at, impact_indicator, meeting, read, rumour

from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import AuditEntry
from bluehelmet.outreach import rules
from bluehelmet.outreach.actions import do_override_outreach_verdict
from bluehelmet.outreach.verdicts import judge_actions, judge_impact, open_flags

pytestmark = pytest.mark.django_db


def test_an_impact_indicator_within_its_threshold_is_met(mission: Any) -> None:
    # given readings under the threshold of 600
    ind = impact_indicator(mission)
    read(ind, D(2026, 1, 31), 540)
    read(ind, D(2026, 2, 28), 580)
    # when judged
    verdict = rules.impact_breach(ind, list(ind.observations.all()))
    # then it is met and says why
    assert not verdict.flagged
    assert "580" in verdict.explanation and "600" in verdict.explanation


def test_an_impact_breach_is_flagged_from_the_start_of_its_run(mission: Any) -> None:
    ind = impact_indicator(mission)
    for day, value in ((D(2026, 1, 31), 700), (D(2026, 2, 28), 500), (D(2026, 3, 31), 650)):
        read(ind, day, value)
    read(ind, D(2026, 4, 30), 720)
    verdict = rules.impact_breach(ind, list(ind.observations.all()))
    assert verdict.flagged
    assert verdict.subject == f"impactindicator:{ind.pk}|since:2026-03-31"
    assert "Test HQ" in verdict.explanation and "above" in verdict.explanation


def test_a_breach_below_a_floor_is_flagged(mission: Any) -> None:
    ind = impact_indicator(mission, breach_when="below", threshold=40, unit="% local staff")
    read(ind, D(2026, 1, 31), 35)
    assert rules.impact_breach(ind, list(ind.observations.all())).flagged


def test_no_reading_is_not_a_breach(mission: Any) -> None:
    verdict = rules.impact_breach(impact_indicator(mission), [])
    assert not verdict.flagged and verdict.explanation == "No reading yet."


def test_a_high_risk_rumour_unanswered_past_the_limit_is_flagged(mission: Any) -> None:
    said = rumour(mission)
    now = said.heard_at + datetime.timedelta(hours=49)
    assert rules.rumour_unanswered(said, now, 48).flagged
    assert not rules.rumour_unanswered(
        said, said.heard_at + datetime.timedelta(hours=5), 48
    ).flagged


def test_a_rumour_answered_in_time_or_of_low_risk_is_met(mission: Any) -> None:
    answered = rumour(mission, responded_at=at(2025, 3, 2, 9), response="Radio Bel: the facts.")
    late_now = at(2025, 4, 1)
    verdict = rules.rumour_unanswered(answered, late_now, 48)
    assert not verdict.flagged and "24.0" in verdict.explanation
    low = rumour(mission, risk=1)
    assert rules.rumour_unanswered(low, late_now, 48).explanation == "Not a high-risk rumour."


def test_an_overdue_action_item_is_flagged_and_a_done_one_is_not(mission: Any) -> None:
    meet = meeting(mission)
    late = action_item(meet, D(2026, 9, 15))
    done = action_item(meet, D(2026, 9, 15), done_on=D(2026, 9, 14))
    verdict = rules.action_overdue(late, D(2026, 10, 1))
    assert verdict.flagged and "16 days overdue" in verdict.explanation
    assert not rules.action_overdue(done, D(2026, 10, 1)).flagged
    assert not rules.action_overdue(late, D(2026, 9, 10)).flagged


def test_a_leader_dismisses_a_breach_with_a_reason_and_it_stays_visible(
    mission: Any, make_user: Any
) -> None:
    ind = impact_indicator(mission)
    read(ind, D(2026, 4, 30), 720)
    hom = make_user("head-of-mission", mission)
    [judged] = judge_impact(mission, hom)
    assert open_flags([judged]) == [judged]
    do_override_outreach_verdict(
        mission,
        rule=rules.IMPACT_BREACH,
        subject=judged.verdict.subject,
        decision="dismissed",
        reason="Seasonal price rise; the mission buys nothing locally now.",
        acting_user=hom,
    )
    [again] = judge_impact(mission, hom)
    assert again.verdict.flagged and again.verdict.dismissed
    assert again.verdict.override["reason"].startswith("Seasonal")
    assert open_flags([again]) == []
    assert AuditEntry.objects.filter(verb="override_outreach_verdict").count() == 1


def test_an_override_without_a_reason_or_by_a_reader_is_refused(
    mission: Any, make_user: Any
) -> None:
    item = action_item(meeting(mission), D(2020, 1, 1))
    subject = f"actionitem:{item.pk}"
    hom = make_user("head-of-mission", mission)
    with pytest.raises(ActionError) as no_reason:
        do_override_outreach_verdict(
            mission,
            rule=rules.ACTION_OVERDUE,
            subject=subject,
            decision="dismissed",
            reason=" ",
            acting_user=hom,
        )
    assert no_reason.value.status == 400
    reader = make_user("partner-liaison", mission)
    with pytest.raises(ActionError) as forbidden:
        do_override_outreach_verdict(
            mission,
            rule=rules.ACTION_OVERDUE,
            subject=subject,
            decision="accepted",
            reason="Chase UNHCR.",
            acting_user=reader,
        )
    assert forbidden.value.status == 403
    with pytest.raises(ActionError) as wrong:
        do_override_outreach_verdict(
            mission,
            rule=rules.ACTION_OVERDUE,
            subject=f"actionitem:{item.pk + 99}",
            decision="accepted",
            reason="Chase UNHCR.",
            acting_user=hom,
        )
    assert wrong.value.status == 404
    [judged] = judge_actions(mission, hom)
    assert judged.verdict.flagged and judged.verdict.override is None
