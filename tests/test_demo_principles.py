"""The demo's principles records (issue 5, item 7; Capstone §3.1, §2.3).

The demo is built once for the module (inside a transaction rolled back at the end); each test
runs in its own savepoint, so the --reset test does not disturb the others.
"""

from __future__ import annotations

import datetime
import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.demo import actors
from bluehelmet.demo.principles import ERODING
from bluehelmet.principles import models as m
from bluehelmet.principles.dashboard import principles_summary
from bluehelmet.principles.rules import impartiality, protection

END = datetime.date(2026, 10, 31)
# The mandate rule cannot trip in MINUSBEL: its mandate authorises all necessary means.
TRIPPABLE = {
    "uof-authority",
    "uof-persuasion",
    "uof-proportionality",
    "uof-civilian-harm",
    "uof-tactical-level",
    "uof-consent-impact",
}
MODELS = [
    m.Party,
    m.RoeProfile,
    m.ForceLevel,
    m.UseOfForceReport,
    m.ReviewFlag,
    m.ConsentEvent,
    m.ConsentAssessment,
    m.Violation,
    m.ViolationResponse,
    m.ProtectionThreat,
    m.ProtectionAlert,
]


def run(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def minusbel(demo_built: Any, db: Any) -> Mission:
    return Mission.objects.get(code="MINUSBEL")


def test_roe_and_duf_profiles_have_graduated_levels(minusbel: Mission) -> None:
    profiles = {p.kind: p for p in m.RoeProfile.objects.filter(mission=minusbel)}
    assert set(profiles) == {m.RoeKind.ROE, m.RoeKind.DUF}
    for profile in profiles.values():
        levels = list(profile.levels.order_by("order"))
        assert len(levels) >= 4
        assert levels[0].authority == m.Authority.UNIT_COMMANDER
        assert max(level.authority for level in levels) > m.Authority.UNIT_COMMANDER
    assert profiles[m.RoeKind.ROE].all_necessary_means  # the Chapter VII mandate
    assert profiles[m.RoeKind.ROE].levels.filter(requires_all_necessary_means=True).exists()


def test_use_of_force_reports_trip_each_rule_and_most_are_clean(minusbel: Mission) -> None:
    reports = m.UseOfForceReport.objects.filter(mission=minusbel)
    assert 20 <= reports.count() <= 30
    assert not reports.filter(reviewed_at__isnull=True).exists()
    assert not reports.filter(incident__isnull=True).exists()
    assert reports.filter(flags__isnull=True).count() > reports.count() / 2
    flags = m.ReviewFlag.objects.filter(mission=minusbel)
    codes = set(flags.values_list("code", flat=True))
    assert codes == TRIPPABLE
    for flag in flags:
        assert flag.citation in flag.explanation and flag.rule_name in flag.explanation
    closed = flags.exclude(status=m.FlagStatus.OPEN)
    assert {m.FlagStatus.UPHELD, m.FlagStatus.DISMISSED} <= set(
        closed.values_list("status", flat=True)
    )
    assert flags.filter(status=m.FlagStatus.OPEN).count() >= 3
    for flag in closed.select_related("report"):
        assert flag.decision_reason and flag.decided_by is not None
        assert flag.decided_at > flag.report.occurred_at


def test_reports_follow_the_story(minusbel: Mission) -> None:
    reports = m.UseOfForceReport.objects.filter(mission=minusbel).select_related("incident")
    titles = set(reports.values_list("incident__title", flat=True))
    assert "Armed attack on Team Site Kassongé" in titles
    kinds = set(reports.values_list("level__profile__kind", flat=True))
    assert kinds == {m.RoeKind.ROE, m.RoeKind.DUF}
    for report in reports:
        assert report.occurred_at == report.incident.occurred_at
        assert datetime.date(2023, 4, 1) <= report.occurred_at.date() <= END
        report.full_clean()


def test_consent_erodes_into_withdrawal_in_one_locality(minusbel: Mission) -> None:
    anp = m.Party.objects.get(mission=minusbel, name=actors.ANP.name)
    flagged = m.ConsentAssessment.objects.filter(mission=minusbel, withdrawal_flagged=True)
    assert set(flagged.values_list("party", "locality")) == {(anp.pk, ERODING)}
    assert flagged.filter(as_of=END).exists()
    assert not flagged.filter(as_of__year=2025).exists()
    localities = set(
        m.ConsentEvent.objects.filter(party=anp).values_list("admin1", flat=True).distinct()
    )
    assert len(localities) >= 2
    events = m.ConsentEvent.objects.filter(mission=minusbel)
    assert events.values("party").distinct().count() >= 3
    assert events.filter(occurred_on__lt=datetime.date(2025, 1, 1)).count() == 0
    scores = list(
        m.ConsentAssessment.objects.filter(party=anp, locality=ERODING)
        .order_by("as_of")
        .values_list("score", flat=True)
    )
    assert scores[0] > 0 > scores[-1]


def test_dashboard_shows_the_erosion_and_the_asymmetry(minusbel: Mission) -> None:
    from django.contrib.auth import get_user_model

    hom = get_user_model().objects.get(username="minusbel.head-of-mission")
    summary = principles_summary(minusbel, hom, as_of=END)
    withdrawals = summary["consent"]["withdrawals"]
    assert [(w["party"], w["locality"]) for w in withdrawals] == [(actors.ANP.name, ERODING)]
    parties = {p["party"]: p for p in summary["impartiality"]["parties"]}
    flagged = {name for name, p in parties.items() if p["flags"]}
    assert flagged == {actors.FAB.name}
    assert parties[actors.FAB.name]["flags"][0]["code"] == "impartiality-one-sided"
    assert actors.M9J.name in parties[actors.FAB.name]["flags"][0]["explanation"]


def test_violations_get_uneven_responses(minusbel: Mission) -> None:
    violations = m.Violation.objects.filter(mission=minusbel).select_related("party")
    records = {r.party: r for r in impartiality.compare(violations.prefetch_related("responses"))}
    assert len(records) >= 4
    assert records[actors.M9J.name].response_rate > 0.9
    assert records[actors.FAB.name].response_rate < 0.2
    assert records[actors.FAB.name].violations >= 8
    kinds = set(m.ViolationResponse.objects.filter(mission=minusbel).values_list("kind", flat=True))
    assert {m.ResponseKind.DEMARCHE, m.ResponseKind.PUBLIC_STATEMENT} <= kinds
    for violation in violations.select_related("incident"):
        assert violation.incident.actor1 == violation.party.name


def test_protection_alerts_mostly_answered_in_hours(minusbel: Mission) -> None:
    alerts = list(m.ProtectionAlert.objects.filter(mission=minusbel).select_related("threat"))
    assert len(alerts) >= 15
    now = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
    metrics = protection.metrics(alerts, now)
    codes = [f["code"] for f in metrics["flags"]]
    assert codes.count("poc-unanswered") >= 2
    assert codes.count("poc-late") >= 2
    assert metrics["median_response_hours"] <= 6
    assert metrics["answered"] > 0.8 * metrics["alerts"]
    threats = m.ProtectionThreat.objects.filter(mission=minusbel)
    assert threats.filter(women_at_risk=True).exists()
    assert threats.filter(children_at_risk=True).exists()
    assert threats.filter(displaced_at_risk=True).exists()


def test_records_are_confidential_or_higher(minusbel: Mission) -> None:
    for model in MODELS:
        rows = model.objects.filter(mission=minusbel)
        assert rows.exists(), model.__name__
        assert not rows.filter(sensitivity__lt=Sensitivity.CONFIDENTIAL).exists()
    assert m.UseOfForceReport.objects.filter(sensitivity=Sensitivity.STRICTLY_CONFIDENTIAL)


def snapshot() -> list[str]:
    """The principles data without ids and creation times."""
    queries: list[tuple[Any, tuple[str, ...]]] = [
        (m.Party.objects, ("name", "kind")),
        (m.ForceLevel.objects, ("profile__kind", "order", "name", "authority")),
        (
            m.UseOfForceReport.objects,
            ("incident__title", "occurred_at", "contingent__name", "level__name",
             "authorised_by", "reviewed_at", "sensitivity"),
        ),
        (m.ReviewFlag.objects, ("report__occurred_at", "code", "status", "decided_at")),
        (m.ConsentEvent.objects, ("party__name", "admin1", "kind", "occurred_on", "weight")),
        (
            m.ConsentAssessment.objects,
            ("party__name", "locality", "as_of", "score", "withdrawal_flagged"),
        ),
        (m.Violation.objects, ("party__name", "incident__title", "occurred_on")),
        (m.ViolationResponse.objects, ("violation__incident__title", "kind", "responded_on")),
        (m.ProtectionAlert.objects, ("threat__threatened", "received_at", "responded_at")),
    ]  # fmt: skip
    return [
        f"{manager.model.__name__}:{json.dumps(row, default=str, ensure_ascii=False)}"
        for manager, fields in queries
        for row in sorted(manager.values_list(*fields), key=repr)
    ]


def test_rerun_is_a_no_op_and_a_reset_rebuilds_the_same_records(minusbel: Mission) -> None:
    first = snapshot()
    assert len(first) > 300
    assert "already loaded" in run()
    assert snapshot() == first
    run("--reset")
    assert snapshot() == first
