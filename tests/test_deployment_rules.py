"""Success conditions of an option (Capstone §4.2): every verdict, and overrides."""

from __future__ import annotations

import pytest
from tests.deployment_support import factor, make_crisis

from bluehelmet.core.errors import ActionError
from bluehelmet.deployment import conditions as c
from bluehelmet.deployment import models as m
from bluehelmet.deployment.actions import do_override_condition

pytestmark = pytest.mark.django_db


def verdicts(crisis, key, user=None):
    assessment = crisis.assessment
    assessment.refresh_from_db()
    found = c.judge_option(assessment, crisis.options[key], c.overrides_for(assessment, user))
    return {v.code: v for v in found}


def test_given_every_factor_met_and_a_united_council_then_every_condition_is_met(superuser):
    crisis = make_crisis(judgements=m.Judgement.MET)
    found = verdicts(crisis, "multi", superuser)
    assert {v.status for v in found.values()} == {c.MET}
    assert c.missing_for(list(found.values())) == []


def test_given_no_operation_then_the_conditions_do_not_apply(superuser):
    crisis = make_crisis()
    assert {v.status for v in verdicts(crisis, "none", superuser).values()} == {c.NOT_APPLICABLE}


@pytest.mark.parametrize(
    ("judgement", "status"),
    [
        (m.Judgement.MET, c.MET),
        (m.Judgement.PARTLY, c.WEAK),
        (m.Judgement.NOT_MET, c.MISSING),
        (m.Judgement.UNKNOWN, c.MISSING),
    ],
)
def test_given_the_cease_fire_judgement_then_peace_to_keep_follows(superuser, judgement, status):
    crisis = make_crisis()
    factor(crisis.assessment, m.FactorKind.CEASEFIRE_PROCESS, judgement)
    verdict = verdicts(crisis, "multi", superuser)["peace-to-keep"]
    assert verdict.status == status
    assert verdict.citation == "Capstone §4.2" and "Cease-fire" in verdict.explanation


def test_given_an_uncommitted_party_then_peace_to_keep_is_weak_and_named(superuser):
    crisis = make_crisis()
    crisis.situation.parties.filter(role="armed_movement").update(committed=False)
    verdict = verdicts(crisis, "multi", superuser)["peace-to-keep"]
    assert verdict.status == c.WEAK and "Ostemba Liberation Front" in verdict.explanation


def test_given_an_unassessed_factor_then_the_condition_is_missing(superuser):
    crisis = make_crisis()
    crisis.assessment.factors.filter(factor=m.FactorKind.REGIONAL_ARRANGEMENTS).delete()
    verdict = verdicts(crisis, "multi", superuser)["regional-engagement"]
    assert verdict.status == c.MISSING and "not been assessed" in verdict.explanation


def test_given_support_to_a_regional_force_then_partial_regional_engagement_is_missing(superuser):
    crisis = make_crisis()
    factor(crisis.assessment, m.FactorKind.REGIONAL_ARRANGEMENTS, m.Judgement.PARTLY)
    regional = m.DeploymentOption.objects.create(
        assessment=crisis.assessment, title="Support AU", option_type=m.OptionType.REGIONAL_SUPPORT
    )
    crisis.options["regional"] = regional
    assert verdicts(crisis, "regional", superuser)["regional-engagement"].status == c.MISSING
    assert verdicts(crisis, "multi", superuser)["regional-engagement"].status == c.WEAK


@pytest.mark.parametrize(
    ("backing", "status"),
    [
        (m.CouncilBacking.UNITED, c.MET),
        (m.CouncilBacking.MAJORITY, c.WEAK),
        (m.CouncilBacking.DIVIDED, c.MISSING),
        (m.CouncilBacking.UNKNOWN, c.MISSING),
    ],
)
def test_given_the_council_backing_then_united_council_follows(superuser, backing, status):
    crisis = make_crisis()
    m.StrategicAssessment.objects.filter(pk=crisis.assessment.pk).update(council_backing=backing)
    assert verdicts(crisis, "multi", superuser)["united-council"].status == status


def test_given_no_size_or_tasks_then_the_mandate_condition_is_missing(superuser):
    crisis = make_crisis()
    multi = crisis.options["multi"]
    multi.tasks.clear()
    m.DeploymentOption.objects.filter(pk=multi.pk).update(troops=0, police=0, civilians=0)
    crisis.options["multi"].refresh_from_db()
    verdict = verdicts(crisis, "multi", superuser)["mandate-resources"]
    assert verdict.status == c.MISSING
    assert "no tasks" in verdict.explanation and "no size" in verdict.explanation


def test_given_no_resources_named_then_the_mandate_condition_is_weak(superuser):
    crisis = make_crisis()
    m.DeploymentOption.objects.filter(pk=crisis.options["observers"].pk).update(resources="")
    crisis.options["observers"].refresh_from_db()
    assert verdicts(crisis, "observers", superuser)["mandate-resources"].status == c.WEAK


def test_given_a_dismissal_with_reason_then_the_condition_is_no_longer_missing(make_user):
    planner = make_user("hq-planner")
    crisis = make_crisis()
    m.StrategicAssessment.objects.filter(pk=crisis.assessment.pk).update(
        council_backing=m.CouncilBacking.DIVIDED
    )
    assert [v.code for v in c.missing_for(list(verdicts(crisis, "multi", planner).values()))] == [
        "united-council"
    ]
    do_override_condition(
        crisis.assessment,
        crisis.options["multi"],
        rule="united-council",
        decision="dismissed",
        reason="The P5 agreed in consultations.",
        acting_user=planner,
    )
    found = verdicts(crisis, "multi", planner)
    assert found["united-council"].status == c.MISSING  # the verdict stays visible ...
    assert found["united-council"].override["reason"] == "The P5 agreed in consultations."
    assert found["united-council"].override["decided_by"] == planner.username
    assert c.missing_for(list(found.values())) == []  # ... but no longer counts as missing


def test_given_an_acceptance_then_the_condition_still_counts_as_missing(make_user):
    planner = make_user("hq-planner")
    crisis = make_crisis(judgements=m.Judgement.NOT_MET)
    do_override_condition(
        crisis.assessment,
        crisis.options["multi"],
        rule="peace-to-keep",
        decision="accepted",
        reason="Agreed: no peace yet.",
        acting_user=planner,
    )
    found = verdicts(crisis, "multi", planner)
    assert "peace-to-keep" in [v.code for v in c.missing_for(list(found.values()))]


@pytest.mark.parametrize(
    ("rule", "decision", "reason"),
    [
        ("no-such-rule", "dismissed", "x"),
        ("united-council", "maybe", "x"),
        ("united-council", "dismissed", "  "),
    ],
)
def test_given_a_bad_override_then_it_is_refused(make_user, rule, decision, reason):
    crisis = make_crisis()
    with pytest.raises(ActionError) as err:
        do_override_condition(
            crisis.assessment,
            crisis.options["multi"],
            rule=rule,
            decision=decision,
            reason=reason,
            acting_user=make_user("hq-planner"),
        )
    assert err.value.status == 400


def test_given_a_mission_role_then_it_may_not_override_a_crisis_without_mission(make_user, mission):
    crisis = make_crisis()
    with pytest.raises(ActionError) as err:
        do_override_condition(
            crisis.assessment,
            crisis.options["multi"],
            rule="united-council",
            decision="dismissed",
            reason="x",
            acting_user=make_user("head-of-mission", mission),
        )
    assert err.value.status == 403
