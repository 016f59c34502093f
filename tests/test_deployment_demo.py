"""The demo's story of deciding to deploy (issue 14; Capstone §4.1-4.3): MINUSBEL's assessment
that led to resolution 2911 in March 2023, and Ostemba under assessment now."""

from __future__ import annotations

import datetime

import pytest

from bluehelmet.deployment import conditions as c
from bluehelmet.deployment import models as m
from bluehelmet.reports.models import ReportStatus

D = datetime.date


def test_given_the_demo_then_minusbel_was_decided_on_resolution_2911(demo):
    situation = m.CrisisSituation.objects.get(country="XBN")
    assert situation.mission == demo["MINUSBEL"]
    assessment = situation.assessments.get()
    assert assessment.status == m.AssessmentStatus.FINAL
    decision = assessment.decision
    assert decision.decided_on == D(2023, 3, 14) == demo["MINUSBEL"].mandate_authorised_on
    assert decision.resolution.number == 2911 and decision.mission == demo["MINUSBEL"]
    assert assessment.assessment_missions.get().started_on < decision.decided_on
    report = assessment.council_reports.get()
    assert report.status == ReportStatus.CLEARED and report.cleared_on < decision.decided_on
    assert set(situation.parties.exclude(actor=None).values_list("actor__mission", flat=True)) == {
        demo["MINUSBEL"].pk
    }


def test_given_the_demo_then_ostemba_has_one_missing_condition_and_a_draft(demo):
    situation = m.CrisisSituation.objects.get(country="XOS")
    assert situation.mission is None
    assessment = situation.assessments.get()
    assert assessment.options.count() == 3 and assessment.assessment_missions.exists()
    verdicts = c.judge_option(assessment, assessment.recommended_option, {})
    assert [v.code for v in c.missing_for(verdicts)] == ["united-council"]
    report = assessment.council_reports.get()
    assert report.status == ReportStatus.DRAFT and report.versions.count() == 1
    assert not hasattr(assessment, "decision") or assessment.decision is None


@pytest.mark.parametrize("code", ["MINUSBEL", "UNMOGTO"])
def test_given_the_demo_then_no_mission_role_sees_ostemba(demo, code):
    from django.contrib.auth import get_user_model

    from bluehelmet.core.models import Membership

    users = get_user_model().objects.filter(
        pk__in=Membership.objects.filter(mission__code=code).values("user")
    )
    for user in users:
        assert not m.CrisisSituation.objects.restrict(user).filter(country="XOS").exists()
