"""The periodic report to the Council (issue 16; Capstone §9.1, §10.1-10.2): a draft assembled
from live records and scoped to its author, versions kept, a cleared report frozen, and a
deterioration that must be reported blocking clearance while it stands."""

from __future__ import annotations

from typing import Any

import pytest
from tests.progress_support import D
from tests.reports_support import (
    Q3,
    SC,
    deteriorating_indicator,
    quarter_of_records,
    section,
    text_of,
)

from bluehelmet.benchmarks.actions import do_override_benchmark_verdict
from bluehelmet.benchmarks.verdicts import judge_mission
from bluehelmet.core.audit import AuditEntry
from bluehelmet.core.errors import ActionError
from bluehelmet.reports import actions
from bluehelmet.reports.models import PeriodicReport, ReportStatus
from bluehelmet.reports.periodic import last_full_quarter, previous_period

pytestmark = pytest.mark.django_db


def draft(mission: Any, user: Any = None, **extra: Any) -> Any:
    return actions.do_draft_periodic_report(mission, *Q3, acting_user=user, **extra)


def test_the_default_period_is_the_last_full_quarter() -> None:
    assert last_full_quarter(D(2026, 12, 5)) == (D(2026, 7, 1), D(2026, 9, 30))
    assert last_full_quarter(D(2026, 10, 1)) == (D(2026, 7, 1), D(2026, 9, 30))
    assert last_full_quarter(D(2027, 2, 14)) == (D(2026, 10, 1), D(2026, 12, 31))
    assert previous_period(*Q3) == (D(2026, 4, 1), D(2026, 6, 30))
    assert previous_period(D(2026, 7, 10), D(2026, 7, 19)) == (D(2026, 6, 30), D(2026, 7, 9))


def test_a_draft_reads_the_quarter_against_the_previous_one(mission: Any) -> None:
    quarter_of_records(mission)
    content = draft(mission).content
    security = section(content, "Political and security developments")
    # The system reads every record: 5 incidents, 13 killed, against 1 and 1 before.
    assert "recorded 5 security incidents with 13 fatalities, against 1 incidents and 1" in (
        text_of(security)
    )
    by_month, by_area = security["tables"]
    assert by_month["rows"] == [["2026-07", 2, 2], ["2026-08", 1, 1], ["2026-09", 2, 10]]
    assert ["Ouaka", 3, 3, 1] in by_area["rows"]
    protection = text_of(section(content, "Protection of civilians"))
    assert "received 2 protection-of-civilians alerts" in protection
    assert "median time from alert to response was 4.0 hours" in protection
    assert "1 alerts had no recorded response" in protection
    consent = text_of(section(content, "Consent and freedom of movement"))
    assert "recorded 1 restrictions" in consent and "Front Populaire: 1" in consent
    assert "Ouaka (3)" in content["annex"]["svg"] or content["annex"]["svg"] == ""
    numbers = [p["number"] for s in content["sections"] for p in s["paragraphs"]]
    assert numbers == list(range(1, len(numbers) + 1))  # numbered continuously
    assert section(content, "Observations")["paragraphs"][0]["text"] == "(To be drafted.)"


def test_a_role_without_clearance_gets_no_strictly_confidential_figure(
    mission: Any, make_user: Any
) -> None:
    quarter_of_records(mission)
    head = make_user("head-of-mission", mission)
    member = make_user("mlt-member", mission)  # cleared to confidential only
    seen_by_head = text_of(
        section(draft(mission, head).content, "Political and security developments")
    )
    seen_by_member = text_of(
        section(draft(mission, member).content, "Political and security developments")
    )
    assert "5 security incidents with 13 fatalities" in seen_by_head
    assert "4 security incidents with 6 fatalities" in seen_by_member


