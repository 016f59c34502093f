"""The reporting calendar (issue 16; Capstone §7.1, §9.1): the cadence measured from the real
Secretary-General report metadata (PACT 2.0), and the next due date and overdue status."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import skip_or_fail

from bluehelmet.mandates.models import Resolution
from bluehelmet.reports import cadence
from bluehelmet.reports.duedates import due_status, next_due
from bluehelmet.reports.models import PeriodicReport, ReportingCalendar, ReportStatus

D = datetime.date
DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "peacekeeping"
START = DATA / "pact2_sg_reports_start.csv"


@pytest.fixture(scope="module")
def measured() -> dict[str, float]:
    if not START.exists():
        skip_or_fail(f"{START} is missing")
    return cadence.measure(START)


def test_the_cadence_is_measured_from_the_real_reports(measured: dict[str, float]) -> None:
    # 25 missions in the file; four have a single report and so no gap.
    assert len(measured) == 21
    assert measured["UNMIK"] == 92  # Kosovo: about quarterly
    assert measured["MINUSTAH"] == 176  # Haiti: about twice a year
    assert measured["UNTAC"] == 41
    # The calendar's default is the median of the missions' medians, kept as a constant.
    assert cadence.typical_cadence(measured) == cadence.MEASURED_CADENCE_DAYS == 91


def test_rows_without_a_date_are_left_out_and_repeats_count_once() -> None:
    rows = [
        {"report_namePKO": "UNX_S/1", "reportDate": "2000-01-01"},
        {"report_namePKO": "UNX_S/2", "reportDate": "2000-04-01"},
        {"report_namePKO": "UNX_S/2bis", "reportDate": "2000-04-01"},
        {"report_namePKO": "UNX_S/3", "reportDate": ""},
        {"report_namePKO": "UNY_S/1", "reportDate": "2001-01-01"},
    ]
    assert cadence.median_gaps(cadence.report_dates(rows)) == {"UNX": 91.0}
    assert cadence.typical_cadence({}) == cadence.MEASURED_CADENCE_DAYS


def test_the_next_due_date_follows_the_cadence() -> None:
    anchor = D(2026, 1, 1)
    assert next_due(anchor, 90, None) == D(2026, 4, 1)
    # Cleared a little early or late, a report answers the nearest due date.
    assert next_due(anchor, 90, D(2026, 3, 25)) == D(2026, 6, 30)
    assert next_due(anchor, 90, D(2026, 4, 20)) == D(2026, 6, 30)
    # A report cleared soon after the anchor still answers the first due date.
    assert next_due(anchor, 90, D(2026, 1, 5)) == D(2026, 6, 30)


@pytest.mark.django_db
def test_a_mission_without_a_cleared_report_is_overdue_after_one_cadence(mission: Any) -> None:
    # The fixture's mandate was authorised on 2025-01-10; 91 days later the first is due.
    status = due_status(mission, None, today=D(2025, 5, 1))
    assert status.next_due == D(2025, 4, 11) and status.overdue_days == 20
    assert "20 days overdue" in status.explanation


@pytest.mark.django_db
def test_the_hq_planner_sets_the_cadence_and_the_anchor(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    resolution = Resolution.objects.create(number=9999, adopted_on=D(2026, 3, 1))
    ReportingCalendar.objects.create(mission=mission, resolution=resolution, cadence_days=60)
    PeriodicReport.objects.create(
        mission=mission,
        title="First",
        period_start=D(2026, 3, 1),
        period_end=D(2026, 4, 30),
        status=ReportStatus.CLEARED,
        cleared_on=D(2026, 4, 28),
    )
    status = due_status(mission, make_user("head-of-mission", mission), today=D(2026, 5, 15))
    assert status.anchor == D(2026, 3, 1) and status.last_cleared == D(2026, 4, 28)
    assert status.next_due == D(2026, 6, 29) and not status.overdue
    # A user who may not read the cleared report sees it as not sent.
    outsider = make_user("head-of-mission", other_mission)
    assert due_status(mission, outsider, today=D(2026, 5, 15)).last_cleared is None
