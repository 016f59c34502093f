"""Use of force under ROE/DUF: review rules, flags and their closure (Capstone §3.1)."""

from __future__ import annotations

import pytest
from tests.principles_support import D, at, audit_count, clean_report, level, roe

from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import AuditEntry
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.mandates.models import Mandate, Resolution
from bluehelmet.principles import models as m
from bluehelmet.principles.actions import (
    PrinciplesErrorCode,
    do_close_review_flag,
    do_review_use_of_force_report,
)
from bluehelmet.principles.rules import use_of_force as rules

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(mission):
    return roe(mission)


def codes(report):
    return {f.code for f in rules.review(report)}


def test_given_a_clean_report_then_no_rule_trips(profile):
    assert rules.review(clean_report(profile)) == []


@pytest.mark.parametrize(
    ("fields", "code", "section"),
    [
        ({"level_order": 2}, "uof-authority", "§3.1"),
        ({"persuasion_tried": False, "persuasion": ""}, "uof-persuasion", "§3.1"),
        ({"proportionality": "  "}, "uof-proportionality", "§3.1"),
        ({"civilian_harm_assessed": False, "civilian_harm": ""}, "uof-civilian-harm", "§2.3"),
        ({"beyond_tactical_level": True}, "uof-tactical-level", "§3.1"),
        ({"consent_impact_assessed": False}, "uof-consent-impact", "§3.1"),
        ({"level_order": 3, "authorised_by": m.Authority.FORCE_COMMANDER}, "uof-mandate", "§1.4"),
    ],
)
def test_given_a_report_breaking_one_rule_then_only_that_rule_trips_and_explains(
    profile, fields, code, section
):
    fields = dict(fields)
    if "level_order" in fields:
        fields["level"] = level(profile, fields.pop("level_order"))
    flags = rules.review(clean_report(profile, **fields))
    assert [f.code for f in flags] == [code]
    flag = flags[0]
    assert flag.explanation.startswith(flag.rule_name)
    assert section in flag.citation and section in flag.explanation


def test_given_sector_authority_when_sector_commander_authorised_then_no_authority_flag(profile):
    report = clean_report(
        profile,
        level=level(profile, 2),
        authorised_by=m.Authority.SECTOR_COMMANDER,
        authorised_at=at(2025, 5, 1, 11),
    )
    assert "uof-authority" not in codes(report)


def test_given_lower_authority_than_needed_then_the_explanation_names_both(profile):
    report = clean_report(
        profile, level=level(profile, 2), authorised_by=m.Authority.UNIT_COMMANDER
    )
    (flag,) = rules.review(report)
    assert "Sector commander" in flag.explanation and "Unit commander" in flag.explanation


def test_given_an_imminent_threat_then_no_persuasion_is_needed(profile):
    report = clean_report(profile, threat_imminent=True, persuasion_tried=False, persuasion="")
    assert "uof-persuasion" not in codes(report)


def test_given_a_robust_level_when_the_mandate_authorises_all_necessary_means_then_no_flag(
    profile, mission
):
    resolution = Resolution.objects.create(number=2999, chapter_vii=True)
    Mandate.objects.create(
        mission=mission,
        resolution=resolution,
        version=1,
        effective_from=D(2020, 1, 1),
        all_necessary_means=True,
    )
    report = clean_report(
        profile, level=level(profile, 3), authorised_by=m.Authority.FORCE_COMMANDER
    )
    assert profile.all_necessary_means
    assert rules.review(report) == []


def test_given_a_chapter_vii_mandate_without_all_necessary_means_then_robust_force_is_flagged(
    profile, mission
):
    """Capstone §1.1: the Chapter a resolution cites does not by itself authorise force; only
    an explicit 'all necessary means' does."""
    resolution = Resolution.objects.create(number=2997, chapter_vii=True)
    Mandate.objects.create(
        mission=mission,
        resolution=resolution,
        version=1,
        effective_from=D(2020, 1, 1),
        chapter_vii=True,
        all_necessary_means=False,
    )
    report = clean_report(
        profile, level=level(profile, 3), authorised_by=m.Authority.FORCE_COMMANDER
    )
    assert not profile.all_necessary_means
    assert codes(report) == {"uof-mandate"}


