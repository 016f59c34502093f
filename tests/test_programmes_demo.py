"""MINUSBEL's programmes in the demo (issue 17; Capstone §2.4-2.5, §7.2): the ANP and the FAB
in DDR with one child not yet referred, hazard areas on the MSR-2 where the JOC logged
explosive incidents (linked automatically), human rights cases with one of sexual violence
counted only in aggregates outside the unit, and one QIP lacking humanitarian coordination."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone
from tests.pages_support import client_for

from bluehelmet.demo.users import mission_username
from bluehelmet.programmes import elections, figures, state
from bluehelmet.programmes import models as m
from bluehelmet.programmes.verdicts import judge_mission, open_flags


def user(role):
    return get_user_model().objects.get(username=mission_username("MINUSBEL", role))


def test_given_the_demo_then_the_programmes_rules_flag_minusbel(demo):
    mission = demo["MINUSBEL"]
    flagged = {(str(r), v.code) for r, v in open_flags(judge_mission(mission, None))}
    assert ("ANP-C002", "ddr-child-not-referred") in flagged
    assert ("ANP-C001", "ddr-child-not-referred") not in flagged
    assert ("Cantonment site Bangassi", "ddr-site-over-capacity") in flagged
    assert ("Bridge repair on the Ouri track", "qip-no-humanitarian-coordination") in flagged
    groups = set(
        m.DdrParticipant.objects.filter(mission=mission).values_list(
            "armed_group__short_name", flat=True
        )
    )
    assert groups == {"ANP", "FAB"}


def test_given_the_demo_then_msr2_hazard_areas_hold_its_explosive_incidents(demo):
    areas = m.HazardArea.objects.filter(mission=demo["MINUSBEL"], code__startswith="HA-MSR2")
    assert areas.count() >= 3
    for area in areas:
        linked = list(area.incidents.all())
        assert linked and all(i.category.code == "explosive-hazard" for i in linked)
    assert figures.mine_action(demo["MINUSBEL"], None)["released_m2"] > 0


def test_given_the_demo_then_sexual_violence_is_an_aggregate_outside_the_unit(demo):
    outsider = client_for(user("jmac-analyst"))
    assert outsider.get("/programmes/human-rights-cases/").content.decode().count("HR-2026") == 0
    hr = outsider.get("/api/programmes/figures/?mission=MINUSBEL").json()["human_rights"]
    assert hr["crsv"] == "fewer than 5" and hr["cases"] == 5
    page = client_for(user("human-rights-officer")).get("/programmes/human-rights-cases/")
    assert page.content.decode().count("HR-2026-") >= 5


def test_given_the_demo_then_the_2027_elections_have_centres_in_haut_sanvi(demo):
    mission = demo["MINUSBEL"]
    polling = m.ElectoralEvent.objects.get(mission=mission, kind="polling")
    assert polling.starts_on.year == 2027
    centres = m.PollingCentre.objects.filter(mission=mission)
    assert centres.count() >= 2 and set(centres.values_list("admin1", flat=True)) == {"Haut-Sanvi"}
    assert state.rule_of_law(mission, None)["pretrial_percent"] > 50
    tabassi = {r["admin1"]: r for r in state.presence_matrix(mission, None)}["Tabassi"]
    assert [c.present for c in tabassi["cells"]] == [True, False, False, False, False]


def test_given_the_demo_then_the_leader_reads_the_programmes_overview(demo):
    page = client_for(user("head-of-mission")).get("/missions/MINUSBEL/programmes/")
    html = page.content.decode()
    assert page.status_code == 200 and 'id="programmes-map"' in html
    assert 'data-kind="hazard"' in html and 'data-kind="site"' in html and "centre-" in html
    assert 'data-rule="ddr-child-not-referred"' in html
    overview = client_for(user("head-of-mission")).get("/missions/MINUSBEL/").content.decode()
    assert 'id="programme-flags-panel"' in overview


def test_given_the_demo_then_the_electoral_state_and_rule_of_law_rules_flag_minusbel(demo):
    mission = demo["MINUSBEL"]
    judged = [(str(r), v) for r, v in judge_mission(mission, None) if v.flagged]
    flagged = {(r, v.code) for r, v in judged}
    assert ("2026-09-01 Mapping of voter registration centres", "election-step-overdue") in flagged
    assert {r for r, code in flagged if code == "state-service-receding"} == {
        "Tabassi · Police · 2026-09-30",
        "Tabassi · Health · 2026-09-30",
    }
    assert ("Lomassa central prison", "ssr-pretrial-detention-high") in flagged
    (closed,) = [v for r, v in judged if r == "Tabassi prison"]
    assert closed.override["decision"] == "accepted"
    dorokou = m.PollingCentre.objects.get(mission=mission, name__contains="Dorokou")
    high = {r.centre.pk for r in elections.mission_risks(mission, None, timezone.now().date())
            if r.level == "high"}  # fmt: skip
    assert (dorokou.pk in high) == any(
        v.code == "polling-centre-risk-unsupported" and v.subject == f"centre:{dorokou.pk}"
        for _r, v in judged
    )
