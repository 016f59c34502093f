"""MINUSBEL's periodic report to the Council in the demo (issue 16; Capstone §9.1, §10.1, §7.1).

The report covers the last full quarter before the build day (Q3 2026 on the authored calendar,
and still Q3 2026 when the demo is built in the last quarter of 2026). It is assembled after the
story is moved to the build day and after the benchmark readings are computed, so its figures
are those the pages show and the deterioration the benchmarks flag is in it; built after the
move, its dates are not moved again (``demo.timeline``). The Head of Mission assembles it, so
every figure is read with that role's reach; it stays a draft for the leadership to clear.

The mission's reporting calendar counts from the resolution of the mandate in force, at the
cadence measured from the Secretary-General's real reports (``reports.cadence``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.core.models import Mission
from bluehelmet.demo.users import mission_username
from bluehelmet.mandates.models import Mandate
from bluehelmet.reports.actions import do_draft_periodic_report
from bluehelmet.reports.models import ReportingCalendar
from bluehelmet.reports.periodic import last_full_quarter

CODE = "MINUSBEL"
OBSERVATIONS = (
    "Violence in the north eased over the quarter, but the displacement figures for Tabassi "
    "are the worst since the mission deployed, and the mission's own reading of protection "
    "in the north remains more hopeful than the independent sources.\n\n"
    "The leadership will not recommend a further drawdown until two independent sources "
    "confirm the trend in the northern provinces for two consecutive quarters."
)


def build_calendar(mission: Mission) -> ReportingCalendar:
    """The calendar, counting from the resolution of the mandate in force."""
    mandate = (
        Mandate.objects.filter(mission=mission, resolution__isnull=False)
        .select_related("resolution")
        .order_by("-version")
        .first()
    )
    calendar = ReportingCalendar(
        mission=mission,
        resolution=mandate.resolution if mandate else None,
        notes="The Council asked for a report every three months (demo).",
    )
    calendar.full_clean()
    calendar.save()
    return calendar


def build_periodic_reports(
    missions: dict[str, Mission],
    as_of: datetime.date,
    users: dict[str, Any],
    acting_user: Any,
    progress: Callable[[str], None],
) -> None:
    mission = missions.get(CODE)
    if mission is None:
        return
    build_calendar(mission)
    author = users.get(mission_username(CODE, "head-of-mission"), acting_user)
    start, end = last_full_quarter(as_of)
    version = do_draft_periodic_report(
        mission, start, end, acting_user=author, observations=OBSERVATIONS
    )
    progress(
        _("Mission %(code)s: periodic report for %(s)s to %(e)s drafted (%(d)d deteriorations).")
        % {
            "code": CODE,
            "s": start.isoformat(),
            "e": end.isoformat(),
            "d": len(version.content["deteriorations"]),
        }
    )
