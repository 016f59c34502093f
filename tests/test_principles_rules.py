"""Consent erosion, impartiality and protection-of-civilians rules (Capstone §3.1, §2.3)."""

from __future__ import annotations

import datetime

import pytest
from tests.principles_support import D, at, audit_count, party

from bluehelmet.core.errors import ActionError
from bluehelmet.principles import models as m
from bluehelmet.principles.actions import (
    do_assess_consent,
    do_record_alert_response,
)
from bluehelmet.principles.rules import consent, impartiality, protection

pytestmark = pytest.mark.django_db
K = m.ConsentEventKind


def event(p, kind, day, admin1="Ouaka", weight=1):
    return m.ConsentEvent.objects.create(
        mission=p.mission, party=p, admin1=admin1, kind=kind, occurred_on=day, weight=weight
    )


def events(mission):
    return m.ConsentEvent.objects.filter(mission=mission).select_related("party", "org_unit")


def test_given_three_restrictions_and_no_cooperation_then_de_facto_withdrawal_is_flagged(
    mission,
):
    fpr = party(mission, "FPR")
    for day, kind in [(2, K.FOM_RESTRICTION), (9, K.DENIAL_OF_ACCESS), (20, K.FOM_RESTRICTION)]:
        event(fpr, kind, D(2025, 6, day))
    event(fpr, K.COOPERATION, D(2025, 6, 5), admin1="Bangui")
    readings = {r.locality: r for r in consent.readings(events(mission), D(2025, 6, 25))}
    ouaka = readings["Ouaka"]
    assert ouaka.restrictions == 3 and ouaka.score == -3 and ouaka.trend == "eroding"
    (flag,) = ouaka.flags
    assert flag.code == "consent-withdrawal"
    assert "Sustained restriction pattern" in flag.explanation and "§3.1" in flag.explanation
    assert "FPR" in flag.explanation and "Ouaka" in flag.explanation
    assert readings["Bangui"].flags == []


def test_consent_series_shows_the_score_falling_over_time(mission):
    fpr = party(mission, "FPR")
    for day in (2, 9, 20):
        event(fpr, K.FOM_RESTRICTION, D(2025, 6, day))
    (line,) = consent.series(events(mission), D(2025, 6, 25), steps=4)
    assert [p["score"] for p in line["points"]] == [-1, -2, -2, -3]
    assert line["points"][-1]["withdrawal"] and not line["points"][0]["withdrawal"]


def test_given_restrictions_with_cooperation_then_no_withdrawal_flag(mission):
    fpr = party(mission, "FPR")
    for day in (2, 9, 20):
        event(fpr, K.FOM_RESTRICTION, D(2025, 6, day))
    event(fpr, K.COOPERATION, D(2025, 6, 21))
    (reading,) = consent.readings(events(mission), D(2025, 6, 25))
    assert reading.flags == []


def test_given_restrictions_spread_beyond_the_window_then_no_withdrawal_flag(mission):
    fpr = party(mission, "FPR")
    for day in (D(2025, 4, 1), D(2025, 5, 10), D(2025, 6, 20)):
        event(fpr, K.FOM_RESTRICTION, day)
    (reading,) = consent.readings(events(mission), D(2025, 6, 25))
    assert reading.restrictions == 1 and reading.flags == []


def test_given_a_withdrawal_then_it_stands_after_the_window_until_the_party_cooperates(mission):
    fpr = party(mission, "FPR")
    for day in (2, 9, 20):
        event(fpr, K.FOM_RESTRICTION, D(2025, 6, day))
    (later,) = consent.readings(events(mission), D(2025, 9, 30))
    assert later.restrictions == 0 and later.withdrawn_since == D(2025, 6, 20)
    (quiet,) = consent.readings(events(mission), D(2025, 7, 25))
    assert (quiet.score, quiet.previous_score) == (0, -3)
    assert quiet.trend == "steady" and quiet.flags  # fewer restrictions is not consent again
    (flag,) = later.flags
    assert "since 2025-06-20" in flag.explanation and "§3.1" in flag.explanation
    event(fpr, K.COOPERATION, D(2025, 8, 15))
    (restored,) = consent.readings(events(mission), D(2025, 9, 30))
    assert restored.withdrawn_since is None and restored.flags == []


def test_given_no_withdrawal_and_no_recent_events_then_the_locality_is_not_listed(mission):
    fpr = party(mission, "FPR")
    event(fpr, K.FOM_RESTRICTION, D(2025, 6, 2))
    assert consent.readings(events(mission), D(2025, 12, 1)) == []


def test_when_assessing_consent_then_rows_are_stored_with_one_audit_entry(mission, make_user):
    user = make_user("jmac-analyst", mission)
    fpr = party(mission, "FPR")
    for day in (2, 9, 20):
        event(fpr, K.DENIAL_OF_ACCESS, D(2025, 6, day))
    before = audit_count()
    (row,) = do_assess_consent(mission, acting_user=user, as_of=D(2025, 6, 25))
    assert audit_count() == before + 1
    assert row.withdrawal_flagged and "§3.1" in row.explanation and row.score == -3