def test_reassembling_keeps_every_version(mission: Any) -> None:
    first = draft(mission, observations="The situation remained tense.")
    report = first.report
    second = actions.do_assemble_periodic_report(report, acting_user=None)
    assert [v.number for v in report.versions.order_by("number")] == [1, 2]
    assert section(second.content, "Observations")["paragraphs"][0]["text"] == (
        "The situation remained tense."
    )
    assert AuditEntry.objects.filter(note="", action="action").count() >= 2


def test_a_cleared_report_is_frozen(mission: Any, make_user: Any) -> None:
    head = make_user("head-of-mission", mission)
    report = draft(mission, head).report
    actions.do_clear_periodic_report(report, acting_user=head)
    report.refresh_from_db()
    assert report.status == ReportStatus.CLEARED and report.cleared_by == head
    with pytest.raises(ActionError) as exc:
        actions.do_assemble_periodic_report(report, acting_user=head)
    assert exc.value.status == 409 and "frozen" in exc.value.message
    with pytest.raises(ActionError) as exc:
        actions.do_clear_periodic_report(report, acting_user=head)
    assert exc.value.status == 409
    report = PeriodicReport.objects.get(pk=report.pk)
    report.observations = "Changed after clearing"
    with pytest.raises(Exception, match="frozen"):
        report.full_clean()
    assert AuditEntry.objects.filter(verb="clear_periodic_report").count() == 1


def test_a_deterioration_left_out_blocks_clearing_until_reported(mission: Any) -> None:
    report = draft(mission).report  # assembled before the indicator deteriorates
    ind = deteriorating_indicator(mission)
    with pytest.raises(ActionError) as exc:
        actions.do_clear_periodic_report(report, acting_user=None)
    assert exc.value.code == "deterioration_left_out" and exc.value.status == 400
    assert "Civilians killed" in exc.value.message
    version = actions.do_assemble_periodic_report(report, acting_user=None)
    benchmarks = text_of(section(version.content, "Progress towards the benchmarks"))
    assert "Deterioration to report: Civilians killed" in benchmarks
    assert version.content["deteriorations"] == [ind.pk]
    actions.do_clear_periodic_report(report, acting_user=None)
    assert PeriodicReport.objects.get(pk=report.pk).status == ReportStatus.CLEARED


def test_a_deterioration_dismissed_with_a_reason_no_longer_blocks(mission: Any) -> None:
    report = draft(mission).report
    ind = deteriorating_indicator(mission)
    judged = next(j for j in judge_mission(mission, None) if j.indicator == ind)
    flag = next(v for v in judged.flags if v.code == "deterioration")
    do_override_benchmark_verdict(
        mission,
        rule="deterioration",
        subject=flag.subject,
        decision="dismissed",
        reason="The survey changed its sample; the readings do not compare.",
        acting_user=None,
    )
    actions.do_clear_periodic_report(report, acting_user=None)
    assert PeriodicReport.objects.get(pk=report.pk).cleared


def test_a_deterioration_the_author_cannot_see_still_blocks(mission: Any, make_user: Any) -> None:
    deteriorating_indicator(mission, "Hidden indicator", sensitivity=SC)
    member = make_user("mlt-member", mission)
    report = draft(mission, member).report
    assert "Hidden indicator" not in str(report.latest_version().content)
    with pytest.raises(ActionError) as exc:
        actions.do_clear_periodic_report(report, acting_user=member)
    # The member learns that one is missing, not its name.
    assert "1 you may not see" in exc.value.message
    assert "Hidden indicator" not in exc.value.message


def test_a_bad_period_or_a_missing_right_is_refused(mission: Any, make_user: Any) -> None:
    with pytest.raises(ActionError) as exc:
        actions.do_draft_periodic_report(mission, D(2026, 9, 30), D(2026, 7, 1), acting_user=None)
    assert exc.value.status == 400 and "ends before it starts" in exc.value.message
    staff = make_user("component-staff", mission)  # unclassified: may not add a confidential draft
    with pytest.raises(ActionError) as exc:
        draft(mission, staff)
    assert exc.value.status == 403
    assert not PeriodicReport.objects.exists()
