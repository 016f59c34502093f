"""The rules of the electoral, State authority and SSR registers (issue 17; Capstone §2.4, §7.2):
given records, when the rules read them, then each verdict is flagged or met in plain words; a
person dismisses or accepts a flag with a reason, which is shown beside it on the record's page
and the overview and marks that record only."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from tests.operations_support import incident
from tests.pages_support import client_for
from tests.programmes_support import centre, event, institution, presence, report

from bluehelmet.core.actions import do_set_mission_parameter
from bluehelmet.core.errors import ActionError
from bluehelmet.programmes import actions, rules
from bluehelmet.programmes import models as m
from bluehelmet.programmes.verdicts import judge_mission, open_flags, verdicts_for

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2026, 6, 1)
POLICE, HEALTH = m.StateService.POLICE, m.StateService.HEALTH


def recent(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def fighting_around(mission: Any, lat: float = 4.4, lon: float = 18.6, n: int = 3) -> None:
    """``n`` recent clashes beside (lat, lon): from 3 the centre's risk is high."""
    for day in range(n):
        incident(mission, occurred_at=recent(5 + day), latitude=lat, longitude=lon, killed=0)


def flagged(mission: Any, user: Any = None) -> set[tuple[str, str]]:
    return {(v.code, v.subject) for _r, v in judge_mission(mission, user) if v.flagged}


def one(verdicts: list[Any], code: str) -> Any:
    (found,) = [v for v in verdicts if v.code == code]
    return found


# Electoral support (Capstone §2.4)


def test_given_a_step_past_its_date_and_not_done_then_it_is_flagged(mission: Any) -> None:
    late = event(mission)  # 1 March to 30 April 2026
    (v,) = rules.electoral_step_done(late, TODAY)
    assert v.flagged and v.subject == f"event:{late.pk}"
    assert v.explanation == "Due by 2026-04-30, 32 day(s) ago, and not recorded as done."
    assert v.citation == "Capstone §2.4"


def test_given_a_step_done_or_not_yet_due_then_it_is_met(mission: Any) -> None:
    done = event(mission, completed_on=D(2026, 5, 3))
    (v,) = rules.electoral_step_done(done, TODAY)
    assert not v.flagged and v.explanation == "Done on 2026-05-03 (due by 2026-04-30)."
    polling = event(
        mission,
        "Polling day",
        kind=m.ElectoralEventKind.POLLING,
        starts_on=D(2026, 7, 4),
        ends_on=None,
    )
    (v,) = rules.electoral_step_done(polling, TODAY)
    assert not v.flagged and v.explanation == "Due by 2026-07-04."
    (v,) = rules.electoral_step_done(polling, D(2026, 7, 5))  # one day: its only day passed
    assert v.flagged and "1 day(s) ago" in v.explanation


def test_given_a_high_risk_centre_without_support_then_it_is_flagged(mission: Any) -> None:
    bare = centre(mission)
    (v,) = rules.polling_centre_supported(bare, "high", "3 incident(s)")
    assert v.flagged and v.subject == f"centre:{bare.pk}"
    assert "no logistics or security support requested" in v.explanation
    assert v.citation == "Capstone §2.4, §7.2"
    (v,) = rules.polling_centre_supported(bare, "medium", "1 incident(s)")
    assert not v.flagged and v.explanation == "Risk medium (1 incident(s)); no support requested."
    helped = centre(mission, "PC-2", logistics_needs="Two patrols on polling day.")
    (v,) = rules.polling_centre_supported(helped, "high", "3 incident(s)")
    assert (
        not v.flagged
        and v.explanation == "Risk high; support requested: Two patrols on polling day."
    )


def test_given_fighting_near_a_centre_then_the_mission_judgement_flags_it(mission: Any) -> None:
    near = centre(mission)
    far = centre(mission, "PC-2", latitude=5.4, longitude=19.6)
    fighting_around(mission)
    found = flagged(mission)
    assert ("polling-centre-risk-unsupported", f"centre:{near.pk}") in found
    assert ("polling-centre-risk-unsupported", f"centre:{far.pk}") not in found
    near.logistics_needs = "Airlift of ballot materials."
    near.save()
    assert ("polling-centre-risk-unsupported", f"centre:{near.pk}") not in flagged(mission)


# State authority (Capstone §2.4)