def test_given_no_mandate_then_the_profile_setting_decides_all_necessary_means(mission):
    profile = roe(mission, anm=True)
    assert profile.all_necessary_means
    report = clean_report(
        profile, level=level(profile, 3), authorised_by=m.Authority.FORCE_COMMANDER
    )
    assert rules.review(report) == []


def test_given_an_unclassified_report_then_clean_refuses_it(profile):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as err:
        clean_report(profile, sensitivity=Sensitivity.UNCLASSIFIED)
    assert "sensitivity" in err.value.message_dict


def test_given_no_unit_then_clean_asks_for_one(profile):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as err:
        clean_report(profile, org_unit=None)
    assert "contingent" in err.value.message_dict


def test_when_reviewing_then_flags_are_stored_once_with_one_audit_entry(
    profile, make_user, mission
):
    user = make_user("joc-officer", mission)
    report = clean_report(profile, proportionality="", beyond_tactical_level=True)
    before = audit_count()
    flags = do_review_use_of_force_report(report, acting_user=user)
    assert sorted(f.code for f in flags) == ["uof-proportionality", "uof-tactical-level"]
    assert audit_count() == before + 1
    entry = AuditEntry.objects.order_by("-id").first()
    assert entry.verb == "review_use_of_force_report" and entry.actor == user
    do_review_use_of_force_report(report, acting_user=user)
    assert m.ReviewFlag.objects.filter(report=report).count() == 2
    assert all(f.sensitivity >= Sensitivity.CONFIDENTIAL for f in flags)


def test_given_a_corrected_report_when_reviewed_again_then_the_open_flag_no_longer_applies(
    profile,
):
    report = clean_report(profile, proportionality="")
    do_review_use_of_force_report(report, acting_user=None)
    report.proportionality = "One warning shot"
    report.save()
    do_review_use_of_force_report(report, acting_user=None)
    assert report.flags.get().status == m.FlagStatus.RESOLVED


def test_closing_a_flag_requires_a_reason_and_writes_one_audit_entry(profile, make_user, mission):
    user = make_user("joc-officer", mission)
    report = clean_report(profile, consent_impact_assessed=False)
    (flag,) = do_review_use_of_force_report(report, acting_user=user)
    with pytest.raises(ActionError) as err:
        do_close_review_flag(flag, decision="upheld", reason="  ", acting_user=user)
    assert err.value.code == PrinciplesErrorCode.INVALID
    before = audit_count()
    do_close_review_flag(flag, decision="upheld", reason="Commander to brief", acting_user=user)
    assert audit_count() == before + 1
    flag.refresh_from_db()
    assert flag.status == "upheld" and flag.decided_by == user and flag.decided_at
    with pytest.raises(ActionError) as again:
        do_close_review_flag(flag, decision="dismissed", reason="x", acting_user=user)
    assert again.value.code == PrinciplesErrorCode.WRONG_STATE


def test_given_an_unknown_decision_then_closing_is_refused(profile):
    report = clean_report(profile, consent_impact_assessed=False)
    (flag,) = do_review_use_of_force_report(report, acting_user=None)
    with pytest.raises(ActionError):
        do_close_review_flag(flag, decision="maybe", reason="r", acting_user=None)


def test_given_a_user_without_change_rights_then_review_is_forbidden(profile, make_user, mission):
    user = make_user("component-staff", mission)
    report = clean_report(profile)
    with pytest.raises(ActionError) as err:
        do_review_use_of_force_report(report, acting_user=user)
    assert err.value.code == PrinciplesErrorCode.FORBIDDEN


def test_force_level_takes_its_profile_mission(profile):
    assert all(lv.mission_id == profile.mission_id for lv in profile.levels.all())


def test_given_force_used_before_the_robust_mandate_then_the_mandate_rule_still_flags_it(
    profile, mission
):
    resolution = Resolution.objects.create(number=2998, chapter_vii=True)
    Mandate.objects.create(
        mission=mission,
        resolution=resolution,
        version=1,
        effective_from=D(2025, 7, 1),
        all_necessary_means=True,
    )
    report = clean_report(
        profile,
        level=level(profile, 3),
        authorised_by=m.Authority.FORCE_COMMANDER,
        occurred_at=at(2025, 6, 1),
    )
    assert profile.all_necessary_means  # today's mandate is robust ...
    (flag,) = rules.review(report)  # ... but the one in force that day was not there yet
    assert flag.code == "uof-mandate" and "§1.4" in flag.explanation
