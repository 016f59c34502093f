"""When a mission's next periodic report is due (Capstone §7.1: Headquarters reports to the
Council on each mission; §9.1).

Reports fall due every ``cadence_days`` counted from an anchor: the calendar's own date, else the
resolution it names, else the resolution of the mandate in force, else the day the mandate was
authorised. The next due date is the one after the due date the last cleared report answered
(or the first); past it, the report is overdue.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from bluehelmet.mandates.models import Mandate
from bluehelmet.reports.models import PeriodicReport, ReportingCalendar, ReportStatus


@dataclass(frozen=True)
class DueStatus:
    mission: Any
    cadence_days: int
    anchor: datetime.date | None
    last_cleared: datetime.date | None
    next_due: datetime.date | None
    overdue_days: int
    explanation: str
    citation: str = "Capstone §7.1, §9.1"

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


def calendar_for(mission: Any) -> ReportingCalendar:
    """The mission's calendar, or an unsaved one with the measured default cadence."""
    found = ReportingCalendar.objects.filter(mission=mission).select_related("resolution")
    return found.first() or ReportingCalendar(mission=mission)


def anchor_for(calendar: ReportingCalendar, today: datetime.date) -> datetime.date | None:
    if calendar.starts_on:
        return calendar.starts_on
    if calendar.resolution is not None and calendar.resolution.adopted_on:
        return calendar.resolution.adopted_on
    mandate = (
        Mandate.objects.filter(mission_id=calendar.mission_id, effective_from__lte=today)
        .select_related("resolution")
        .order_by("-version")
        .first()
    )
    if mandate is not None:
        resolution = mandate.resolution
        return (
            resolution.adopted_on
            if resolution and resolution.adopted_on
            else mandate.effective_from
        )
    return calendar.mission.mandate_authorised_on


def next_due(
    anchor: datetime.date, cadence: int, last_cleared: datetime.date | None
) -> datetime.date:
    """The due date after the one the last cleared report answered. A report counts for the
    due date nearest to its clearance (up to half a cadence early or late); without one, the
    first due date is one cadence after the anchor."""
    if last_cleared is None:
        return anchor + datetime.timedelta(days=cadence)
    answered = max(round((last_cleared - anchor).days / cadence), 1)
    return anchor + datetime.timedelta(days=(answered + 1) * cadence)


def due_status(mission: Any, user: Any, today: datetime.date | None = None) -> DueStatus:
    """The mission's reporting status as ``user`` may see it (cleared reports they may read)."""
    today = today or timezone.now().date()
    calendar = calendar_for(mission)
    cadence = calendar.cadence_days
    anchor = anchor_for(calendar, today)
    reports = PeriodicReport.objects.filter(mission=mission, status=ReportStatus.CLEARED)
    if user is not None:
        reports = reports.restrict(user)
    last = reports.order_by("-cleared_on").values_list("cleared_on", flat=True).first()
    if anchor is None:
        text = _("No mandate date is recorded: the first report's due date is unknown.")
        return DueStatus(mission, cadence, None, last, None, 0, text)
    due = next_due(anchor, cadence, last)
    overdue = max((today - due).days, 0)
    if overdue:
        text = _("The report due on %(d)s is %(n)d days overdue (one every %(c)d days).")
    else:
        text = _("The next report is due on %(d)s (one every %(c)d days).")
    return DueStatus(
        mission, cadence, anchor, last, due, overdue, text % {"d": due, "n": overdue, "c": cadence}
    )