def test_given_a_service_present_then_absent_then_state_authority_recedes(mission: Any) -> None:
    before = presence(mission, "Tabassi", POLICE, D(2025, 12, 31), True)
    after = presence(mission, "Tabassi", POLICE, D(2026, 9, 30), False)
    (v,) = rules.state_service_held([before, after])
    assert v.flagged and v.subject == f"presence:{after.pk}"
    assert v.explanation == "Police present in Tabassi on 2025-12-31, absent on 2026-09-30."
    assert ("state-service-receding", f"presence:{after.pk}") in flagged(mission)


def test_given_a_service_still_present_or_never_present_then_nothing_recedes(
    mission: Any,
) -> None:
    kept = [
        presence(mission, "Bas-Sanvi", POLICE, D(2025, 12, 31), True),
        presence(mission, "Bas-Sanvi", POLICE, D(2026, 9, 30), True),
    ]
    (v,) = rules.state_service_held(kept)
    assert (
        not v.flagged and v.explanation == "Police present and working in Bas-Sanvi on 2026-09-30."
    )
    never = [
        presence(mission, "Haut-Sanvi", HEALTH, D(2025, 12, 31), False),
        presence(mission, "Haut-Sanvi", HEALTH, D(2026, 9, 30), False),
    ]
    assert rules.state_service_held(never) == []  # extension still to come, not recession
    back = [
        presence(mission, "Tabassi", HEALTH, D(2025, 12, 31), False),
        presence(mission, "Tabassi", HEALTH, D(2026, 9, 30), True),
    ]
    assert not rules.state_service_held(back)[0].flagged
    assert flagged(mission) == set()


def test_given_an_older_observation_then_only_the_latest_carries_the_verdict(
    mission: Any,
) -> None:
    before = presence(mission, "Tabassi", POLICE, D(2025, 12, 31), True)
    after = presence(mission, "Tabassi", POLICE, D(2026, 9, 30), False)
    assert verdicts_for(before, None) == []
    assert verdicts_for(after, None)[0].flagged
    again = presence(mission, "Tabassi", POLICE, D(2026, 11, 15), True)  # the police came back
    assert verdicts_for(after, None) == []
    assert not verdicts_for(again, None)[0].flagged


# SSR and rule of law (Capstone §2.4)


def test_given_most_prisoners_await_trial_then_the_institution_is_flagged(mission: Any) -> None:
    prison = institution(mission)
    crowded = report(prison, prison_population=200, pretrial_detainees=150)
    (v,) = rules.pretrial_detention(prison, crowded, 50)
    assert v.flagged and v.subject == f"institution:{prison.pk}"
    assert v.explanation == (
        "75% of the prisoners await trial (150 of 200) on 2026-09-30; the mission's limit is 50%."
    )
    (v,) = rules.pretrial_detention(prison, crowded, 80)
    assert not v.flagged
    assert rules.pretrial_detention(prison, None, 50) == []
    court = institution(mission, "Lomassa court", kind=m.InstitutionKind.COURT)
    hearing = report(court, prison_population=None, pretrial_detainees=None)
    assert rules.pretrial_detention(court, hearing, 50) == []


def test_given_the_mission_limit_and_a_later_report_then_the_latest_is_judged(
    mission: Any,
) -> None:
    prison = institution(mission)
    report(prison, reported_on=D(2026, 3, 31), prison_population=200, pretrial_detainees=150)
    subject = ("ssr-pretrial-detention-high", f"institution:{prison.pk}")
    assert subject in flagged(mission)
    do_set_mission_parameter(
        mission, rules.PRETRIAL_KEY, 80, acting_user=None, reason="Post-conflict courts."
    )
    assert subject not in flagged(mission)
    do_set_mission_parameter(mission, rules.PRETRIAL_KEY, 50, acting_user=None, reason="Back.")
    report(prison, reported_on=D(2026, 9, 30), prison_population=200, pretrial_detainees=90)
    assert subject not in flagged(mission)


