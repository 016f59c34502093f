"""Lifecycle state machine, gates, overrides and the deployment clock (Capstone §6.1-6.3)."""

from __future__ import annotations

import datetime

import pytest
from rest_framework.test import APIClient

from bluehelmet.core import models as m
from bluehelmet.core.errors import ActionError
from bluehelmet.core.phases import Phase
from bluehelmet.lifecycle.actions import (
    TransitionErrorCode,
    do_transition_mission_phase,
)
from bluehelmet.lifecycle.clock import deployment_clock
from bluehelmet.lifecycle.gates import check_gates
from bluehelmet.lifecycle.models import MilestoneKind, PhaseTransition, StartUpMilestone

D = datetime.date
JAN_20 = D(2025, 1, 20)
FEB_1 = D(2025, 2, 1)


def _fill(mission, role, title, is_mlt=True, start=JAN_20):
    post = m.Post.objects.create(mission=mission, title=title, role=role, is_mlt=is_mlt)
    person = m.Person.objects.create(
        mission=mission, full_name=f"{title} holder", category="international_civilian"
    )
    m.Assignment.objects.create(post=post, person=person, start_date=start)
    return post


def _milestones(mission, *kinds, on=FEB_1):
    for kind in kinds:
        StartUpMilestone.objects.create(mission=mission, kind=kind, achieved_on=on)


def _to(mission, phase, user, on, **kw):
    mission.refresh_from_db()
    return do_transition_mission_phase(mission, phase, acting_user=user, effective_on=on, **kw)


IOC_MILESTONES = [
    MilestoneKind.JOC_ESTABLISHED,
    MilestoneKind.JMAC_ESTABLISHED,
    MilestoneKind.DECISION_FORUMS,
    MilestoneKind.INFORMATION_MANAGEMENT,
    MilestoneKind.REPORTING_LINES,
]


@pytest.fixture
def hom(mission, make_user):
    return make_user("head-of-mission", mission)


def test_given_no_sofa_when_deploying_then_refused_with_explanation(mission, hom):
    with pytest.raises(ActionError) as err:
        _to(mission, Phase.RAPID_DEPLOYMENT, hom, D(2025, 1, 12))
    assert err.value.code == TransitionErrorCode.GATES_FAILED
    failed = [c for c in err.value.details["checks"] if not c["passed"]]
    assert [c["code"] for c in failed] == ["sofa_soma"]
    assert "SOFA/SOMA" in failed[0]["explanation"] and failed[0]["citation"] == "Capstone §6.2"
    mission.refresh_from_db()
    assert mission.phase == Phase.PRE_DEPLOYMENT
    assert not PhaseTransition.objects.exists()


def test_given_sofa_when_deploying_then_phase_moves_and_one_audit_entry(mission, hom):
    m.Mission.objects.filter(pk=mission.pk).update(sofa_status=m.SofaStatus.SIGNED)
    before = m.AuditEntry.objects.count()
    transition = _to(mission, Phase.RAPID_DEPLOYMENT, hom, D(2025, 1, 12))
    mission.refresh_from_db()
    assert mission.phase == Phase.RAPID_DEPLOYMENT and mission.status == m.MissionStatus.ACTIVE
    assert not transition.overridden
    new = m.AuditEntry.objects.order_by("id")[before:]
    assert [(e.action, e.verb) for e in new] == [("action", "transition_mission_phase")]
    assert (
        new[0].before["phase"] == "pre_deployment" and new[0].after["phase"] == "rapid_deployment"
    )


def test_override_needs_a_reason_and_keeps_it(mission, hom):
    transition = _to(
        mission,
        Phase.RAPID_DEPLOYMENT,
        hom,
        D(2025, 1, 12),
        override_reason="Host government agreed to apply the model SOFA by letter.",
    )
    assert transition.overridden
    assert "model SOFA" in transition.override_reason
    assert any(not c["passed"] for c in transition.gate_report)
    with pytest.raises(ActionError):
        _to(mission, Phase.HQ_START_UP, hom, D(2025, 1, 13), override_reason="   ")


def test_phases_cannot_be_skipped(mission, hom):
    with pytest.raises(ActionError) as err:
        _to(mission, Phase.IOC, hom, D(2025, 1, 12), override_reason="hurry")
    assert err.value.code == TransitionErrorCode.NOT_ALLOWED


def test_only_roles_with_the_transition_action_decide(mission, make_user):
    with pytest.raises(ActionError) as err:
        _to(
            mission,
            Phase.RAPID_DEPLOYMENT,
            make_user("joc-officer", mission),
            D(2025, 1, 12),
            override_reason="x",
        )
    assert err.value.code == TransitionErrorCode.FORBIDDEN


def test_dates_must_move_forward_and_not_into_the_future(mission, hom):
    _to(mission, Phase.RAPID_DEPLOYMENT, hom, D(2025, 1, 12), override_reason="letter")
    with pytest.raises(ActionError) as err:
        _to(mission, Phase.HQ_START_UP, hom, D(2025, 1, 11), override_reason="x")
    assert err.value.code == TransitionErrorCode.BAD_DATE
    with pytest.raises(ActionError):
        _to(mission, Phase.HQ_START_UP, hom, D(2999, 1, 1), override_reason="x")


