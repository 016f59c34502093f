"""Programme rules and actions (issue 17; Capstone §1.4 res. 1612, §2.4-2.5, §7.2): each verdict
flagged and met, each decision recorded with its reason, the QIP steps, the child's referral and
the link of explosive incidents to hazard areas."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from tests.operations_support import incident
from tests.programmes_support import hazard, participant, qip, site

from bluehelmet.core.actions import do_set_mission_parameter
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import AuditEntry
from bluehelmet.programmes import actions, geo, rules
from bluehelmet.programmes import models as m
from bluehelmet.programmes.verdicts import judge_mission, open_flags, verdicts_for

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 3, 10, tzinfo=datetime.UTC)
REGISTERED = datetime.datetime(2026, 6, 1, 8, tzinfo=datetime.UTC)


def test_a_child_not_referred_past_the_limit_is_flagged(mission: Any) -> None:
    child = participant(mission, age_group=m.AgeGroup.CHILD)
    (v,) = rules.child_referred(child, NOW, 48)
    assert v.flagged and "50 hours ago and not yet referred" in v.explanation
    (v,) = rules.child_referred(child, NOW, 72)
    assert not v.flagged
    child.referred_at = REGISTERED + datetime.timedelta(hours=60)
    (v,) = rules.child_referred(child, NOW, 48)
    assert not v.flagged and "later than 48 hours" in v.explanation
    assert rules.child_referred(participant(mission, "DDR-2"), NOW, 48) == []


def test_the_mission_sets_the_referral_limit(mission: Any) -> None:
    participant(mission, age_group=m.AgeGroup.CHILD, registered_at=timezone.now())
    assert open_flags(judge_mission(mission, None)) == []
    do_set_mission_parameter(
        mission, rules.REFERRAL_KEY, 1, acting_user=None, reason="Children first."
    )
    participant(
        mission,
        "DDR-2",
        age_group=m.AgeGroup.CHILD,
        registered_at=timezone.now() - datetime.timedelta(hours=3),
    )
    assert [v.code for _r, v in open_flags(judge_mission(mission, None))] == [
        "ddr-child-not-referred"
    ]


def test_a_child_is_never_placed_in_a_site(mission: Any) -> None:
    camp = site(mission)
    with pytest.raises(ValidationError, match="separated at once"):
        participant(mission, age_group=m.AgeGroup.CHILD, site=camp)


def test_referring_a_child_closes_the_flag(mission: Any, make_user: Any) -> None:
    child = participant(mission, age_group=m.AgeGroup.CHILD)
    assert verdicts_for(child, None)[0].flagged
    actions.do_refer_ddr_child(child, acting_user=make_user("mlt-member", mission))
    assert not verdicts_for(child, None)[0].flagged
    with pytest.raises(ActionError) as refused:
        actions.do_refer_ddr_child(child, acting_user=None)
    assert refused.value.status == 409
    with pytest.raises(ActionError):
        actions.do_refer_ddr_child(participant(mission, "DDR-9"), acting_user=None)


def test_a_site_over_capacity_is_flagged(mission: Any) -> None:
    (v,) = rules.site_capacity(site(mission, occupancy=120))
    assert v.flagged and "120 people for a capacity of 100" in v.explanation
    (v,) = rules.site_capacity(site(mission, "Sud", occupancy=100))
    assert not v.flagged


def test_a_qip_without_humanitarian_coordination_is_flagged(mission: Any) -> None:
    verdicts = {v.code: v for v in rules.qip_consultations(qip(mission))}
    assert not any(v.flagged for v in verdicts.values())
    lacking = qip(mission, "Bridge", humanitarian_coordination=False, community_consulted=False)
    verdicts = {v.code: v for v in rules.qip_consultations(lacking)}
    assert verdicts["qip-no-humanitarian-coordination"].flagged
    assert verdicts["qip-no-community-consultation"].flagged
    lacking.status = m.QipStatus.CANCELLED
    assert rules.qip_consultations(lacking) == []


def test_approval_waits_for_consultation_or_a_recorded_decision(
    mission: Any, make_user: Any
) -> None:
    leader = make_user("head-of-mission", mission)
    project = qip(mission, humanitarian_coordination=False)
    with pytest.raises(ActionError) as refused:
        actions.do_approve_quick_impact_project(project, acting_user=leader)
    assert refused.value.code == "flags_open" and refused.value.status == 400
    assert "humanitarian country team has not been consulted" in refused.value.message
    actions.do_override_programme_verdict(
        mission,
        rule="qip-no-humanitarian-coordination",
        subject=f"qip:{project.pk}",
        decision="dismissed",
        reason="The HCT met on 2 June; minutes pending.",
        acting_user=leader,
    )
    (flag,) = [v for v in verdicts_for(project, leader) if v.flagged]
    assert flag.dismissed and flag.override["reason"].startswith("The HCT met")
    actions.do_approve_quick_impact_project(project, acting_user=leader)
    assert project.status == m.QipStatus.APPROVED and project.approved_by == leader
    actions.do_complete_quick_impact_project(project, acting_user=leader)
    with pytest.raises(ActionError):
        actions.do_hand_over_quick_impact_project(project, to=" ", acting_user=leader)
    actions.do_hand_over_quick_impact_project(project, to="Kolembi council", acting_user=leader)
    project.refresh_from_db()
    assert project.status == m.QipStatus.HANDED_OVER and project.handed_over_to == "Kolembi council"
    verbs = set(AuditEntry.objects.filter(action="action").values_list("verb", flat=True))
    assert {"approve_quick_impact_project", "hand_over_quick_impact_project"} <= verbs


def test_a_decision_needs_a_reason_a_known_rule_and_a_visible_record(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    leader = make_user("head-of-mission", mission)
    project = qip(mission, humanitarian_coordination=False)
    elsewhere = qip(other_mission, humanitarian_coordination=False)
    base = {"rule": "qip-no-humanitarian-coordination", "decision": "accepted"}
    for subject, reason, status in (
        (f"qip:{project.pk}", " ", 400),
        ("nothing", "why", 400),
        (f"qip:{elsewhere.pk}", "why", 404),
    ):
        with pytest.raises(ActionError) as refused:
            actions.do_override_programme_verdict(
                mission, **base, subject=subject, reason=reason, acting_user=leader
            )
        assert refused.value.status == status
    with pytest.raises(ActionError) as refused:
        actions.do_override_programme_verdict(
            mission, **base, subject=f"qip:{project.pk}", reason="x", acting_user=make_user()
        )
    assert refused.value.status == 403
    accepted = actions.do_override_programme_verdict(
        mission, **base, subject=f"qip:{project.pk}", reason="Agreed", acting_user=leader
    )
    assert accepted.decision == "accepted"
    (flag,) = [v for v in verdicts_for(project, leader) if v.flagged]
    assert not flag.dismissed and flag.override["decision"] == "accepted"


def test_distance_to_a_hazard_area() -> None:
    square = {
        "type": "Polygon",
        "coordinates": [[[18, 4], [18.1, 4], [18.1, 4.1], [18, 4.1], [18, 4]]],
    }
    assert geo.distance_m(18.05, 4.05, square) == 0
    assert 1000 < (geo.distance_m(18.11, 4.05, square) or 0) < 1200  # 0.01° of longitude
    point = {"type": "Point", "coordinates": [18.0, 4.0]}
    assert 1100 < (geo.distance_m(18.0, 4.01, point) or 0) < 1120


def test_explosive_incidents_inside_or_near_are_linked_once(mission: Any, make_user: Any) -> None:
    area = hazard(mission)
    inside = incident(mission, "explosive-hazard", latitude=4.05, longitude=18.05)
    near = incident(mission, "explosive-hazard", latitude=4.05, longitude=18.105)
    far = incident(mission, "explosive-hazard", latitude=4.05, longitude=18.3)
    other = incident(mission, latitude=4.05, longitude=18.05)  # not an explosive incident
    leader = make_user("head-of-mission", mission)
    assert actions.do_link_explosive_incidents(mission, acting_user=leader) == 2
    assert set(area.incidents.all()) == {inside, near}
    assert far not in area.incidents.all() and other not in area.incidents.all()
    assert actions.do_link_explosive_incidents(mission, acting_user=leader) == 0
    with pytest.raises(ActionError):
        actions.do_link_explosive_incidents(mission, acting_user=make_user("researcher"))