def test_given_an_institution_closed_at_its_latest_report_then_it_is_flagged(
    mission: Any,
) -> None:
    prison = institution(mission)
    (v,) = rules.institution_operating(prison, report(prison, status=m.OperatingStatus.CLOSED))
    assert v.flagged and v.explanation == "Not operating at the report of 2026-09-30."
    station = institution(mission, "Bolobi police", kind=m.InstitutionKind.POLICE_STATION)
    partly = report(station, status=m.OperatingStatus.PARTIAL, prison_population=None)
    (v,) = rules.institution_operating(station, partly)
    assert not v.flagged and v.explanation == "Partly operating at the report of 2026-09-30."
    assert rules.institution_operating(institution(mission, "New court"), None) == []
    assert ("ssr-institution-not-operating", f"institution:{prison.pk}") in flagged(mission)
    assert ("ssr-institution-not-operating", f"institution:{station.pk}") not in flagged(mission)


# Decisions: one per rule and record, shown beside the flag


def late_steps(mission: Any) -> tuple[Any, Any]:
    return event(mission), event(mission, "Candidate lists", kind="candidates")


def bare_centres(mission: Any) -> tuple[Any, Any]:
    fighting_around(mission)
    return centre(mission), centre(mission, "PC-2", latitude=4.41)


def receding(mission: Any) -> tuple[Any, Any]:
    pair = []
    for service in (POLICE, HEALTH):
        presence(mission, "Tabassi", service, D(2025, 12, 31), True)
        pair.append(presence(mission, "Tabassi", service, D(2026, 9, 30), False))
    return pair[0], pair[1]


def crowded_prisons(mission: Any) -> tuple[Any, Any]:
    pair = [institution(mission, name) for name in ("Lomassa prison", "Tabassi prison")]
    for place in pair:
        report(place, prison_population=100, pretrial_detainees=90)
    return pair[0], pair[1]


def closed_courts(mission: Any) -> tuple[Any, Any]:
    pair = [institution(mission, name, kind="court") for name in ("Ouri court", "Kémbo court")]
    for place in pair:
        report(place, status=m.OperatingStatus.CLOSED, prison_population=None)
    return pair[0], pair[1]