def test_ioc_gate_lists_exactly_what_is_missing(mission):
    _fill(mission, m.PostRole.HOM, "SRSG")
    _milestones(mission, MilestoneKind.JOC_ESTABLISHED)
    failed = {c.code for c in check_gates(mission, Phase.IOC) if not c.passed}
    assert failed == {
        "leadership_team",
        "jmac_established",
        "decision_forums",
        "information_management",
        "reporting_lines",
    }
    _fill(mission, m.PostRole.FORCE_COMMANDER, "Force Commander")
    _fill(mission, m.PostRole.CHIEF_MISSION_SUPPORT, "Director of Mission Support")
    _milestones(mission, *IOC_MILESTONES[1:])
    assert all(c.passed for c in check_gates(mission, Phase.IOC))


def test_full_start_up_path_and_clock(mission, hom):
    mission.sofa_status = m.SofaStatus.SIGNED
    mission.save()
    _milestones(mission, MilestoneKind.ADVANCE_TEAM_DEPLOYED, *IOC_MILESTONES)
    _fill(mission, m.PostRole.HOM, "SRSG")
    _fill(mission, m.PostRole.FORCE_COMMANDER, "Force Commander")
    _fill(mission, m.PostRole.DSRSG, "DSRSG")
    for phase, day in [
        (Phase.RAPID_DEPLOYMENT, 15),
        (Phase.HQ_START_UP, 30),
        (Phase.COMPONENT_START_UP, 60),
    ]:
        _to(mission, phase, hom, D(2025, 1, 10) + datetime.timedelta(days=day))
    mission.refresh_from_db()
    assert deployment_clock(mission, today=D(2025, 3, 15)).status == "running"
    assert deployment_clock(mission, today=D(2025, 6, 1)).status == "overdue"
    _to(mission, Phase.IOC, hom, D(2025, 4, 20))
    clock = deployment_clock(mission, today=D(2026, 1, 1))
    assert (clock.status, clock.elapsed_days, clock.target_days) == ("missed", 100, 90)
    assert "100 days" in clock.explanation


def test_traditional_mission_target_is_30_days(other_mission):
    clock = deployment_clock(other_mission, today=D(2025, 6, 20))
    assert (clock.target_days, clock.status, clock.elapsed_days) == (30, "running", 19)


def test_clock_without_mandate_date(mission):
    mission.mandate_authorised_on = None
    assert deployment_clock(mission).status == "no_mandate"


def test_liquidation_needs_every_contingent_home(mission):
    country = m.ContributingCountry.objects.create(iso3="NPL")
    m.Contingent.objects.create(
        mission=mission,
        country=country,
        name="NEPBATT",
        unit_type="infantry_battalion",
        strength=800,
        status="deployed",
        arrival_date=D(2025, 3, 1),
    )
    check = check_gates(mission, Phase.LIQUIDATION)[0]
    assert not check.passed and "1 contingent" in check.explanation


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_api_lifecycle_shows_next_gates_and_clock(mission, hom):
    data = _api(hom).get(f"/api/missions/{mission.code.lower()}/lifecycle/").json()
    assert data["phase"] == "pre_deployment" and data["can_transition"] is True
    assert data["next"][0]["phase"] == "rapid_deployment"
    assert {c["code"] for c in data["next"][0]["checks"]} == {"mandate_authorised", "sofa_soma"}
    assert data["clock"]["target_days"] == 90


def test_api_transition_failure_is_400_with_checks(mission, hom):
    response = _api(hom).post(
        f"/api/missions/{mission.code}/transition/",
        {"to_phase": "rapid_deployment", "effective_on": "2025-01-12"},
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "gates_failed" and any(not c["passed"] for c in body["checks"])


def test_api_transition_with_override(mission, hom):
    response = _api(hom).post(
        f"/api/missions/{mission.code}/transition/",
        {
            "to_phase": "rapid_deployment",
            "effective_on": "2025-01-12",
            "override_reason": "SOFA signature scheduled; advance team authorised by HQ.",
        },
    )
    assert response.status_code == 201, response.json()
    assert response.json()["overridden"] is True


def test_api_transition_bad_input(mission, hom, other_mission):
    client = _api(hom)
    assert (
        client.post(
            f"/api/missions/{mission.code}/transition/", {"to_phase": "nirvana"}
        ).status_code
        == 400
    )
    assert (
        client.post(
            f"/api/missions/{mission.code}/transition/",
            {"to_phase": "ioc", "effective_on": "2025-13-45"},
        ).status_code
        == 400
    )
    assert (
        client.post(
            f"/api/missions/{other_mission.code}/transition/", {"to_phase": "rapid_deployment"}
        ).status_code
        == 404
    )


def test_api_transition_forbidden_role_is_403(mission, make_user):
    response = _api(make_user("joc-officer", mission)).post(
        f"/api/missions/{mission.code}/transition/",
        {"to_phase": "rapid_deployment", "override_reason": "x"},
    )
    assert response.status_code == 403


def test_phase_cannot_be_written_through_the_mission_api(mission, hom):
    _api(hom).patch(f"/api/missions/{mission.code}/", {"phase": "closed"}, format="json")
    mission.refresh_from_db()
    assert mission.phase == Phase.PRE_DEPLOYMENT


def test_given_a_sofa_still_under_negotiation_then_the_deployment_gate_fails(mission):
    from bluehelmet.core.models import SofaStatus
    from bluehelmet.lifecycle.gates import check_gates

    mission.sofa_status = SofaStatus.NEGOTIATING
    mission.save()
    sofa = next(c for c in check_gates(mission, Phase.RAPID_DEPLOYMENT) if c.code == "sofa_soma")
    assert not sofa.passed and "still under negotiation" in sofa.explanation
    mission.sofa_status = SofaStatus.MODEL_APPLIED
    mission.save()
    sofa = next(c for c in check_gates(mission, Phase.RAPID_DEPLOYMENT) if c.code == "sofa_soma")
    assert sofa.passed
