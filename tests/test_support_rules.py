"""Support rules and actions (issue 18; Capstone §8.1-8.3): contracts ready before
self-sufficiency ends, equipment serviceable against the MOU, premises at the minimum operating
security standards, a Designated Official in post, rotations trained before arrival; each
verdict in plain words and overridable with a recorded reason; the logistics request steps."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from tests.mission_support_fixtures import (
    TODAY,
    D,
    contingent,
    contract,
    fully_trained,
    inspect,
    lease,
    moss_check,
    period,
    premises,
    request,
    rotation,
    train,
    unit,
)

from bluehelmet.core.actions import do_set_mission_parameter
from bluehelmet.core.audit import AuditEntry
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Assignment, Person, Post
from bluehelmet.support import actions
from bluehelmet.support import models as m
from bluehelmet.support.routes import incidents_on_route, km_from_segment
from bluehelmet.support.training import training_compliance
from bluehelmet.support.verdicts import judge_mission

pytestmark = pytest.mark.django_db


def by_subject(verdicts: list[Any]) -> dict[str, Any]:
    return {v.subject: v for v in verdicts}


# Self-sufficiency (§8.1)


def test_the_period_is_30_to_90_days(mission: Any) -> None:
    c = contingent(mission)
    for days in (29, 91):
        with pytest.raises(ValidationError, match="30 to 90 days"):
            m.SelfSufficiency(mission=mission, contingent=c, days=days).full_clean()
    made = period(c, 45)
    assert made.ends_on == D(2026, 10, 16)  # from the arrival on 1 September


def test_a_contract_not_in_place_within_the_lead_days_is_flagged(mission: Any) -> None:
    p = period(contingent(mission), 75)  # ends 15 November 2026: 15 days after TODAY
    contract(p, "rations")
    contract(p, "water", status="tendering")
    found = by_subject(judge_mission(mission, None, TODAY).contracts)
    rations = found[f"selfsufficiency:{p.pk}|commodity:rations"]
    water = found[f"selfsufficiency:{p.pk}|commodity:water"]
    fuel = found[f"selfsufficiency:{p.pk}|commodity:fuel"]
    assert not rations.flagged and "contract in place" in rations.explanation
    assert water.flagged and "in 15 days" in water.explanation and "Tendering" in water.explanation
    assert fuel.flagged and "no contract recorded" in fuel.explanation
    assert water.citation == "Capstone §8.1"


def test_the_lead_days_are_the_missions_setting(mission: Any) -> None:
    p = period(contingent(mission), 75)
    do_set_mission_parameter(
        mission, "support-contract-lead-days", 10, reason="Short supply lines", acting_user=None
    )
    verdict = judge_mission(mission, None, TODAY).contracts[0]
    assert not verdict.flagged and "must be in place 10 days before" in verdict.explanation
    assert p.pk


def test_a_period_ended_without_a_contract_says_so(mission: Any) -> None:
    period(contingent(mission), 30)  # ended 1 October
    verdict = judge_mission(mission, None, TODAY).contracts[0]
    assert verdict.flagged and "ended on 2026-10-01, 30 days ago" in verdict.explanation


# Contingent-owned equipment (§8.1)


def test_serviceability_below_the_threshold_is_a_shortfall(mission: Any) -> None:
    mou = lease(contingent(mission), ("APC", 10), ("Water truck", 10))
    inspect(mou, D(2026, 9, 1), "arrival", APC=10, Water_truck=10)
    latest = inspect(mou, D(2026, 10, 1), APC=7, Water_truck=10)
    [verdict] = judge_mission(mission, None, TODAY).equipment
    assert verdict.flagged and verdict.subject == f"equipmentinspection:{latest.pk}"
    assert "17 of 20 agreed items serviceable on 2026-10-01 (85%)" in verdict.explanation
    assert "below the mission's 90%" in verdict.explanation


def test_surplus_does_not_make_up_for_a_missing_line(mission: Any) -> None:
    mou = lease(contingent(mission), ("APC", 10), ("Water truck", 10))
    inspect(mou, D(2026, 10, 1), APC=20)  # water trucks not found at all
    [verdict] = judge_mission(mission, None, TODAY).equipment
    assert verdict.flagged and "10 of 20" in verdict.explanation


def test_serviceability_at_the_threshold_is_met(mission: Any) -> None:
    mou = lease(contingent(mission), ("APC", 10))
    inspect(mou, D(2026, 10, 1), APC=9)
    [verdict] = judge_mission(mission, None, TODAY).equipment
    assert not verdict.flagged and "(90%)" in verdict.explanation


def test_an_mou_never_inspected_has_no_verdict(mission: Any) -> None:
    lease(contingent(mission), ("APC", 10))
    assert judge_mission(mission, None, TODAY).equipment == []


def test_a_finding_must_be_on_a_line_of_the_inspections_mou(mission: Any) -> None:
    one = lease(contingent(mission, "One"), ("APC", 10))
    other = lease(contingent(mission, "Two"), ("APC", 10))
    visit = inspect(one, D(2026, 10, 1))
    wrong = m.InspectionFinding(
        mission=mission, inspection=visit, line=other.lines.get(), serviceable=3
    )
    with pytest.raises(ValidationError, match="not in this inspection's MOU"):
        wrong.full_clean()


# Premises and security (§8.3)


def test_premises_below_standard_name_what_is_missing(mission: Any) -> None:
    site = premises(mission)
    moss_check(site, D(2026, 6, 1))
    moss_check(site, D(2026, 10, 1), "shelter", "lighting")
    [verdict] = judge_mission(mission, None, TODAY).premises
    assert verdict.flagged and "met 80% of the standards on 2026-10-01" in verdict.explanation
    assert "Perimeter lighting" in verdict.explanation
    assert "Protected shelter (bunker)" in verdict.explanation


def test_premises_meeting_the_standards_and_never_checked(mission: Any) -> None:
    moss_check(premises(mission, "Checked"), D(2026, 10, 1))
    premises(mission, "Never checked")
    found = {v.explanation.split(" ")[0]: v for v in judge_mission(mission, None, TODAY).premises}
    assert not found["Checked"].flagged
    assert found["Never"].flagged and "never been checked" in found["Never"].explanation


def test_the_designated_official_post_vacant_is_flagged(mission: Any) -> None:
    [verdict] = judge_mission(mission, None, TODAY).security
    assert verdict.flagged and "No post is marked" in verdict.explanation
    post = Post.objects.create(
        mission=mission, title="Head of Mission", role="hom", is_designated_official=True
    )
    [verdict] = judge_mission(mission, None, TODAY).security
    assert verdict.flagged and "Head of Mission, the Designated Official, is vacant" in (
        verdict.explanation
    )
    person = Person.objects.create(mission=mission, full_name="A. Leader", category="civilian")
    Assignment.objects.create(post=post, person=person, start_date=D(2026, 1, 1))
    [verdict] = judge_mission(mission, None, TODAY).security
    assert not verdict.flagged and "A. Leader holds the post" in verdict.explanation


# Training (§8.2, §3.2)


def test_a_rotation_arrived_short_of_training_is_flagged(mission: Any) -> None:
    c = contingent(mission)
    r = rotation(c, D(2026, 9, 1), strength=100)
    train(r, "pre_deployment", 100)
    train(r, "sea_prevention", 60)
    train(r, "sea_prevention", 20)
    [verdict] = judge_mission(mission, None, TODAY).training
    assert verdict.flagged and "arrived without the training records" in verdict.explanation
    assert "Prevention of sexual exploitation and abuse 80/100" in verdict.explanation
    assert "Protection of civilians 0/100" in verdict.explanation
    [row] = training_compliance(mission, user=None, today=TODAY)
    assert (row.contingent_id, row.required, row.done, row.complete) == (c.pk, 300, 180, False)
    assert row.as_dict()["percent"] == 60


def test_the_next_rotation_is_judged_once_it_arrives(mission: Any) -> None:
    c = contingent(mission)
    fully_trained(rotation(c, D(2026, 3, 1)))
    rotation(c, D(2026, 11, 15))  # not arrived yet: the March rotation is in the field
    [verdict] = judge_mission(mission, None, TODAY).training
    assert not verdict.flagged and "2026-03-01" in verdict.explanation
    [verdict] = judge_mission(mission, None, D(2026, 11, 16)).training
    assert verdict.flagged and "2026-11-15" in verdict.explanation


def test_training_compliance_is_scoped_to_the_reader(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    fully_trained(rotation(contingent(mission), D(2026, 9, 1)))
    rotation(contingent(other_mission, "Elsewhere"), D(2026, 9, 1))
    reader = make_user("mission-support", mission)
    rows = training_compliance(mission, user=reader, today=TODAY)
    assert [r.complete for r in rows] == [True]
    assert training_compliance(other_mission, user=reader, today=TODAY) == []


def test_a_person_record_counts_one_person(mission: Any) -> None:
    person = Person.objects.create(mission=mission, full_name="B. Officer", category="civilian")
    record = m.TrainingRecord(
        mission=mission, person=person, course="poc", personnel_trained=3, completed_on=TODAY
    )
    with pytest.raises(ValidationError, match="counts one person"):
        record.full_clean()


# Decisions on verdicts


def test_a_flag_is_dismissed_with_a_reason_and_stays_visible(mission: Any, make_user: Any) -> None:
    leader = make_user("head-of-mission", mission)
    mou = lease(contingent(mission), ("APC", 10))
    inspect(mou, D(2026, 10, 1), APC=5)
    [flag] = judge_mission(mission, leader, TODAY).open_flags[:1]
    with pytest.raises(ActionError, match="reason"):
        actions.do_override_support_verdict(
            mission,
            rule=flag.code,
            subject=flag.subject,
            decision="dismissed",
            reason=" ",
            acting_user=leader,
        )
    actions.do_override_support_verdict(
        mission,
        rule=flag.code,
        subject=flag.subject,
        decision="dismissed",
        reason="Spare parts arrive next week",
        acting_user=leader,
    )
    judged = judge_mission(mission, leader, TODAY)
    kept = by_subject(judged.verdicts)[flag.subject]
    assert (
        kept.flagged
        and kept.dismissed
        and kept.override["reason"] == "Spare parts arrive next week"
    )
    assert flag.subject not in {v.subject for v in judged.open_flags}
    entry = AuditEntry.objects.filter(action="action").latest("pk")
    assert entry.note == "Spare parts arrive next week"


def test_an_override_needs_a_known_rule_and_the_right_to_change(
    mission: Any, make_user: Any
) -> None:
    with pytest.raises(ActionError, match="No such support rule") as bad:
        actions.do_override_support_verdict(
            mission, rule="nope", subject="x", decision="accepted", reason="r", acting_user=None
        )
    assert bad.value.status == 400
    reader = make_user("partner-liaison", mission)
    with pytest.raises(ActionError) as refused:
        actions.do_override_support_verdict(
            mission,
            rule="premises-below-standard",
            subject="premises:1",
            decision="accepted",
            reason="r",
            acting_user=reader,
        )
    assert refused.value.status == 403


# Logistics requests (§7.2, §8.1)


def test_a_request_is_approved_then_fulfilled_with_its_lead_time(
    mission: Any, make_user: Any
) -> None:
    officer = make_user("mission-support", mission)
    made = request(mission, unit(mission, "Team Site One", 4.6, 21.1))
    with pytest.raises(ActionError, match="only an approved request") as early:
        actions.do_fulfil_supply_request(made, acting_user=officer)
    assert early.value.status == 409
    actions.do_approve_supply_request(made, on=D(2026, 10, 3), acting_user=officer)
    assert made.status == "approved" and made.approved_by == officer
    actions.do_fulfil_supply_request(made, on=D(2026, 10, 9), acting_user=officer)
    assert made.status == "fulfilled" and made.lead_time_days == 8
    with pytest.raises(ActionError, match="is fulfilled"):
        actions.do_approve_supply_request(made, acting_user=officer)
    verbs = set(AuditEntry.objects.filter(object_id=made.pk).values_list("note", flat=True))
    assert verbs  # each step is in the log


def test_a_request_may_not_be_stepped_before_it_was_made_nor_by_a_reader(
    mission: Any, make_user: Any
) -> None:
    made = request(mission, unit(mission, "Team Site One", 4.6, 21.1))
    with pytest.raises(ActionError, match="before the request was made"):
        actions.do_approve_supply_request(made, on=D(2026, 9, 1), acting_user=None)
    reader = make_user("partner-liaison", mission)
    with pytest.raises(ActionError) as refused:
        actions.do_reject_supply_request(made, acting_user=reader)
    assert refused.value.status == 403
    made.refresh_from_db()
    assert made.status == "submitted"


def test_open_and_overdue(mission: Any) -> None:
    made = request(mission, unit(mission, "Team Site One", 4.6, 21.1))
    assert made.is_overdue(TODAY) and not made.is_overdue(D(2026, 10, 20))


def test_a_movement_needs_both_ends(mission: Any) -> None:
    site = unit(mission, "Team Site One", 4.6, 21.1)
    bad = m.SupplyRequest(
        mission=mission,
        kind="movement",
        requesting_unit=site,
        item="Convoy",
        quantity=1,
        requested_on=TODAY,
        needed_by=TODAY,
    )
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert {"origin", "destination"} <= set(error.value.message_dict)


def test_km_from_segment() -> None:
    a, b = (0.0, 0.0), (0.0, 1.0)  # 111 km along the equator
    assert km_from_segment((0.0, 0.5), a, b) == pytest.approx(0, abs=0.01)
    assert km_from_segment((0.1, 0.5), a, b) == pytest.approx(11.13, abs=0.05)
    assert km_from_segment((0.0, 1.2), a, b) == pytest.approx(22.26, abs=0.05)


def test_incidents_near_the_route_in_recent_days(mission: Any, make_user: Any) -> None:
    from bluehelmet.operations.models import Incident, IncidentCategory

    start = unit(mission, "Start", 4.0, 21.0)
    end = unit(mission, "End", 4.0, 22.0)
    move = request(
        mission, start, kind="movement", item="Fuel convoy", origin=start, destination=end
    )
    category = IncidentCategory.objects.first()
    at = datetime.datetime(2026, 10, 30, 12, tzinfo=datetime.UTC)

    def incident(title: str, lat: float, lon: float, when: Any = at) -> Any:
        return Incident.objects.create(
            mission=mission,
            title=title,
            category=category,
            occurred_at=when,
            latitude=lat,
            longitude=lon,
        )

    incident("Ambush on the road", 4.05, 21.5)  # about 5.6 km off the line
    incident("Far away", 4.5, 21.5)  # 55 km
    incident("Long ago", 4.0, 21.5, at - datetime.timedelta(days=60))
    found = incidents_on_route(move, user=make_user("joc-officer", mission), today=TODAY)
    assert [(i.title, km) for i, km in found] == [("Ambush on the road", 5.6)]
