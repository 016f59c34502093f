"""Conduct rules and actions (Capstone §3.2, §7.1): each step of a case's timeline, its time
limit flagged when overdue, and decisions on the flags recorded with a reason."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from tests.conduct_support import D, case, contingent

from bluehelmet.conduct import actions, rules
from bluehelmet.conduct import models as m
from bluehelmet.conduct.actions import ConductErrorCode
from bluehelmet.core.actions import do_set_mission_parameter
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.models import AuditEntry
from bluehelmet.core.permissions import Sensitivity

pytestmark = pytest.mark.django_db


def judged(c: m.MisconductAllegation, today: datetime.date) -> dict[str, Any]:
    return {v.code: v for v in rules.verdicts(rules.timeline(c, today))}


def test_a_case_is_strictly_confidential_and_referenced_without_words(mission: Any) -> None:
    c = case(mission, sensitivity=Sensitivity.UNCLASSIFIED)
    assert c.sensitivity == Sensitivity.STRICTLY_CONFIDENTIAL
    assert str(c) == "MINUSTEST-CDT-2026-001"
    assert str(case(mission)) == "MINUSTEST-CDT-2026-002"


def test_assessment_is_flagged_once_past_its_limit_and_met_when_done(mission: Any) -> None:
    c = case(mission, received_on=D(2026, 1, 5))
    assert judged(c, D(2026, 1, 12))["assessment"].status == rules.MET  # due 12 January
    late = judged(c, D(2026, 1, 20))["assessment"]
    assert late.flagged and "overdue by 8 days" in late.explanation
    actions.do_assess_allegation(c, assessed_on=D(2026, 1, 9), finding="pursue", acting_user=None)
    assert judged(c, D(2026, 1, 20))["assessment"].status == rules.MET
    assert c.stage == m.Stage.ASSESSED


def test_the_mission_sets_the_limit(mission: Any) -> None:
    c = case(mission, received_on=D(2026, 1, 5))
    do_set_mission_parameter(
        mission, "conduct-assessment-days", 30, reason="pilot", acting_user=None
    )
    assert judged(c, D(2026, 1, 20))["assessment"].status == rules.MET


def test_each_later_step_has_its_limit(mission: Any) -> None:
    c = case(mission, received_on=D(2026, 1, 5), category="sea")
    actions.do_assess_allegation(c, assessed_on=D(2026, 1, 6), finding="pursue", acting_user=None)
    assert judged(c, D(2026, 2, 1))["referral"].flagged  # 14 days from 6 January
    actions.do_refer_allegation(
        c, referred_to="national", referred_on=D(2026, 1, 10), acting_user=None
    )
    assert judged(c, D(2026, 2, 1))["referral"].status == rules.MET
    assert judged(c, D(2026, 5, 1))["outcome"].flagged  # 90 days from 10 January
    actions.do_open_investigation(c, started_on=D(2026, 1, 12), acting_user=None)
    actions.do_record_outcome(
        c, outcome="substantiated", outcome_on=D(2026, 3, 1), acting_user=None
    )
    assert c.stage == m.Stage.DECIDED
    assert judged(c, D(2026, 5, 1))["outcome"].status == rules.MET
    assert judged(c, D(2026, 5, 1))["action"].flagged  # 30 days from 1 March
    actions.do_record_action_taken(
        c, action_taken_on=D(2026, 3, 20), action_taken="Repatriated", acting_user=None
    )
    assert c.stage == m.Stage.CLOSED
    assert judged(c, D(2026, 5, 1))["action"].status == rules.MET


def test_victim_assistance_is_judged_on_sea_cases_only(mission: Any) -> None:
    sea = case(mission, received_on=D(2026, 1, 5))
    minor = case(mission, category="minor", personnel_category="national_civilian")
    assert judged(sea, D(2026, 1, 20))["victim_assistance"].flagged
    assert "victim_assistance" not in judged(minor, D(2026, 1, 20))
    actions.do_record_victim_assistance(
        sea, assisted_on=D(2026, 1, 7), assistance="Medical care", acting_user=None
    )
    assert judged(sea, D(2026, 1, 20))["victim_assistance"].status == rules.MET
    with pytest.raises(ActionError) as again:
        actions.do_record_victim_assistance(
            sea, assisted_on=D(2026, 1, 8), assistance="x", acting_user=None
        )
    assert again.value.code == ConductErrorCode.WRONG_STEP


def test_a_case_not_pursued_closes_without_a_referral_flag(mission: Any) -> None:
    c = case(mission, category="minor", personnel_category="national_civilian")
    actions.do_assess_allegation(
        c, assessed_on=D(2026, 1, 6), finding="not_pursued", acting_user=None
    )
    assert c.stage == m.Stage.CLOSED
    assert "referral" not in judged(c, D(2026, 6, 1))


def test_military_members_go_to_their_country_and_others_do_not(mission: Any) -> None:
    soldier = case(mission, contingent=contingent(mission))
    actions.do_assess_allegation(
        soldier, assessed_on=D(2026, 1, 6), finding="pursue", acting_user=None
    )
    with pytest.raises(ActionError) as wrong:
        actions.do_refer_allegation(
            soldier, referred_to="oios", referred_on=D(2026, 1, 7), acting_user=None
        )
    assert wrong.value.code == ConductErrorCode.WRONG_BODY and wrong.value.status == 400
    civilian = case(mission, personnel_category="international_civilian")
    actions.do_assess_allegation(
        civilian, assessed_on=D(2026, 1, 6), finding="pursue", acting_user=None
    )
    with pytest.raises(ActionError):
        actions.do_refer_allegation(
            civilian, referred_to="national", referred_on=D(2026, 1, 7), acting_user=None
        )
    referral = actions.do_refer_allegation(
        civilian, referred_to="oios", referred_on=D(2026, 1, 7), acting_user=None
    )
    assert referral.sensitivity == Sensitivity.STRICTLY_CONFIDENTIAL


def test_steps_out_of_order_or_misdated_are_refused(mission: Any) -> None:
    c = case(mission, received_on=D(2026, 1, 5))
    with pytest.raises(ActionError) as early:
        actions.do_open_investigation(c, started_on=D(2026, 1, 6), acting_user=None)
    assert early.value.code == ConductErrorCode.WRONG_STEP and early.value.status == 400
    with pytest.raises(ActionError) as before:
        actions.do_assess_allegation(
            c, assessed_on=D(2026, 1, 1), finding="pursue", acting_user=None
        )
    assert before.value.code == ConductErrorCode.BEFORE_PREVIOUS
    future = datetime.date.today() + datetime.timedelta(days=3)
    with pytest.raises(ActionError):
        actions.do_assess_allegation(c, assessed_on=future, finding="pursue", acting_user=None)
    with pytest.raises(ActionError):
        actions.do_assess_allegation(
            c, assessed_on=D(2026, 1, 6), finding="maybe", acting_user=None
        )


def test_only_case_roles_act_and_others_are_told_nothing(mission: Any, make_user: Any) -> None:
    c = case(mission)
    for role in ("joc-officer", "mlt-member"):
        with pytest.raises(ActionError) as refused:
            actions.do_assess_allegation(
                c, assessed_on=D(2026, 1, 6), finding="pursue", acting_user=make_user(role, mission)
            )
        assert refused.value.code == ErrorCode.NOT_FOUND
    for role in ("hq-admin", "hq-oversight"):
        with pytest.raises(ActionError):
            actions.do_assess_allegation(
                c, assessed_on=D(2026, 1, 6), finding="pursue", acting_user=make_user(role)
            )
    officer = make_user("conduct-discipline", mission)
    actions.do_assess_allegation(
        c, assessed_on=D(2026, 1, 6), finding="pursue", acting_user=officer
    )
    entry = AuditEntry.objects.filter(verb="assess_allegation").get()
    assert entry.actor == officer and "stage" in entry.changed_fields


def test_a_flag_is_dismissed_with_a_reason_and_shown_with_it(mission: Any, make_user: Any) -> None:
    c = case(mission, received_on=D(2026, 1, 5))
    hom = make_user("head-of-mission", mission)
    with pytest.raises(ActionError):
        actions.do_decide_conduct_verdict(
            c, rule="assessment", decision="dismissed", reason=" ", acting_user=hom
        )
    with pytest.raises(ActionError) as unknown:
        actions.do_decide_conduct_verdict(
            c, rule="nonsense", decision="dismissed", reason="x", acting_user=hom
        )
    assert unknown.value.code == ConductErrorCode.UNKNOWN_RULE
    actions.do_decide_conduct_verdict(
        c,
        rule="assessment",
        decision="dismissed",
        reason="Complainant unreachable",
        acting_user=hom,
    )
    verdict = judged(c, D(2026, 2, 1))["assessment"]
    assert verdict.flagged and verdict.dismissed
    assert verdict.override and verdict.override["reason"] == "Complainant unreachable"
    assert rules.open_flags(rules.timeline(c, D(2026, 2, 1))) == [
        v for v in rules.open_flags(rules.timeline(c, D(2026, 2, 1))) if v.code != "assessment"
    ]
    actions.do_decide_conduct_verdict(
        c, rule="assessment", decision="accepted", reason="Late indeed", acting_user=hom
    )
    assert m.ConductVerdictOverride.objects.restrict(hom).count() == 1
    assert not judged(c, D(2026, 2, 1))["assessment"].dismissed
    entry = AuditEntry.objects.filter(verb="decide_conduct_verdict").last()
    assert entry is not None and "Late indeed" not in str(entry.after) + entry.note
