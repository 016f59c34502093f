"""The demo's JMAC records (issue 6): actors with the M9J as a total spoiler, their links to the
incident log, and threat assessments citing real incidents (Capstone §7.2, §3.1, §4.2).

The demo is built once for the module (tests/demo_support.py).
"""

from __future__ import annotations

from typing import Any

import pytest

from bluehelmet.analysis import models as am
from bluehelmet.analysis.actions import citation_errors
from bluehelmet.analysis.queries import hotspot_report
from bluehelmet.core.models import AuditEntry, Mission
from bluehelmet.demo import actors as A


@pytest.fixture
def built(demo_built: str) -> str:
    return demo_built


@pytest.fixture
def minusbel(built: Any, db: Any) -> Mission:
    return Mission.objects.get(code="MINUSBEL")


def test_the_register_holds_the_parties_and_the_m9j_as_a_total_spoiler(built, minusbel):
    actors = {a.name: a for a in am.Actor.objects.filter(mission=minusbel)}
    assert {
        A.FAB.name,
        A.PNB.name,
        A.FRB.name,
        A.ANP.name,
        A.M9J.name,
        A.TOLO.name,
        A.HERDERS.name,
        A.BANDITS.name,
    } <= set(actors)
    m9j = actors[A.M9J.name]
    assert m9j.spoiler_assessment == am.SpoilerAssessment.TOTAL and not m9j.signatory
    assert "reject" in m9j.spoiler_rationale
    assert m9j.party is not None and m9j.party.name == A.M9J.name
    assert actors[A.FRB.name].signatory and actors[A.ANP.name].signatory
    assert "analysis: 10 actors named in" in built


def test_every_named_incident_of_an_armed_actor_is_linked(minusbel):
    m9j = am.Actor.objects.get(mission=minusbel, name=A.M9J.name)
    named = minusbel.incident_set.filter(actor1=A.M9J.name).count()
    assert named > 500
    assert m9j.incident_links.filter(side__in=[1, 3]).count() == named


def test_three_assessments_one_approved_one_in_review_citing_their_own_incidents(minusbel):
    rows = {a.status: a for a in am.ThreatAssessment.objects.filter(mission=minusbel)}
    assert set(rows) == {"approved", "in_review", "draft"}
    approved = rows["approved"]
    assert approved.area == "Tabassi" and approved.threat_level == "high"
    assert approved.reviewer.username == "minusbel.head-of-mission"
    assert approved.author.username == "minusbel.jmac-analyst"
    assert rows["draft"].review_reason  # returned once
    for a in rows.values():
        cited = list(a.cited_incidents.all())
        assert cited and citation_errors(a, cited, [a.author]) == []
        assert all(i.mission_id == minusbel.pk for i in cited)
    assert AuditEntry.objects.filter(verb="approve_threat_assessment").count() == 1


def test_the_hub_flags_tabassi_in_november_2025(minusbel):
    report = hotspot_report(None, minusbel, {"until": "2025-11-30"})
    assert report.spots == []  # nobody: nothing
    from django.contrib.auth import get_user_model

    analyst = get_user_model().objects.get(username="minusbel.jmac-analyst")
    report = hotspot_report(analyst, minusbel, {"until": "2025-11-30"})
    assert [s.key for s in report.flagged] == ["Tabassi"]
    assert report.flagged[0].explanation.startswith("Tabassi: ")


def test_the_demo_has_a_monthly_forecast_run_with_its_track_record(built, minusbel):
    from bluehelmet.forecasting.models import ForecastRun, RunStatus

    (run,) = ForecastRun.objects.filter(mission=minusbel)
    assert run.status == RunStatus.DONE and run.unit == "admin1" and run.horizon_max == 3
    assert run.created_by.username == "minusbel.jmac-analyst"
    forecasts = list(run.forecasts.all())
    assert len(forecasts) == 3 * run.n_areas == 21
    assert all(0 <= f.probability <= 1 for f in forecasts)
    assert {"model", "persistence", "climatology"} <= set(run.track_record["1"])
    assert not ForecastRun.objects.filter(mission__code="UNMOGTO").exists()