def test_given_a_bad_window_then_assessing_consent_is_refused(mission):
    with pytest.raises(ActionError):
        do_assess_consent(mission, acting_user=None, window_days=0)


def violation(p, day, *responses):
    v = m.Violation.objects.create(mission=p.mission, party=p, occurred_on=day)
    for kind in responses:
        m.ViolationResponse.objects.create(
            mission=p.mission, violation=v, kind=kind, responded_on=day
        )
    return v


def compare(mission):
    qs = m.Violation.objects.filter(mission=mission).select_related("party")
    return {r.party: r for r in impartiality.compare(qs.prefetch_related("responses"))}


def test_given_one_party_answered_and_the_other_not_then_one_sided_and_absent_are_flagged(
    mission,
):
    gov, rebels = party(mission, "Government"), party(mission, "Rebels")
    for day in (1, 2, 3):
        violation(rebels, D(2025, 6, day), m.ResponseKind.PUBLIC_STATEMENT)
        violation(gov, D(2025, 6, day))
    records = compare(mission)
    assert records["Rebels"].flags == []
    codes = {f.code for f in records["Government"].flags}
    assert codes == {"impartiality-absent", "impartiality-one-sided"}
    for flag in records["Government"].flags:
        assert flag.explanation.startswith(flag.rule_name) and "§3.1" in flag.explanation
    assert "Government" in records["Government"].flags[1].explanation


def test_given_balanced_responses_then_no_impartiality_flag(mission):
    gov, rebels = party(mission, "Government"), party(mission, "Rebels")
    violation(rebels, D(2025, 6, 1), m.ResponseKind.DEMARCHE)
    violation(gov, D(2025, 6, 1), m.ResponseKind.DEMARCHE, m.ResponseKind.REPORT)
    records = compare(mission)
    assert all(r.flags == [] for r in records.values())
    assert records["Government"].responses == {"demarche": 1, "report": 1}


def test_given_inaction_on_every_party_then_each_is_flagged_absent(mission):
    violation(party(mission, "A"), D(2025, 6, 1))
    violation(party(mission, "B"), D(2025, 6, 1))
    records = compare(mission)
    assert all([f.code for f in r.flags] == ["impartiality-absent"] for r in records.values())


def alert(mission, received, threat=None, **fields):
    return m.ProtectionAlert.objects.create(
        mission=mission,
        source=m.AlertSource.COMMUNITY,
        received_at=received,
        description="Armed men gathering near the IDP site",
        threat=threat,
        **fields,
    )


def test_given_an_old_unanswered_alert_then_it_is_flagged(mission):
    a = alert(mission, at(2025, 6, 1, 8))
    now = at(2025, 6, 2, 12)
    flag = protection.unanswered_rule(a, now)
    assert flag and flag.code == "poc-unanswered" and "§2.3" in flag.explanation
    result = protection.metrics([a], now)
    assert result["unanswered"] == 1 and result["flags"][0]["alert"] == a.pk


def test_given_a_fresh_or_answered_alert_then_no_unanswered_flag(mission):
    fresh = alert(mission, at(2025, 6, 2, 10))
    answered = alert(
        mission,
        at(2025, 6, 1, 8),
        response_kind=m.ProtectionResponseKind.PATROL,
        responded_at=at(2025, 6, 1, 10),
    )
    now = at(2025, 6, 2, 12)
    assert protection.unanswered_rule(fresh, now) is None
    assert protection.unanswered_rule(answered, now) is None
    result = protection.metrics([fresh, answered], now)
    assert result["median_response_hours"] == 2.0 and result["flags"] == []


def test_given_an_imminent_threat_then_the_allowed_time_is_shorter(mission):
    threat = m.ProtectionThreat.objects.create(
        mission=mission,
        threatened="Displaced people at the Bria site",
        imminence=m.Imminence.IMMINENT,
        admin1="Haute-Kotto",
        identified_on=D(2025, 6, 1),
        women_at_risk=True,
        displaced_at_risk=True,
    )
    a = alert(mission, at(2025, 6, 1, 8), threat=threat)
    assert protection.unanswered_rule(a, at(2025, 6, 1, 13)) is not None


def test_when_recording_a_response_then_one_audit_entry_and_late_flag_when_slow(mission):
    a = alert(mission, at(2025, 6, 1, 8))
    before = audit_count()
    do_record_alert_response(
        a,
        response_kind=m.ProtectionResponseKind.ESCORT,
        responded_at=at(2025, 6, 3, 8),
        acting_user=None,
    )
    assert audit_count() == before + 1
    flag = protection.late_rule(a)
    assert flag and flag.code == "poc-late"
    with pytest.raises(ActionError):
        do_record_alert_response(a, response_kind=m.ProtectionResponseKind.ESCORT, acting_user=None)


def test_given_a_response_before_the_alert_then_it_is_refused(mission):
    a = alert(mission, at(2025, 6, 1, 8))
    with pytest.raises(ActionError):
        do_record_alert_response(
            a,
            response_kind=m.ProtectionResponseKind.PATROL,
            responded_at=at(2025, 5, 1, 8),
            acting_user=None,
        )
    assert isinstance(a.received_at, datetime.datetime)