CASES: dict[str, tuple[Callable[[Any], tuple[Any, Any]], str, str]] = {
    "election-step-overdue": (late_steps, "event", "electoral-calendar"),
    "polling-centre-risk-unsupported": (bare_centres, "centre", "polling-centres"),
    "state-service-receding": (receding, "presence", "state-presence"),
    "ssr-pretrial-detention-high": (crowded_prisons, "institution", "rule-of-law-institutions"),
    "ssr-institution-not-operating": (closed_courts, "institution", "rule-of-law-institutions"),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_given_a_flag_when_dismissed_then_accepted_with_a_reason_then_it_shows_on_that_record_only(
    code: str, mission: Any, make_user: Any
) -> None:
    make, kind, pages = CASES[code]
    record, other = make(mission)
    subject, other_subject = f"{kind}:{record.pk}", f"{kind}:{other.pk}"
    leader = make_user("head-of-mission", mission)
    assert {(code, subject), (code, other_subject)} <= flagged(mission, leader)

    actions.do_override_programme_verdict(
        mission,
        rule=code,
        subject=subject,
        decision="dismissed",
        reason="Seen with the national authorities on 2 June.",
        acting_user=leader,
    )
    v = one(verdicts_for(record, leader), code)
    assert v.flagged and v.dismissed and v.override["reason"].startswith("Seen with")
    assert one(verdicts_for(other, leader), code).override is None  # the other is not marked
    still_open = {(v.code, v.subject) for _r, v in open_flags(judge_mission(mission, leader))}
    assert (code, subject) not in still_open and (code, other_subject) in still_open
    web = client_for(leader)
    page = web.get(f"/programmes/{pages}/{record.pk}/").content.decode()
    assert f'data-rule="{code}"' in page and "flagged, dismissed" in page
    assert "Dismissed by " in page and "Seen with the national authorities on 2 June." in page
    assert "Seen with" not in web.get(f"/programmes/{pages}/{other.pk}/").content.decode()

    actions.do_override_programme_verdict(
        mission,
        rule=code,
        subject=subject,
        decision="accepted",
        reason="Agreed: raised with the mission leadership.",
        acting_user=leader,
    )
    v = one(verdicts_for(record, leader), code)
    assert not v.dismissed and v.override["decision"] == "accepted"
    overview = web.get(f"/missions/{mission.code}/programmes/").content.decode()
    assert "Accepted by " in overview and "Agreed: raised with the mission leadership." in overview
    assert m.ProgrammeVerdictOverride.objects.filter(rule=code).count() == 1  # replaced


def test_given_another_missions_record_then_no_decision_is_taken_on_it(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    leader = make_user("head-of-mission", mission)
    elsewhere = institution(other_mission)
    report(elsewhere, status=m.OperatingStatus.CLOSED)
    with pytest.raises(ActionError) as refused:
        actions.do_override_programme_verdict(
            mission,
            rule="ssr-institution-not-operating",
            subject=f"institution:{elsewhere.pk}",
            decision="accepted",
            reason="x",
            acting_user=leader,
        )
    assert refused.value.status == 404


# Pages


def test_given_the_new_flags_then_the_overview_and_the_mission_panel_show_them(
    mission: Any, make_user: Any
) -> None:
    late, _lists = late_steps(mission)
    near, _other = bare_centres(mission)
    police, _health = receding(mission)
    prison = institution(mission)
    report(prison, status=m.OperatingStatus.CLOSED, prison_population=100, pretrial_detainees=90)
    web = client_for(make_user("head-of-mission", mission))
    page = web.get(f"/missions/{mission.code}/programmes/").content.decode()
    for code in CASES:
        assert f'data-rule="{code}"' in page, code
    assert "8 open flags" in page  # 2 steps, 2 centres, 2 services, the prison twice
    assert f'data-subject="presence:{police.pk}"' in page
    assert f'href="/programmes/electoral-calendar/{late.pk}/"' in page
    assert "Police present in Tabassi on 2025-12-31, absent on 2026-09-30." in page
    overview = web.get(f"/missions/{mission.code}/").content.decode()
    assert "8 open flags on the programmes" in overview
    assert f'data-subject="centre:{near.pk}"' in page


def test_given_a_step_recorded_as_done_on_its_form_then_its_flag_goes(
    mission: Any, make_user: Any
) -> None:
    late = event(mission)
    web = client_for(make_user("head-of-mission", mission))
    here = f"/programmes/electoral-calendar/{late.pk}/"
    assert "not recorded as done" in web.get(here).content.decode()
    form = {
        "mission": mission.code,
        "title": late.title,
        "kind": late.kind,
        "starts_on": "2026-03-01",
        "ends_on": "2026-04-30",
        "completed_on": "2026-05-02",
        "sensitivity": "0",
    }
    assert web.post(f"{here}edit/", form).status_code == 302
    page = web.get(here).content.decode()
    assert "Done on 2026-05-02 (due by 2026-04-30)." in page and "in place" in page
    assert ("election-step-overdue", f"event:{late.pk}") not in flagged(mission)


def test_given_a_centre_at_risk_then_its_page_shows_the_risk_and_the_flag(
    mission: Any, make_user: Any
) -> None:
    near, _other = bare_centres(mission)
    web = client_for(make_user("mlt-member", mission))
    page = web.get(f"/programmes/polling-centres/{near.pk}/").content.decode()
    assert 'data-level="high"' in page
    assert 'data-rule="polling-centre-risk-unsupported"' in page and "badge-bad" in page
    assert "Accept or dismiss, with a reason" in page
    reader = client_for(make_user("component-staff", mission))  # may add, not change
    page = reader.get(f"/programmes/polling-centres/{near.pk}/").content.decode()
    assert 'data-rule="polling-centre-risk-unsupported"' in page
    assert "Accept or dismiss, with a reason" not in page


def test_given_the_api_then_the_new_verdicts_are_listed_and_decided(
    mission: Any, make_user: Any
) -> None:
    prison = institution(mission)
    report(prison, prison_population=100, pretrial_detainees=90)
    web = client_for(make_user("head-of-mission", mission))
    listed = web.get(f"/api/programmes/verdicts/?mission={mission.code}").json()["verdicts"]
    codes = {(v["code"], v["status"]) for v in listed}
    assert ("ssr-pretrial-detention-high", "flagged") in codes
    assert ("ssr-institution-not-operating", "met") in codes
    decided = web.post(
        f"/api/programmes/verdicts/?mission={mission.code}",
        {
            "rule": "ssr-pretrial-detention-high",
            "subject": f"institution:{prison.pk}",
            "decision": "accepted",
            "reason": "Mobile courts planned for October.",
        },
        content_type="application/json",
    )
    assert decided.status_code == 201, decided.content
