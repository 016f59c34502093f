"""MINUSBEL's periodic report in the demo (issue 16; Capstone §9.1, §10.1-10.2): a Q3 2026
draft assembled by the Head of Mission from the records the pages show, carrying the
deterioration the benchmarks flag, and the mission's reporting calendar."""

from __future__ import annotations

import datetime
from typing import Any

from tests.reports_support import section, text_of

from bluehelmet.reports.actions import left_out
from bluehelmet.reports.duedates import due_status
from bluehelmet.reports.models import PeriodicReport, ReportingCalendar


def test_given_the_demo_then_minusbel_has_a_q3_2026_draft(demo: Any) -> None:
    report = PeriodicReport.objects.get(mission=demo["MINUSBEL"])
    assert (report.period_start, report.period_end) == (
        datetime.date(2026, 7, 1),
        datetime.date(2026, 9, 30),
    )
    assert not report.cleared
    version = report.latest_version()
    assert version is not None and version.assembled_by.username == "minusbel.head-of-mission"
    content = version.content
    security = text_of(section(content, "Political and security developments"))
    assert "recorded 0 security incidents" not in security
    assert content["annex"]["svg"].startswith("<svg")
    benchmarks = text_of(section(content, "Progress towards the benchmarks"))
    assert "Deterioration to report: People displaced in Tabassi" in benchmarks
    assert left_out(report, version) == []  # so the leadership may clear it
    assert "Tabassi" in text_of(section(content, "Observations"))
    assert not PeriodicReport.objects.filter(mission=demo["UNMOGTO"]).exists()


def test_given_the_demo_then_the_calendar_gives_the_next_due_date(demo: Any) -> None:
    calendar = ReportingCalendar.objects.get(mission=demo["MINUSBEL"])
    assert calendar.cadence_days == 91 and calendar.resolution is not None
    status = due_status(demo["MINUSBEL"], None, today=datetime.date(2026, 10, 31))
    assert status.next_due is not None and status.anchor == calendar.resolution.adopted_on
