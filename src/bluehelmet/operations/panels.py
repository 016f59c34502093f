"""The operations app's panels on the "situation now" page (Capstone §7.2: the JOC keeps the
mission's current situational awareness and collates the daily situation report).

Incidents of the last 24 hours and 7 days (relative to now: the page shows the latest data,
its map reads the incidents API's GeoJSON with ``since=``), the open crises and the status of
today's mission-wide SITREP. Everything is read through the user's restricted querysets and
strictly confidential records shown are logged as reads.
"""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from bluehelmet.core.audit import log_reads
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.operations.models import Crisis, CrisisStatus, Incident, SituationReport
from bluehelmet.operations.models.reports import ReportStatus

DAY = datetime.timedelta(hours=24)
WEEK = datetime.timedelta(days=7)
LIST_LIMIT = 200  # incidents listed (and drawn) at most; the COP has the rest


def _iso(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def recent_incidents_panel(request: HttpRequest, mission: Mission) -> dict[str, Any] | None:
    """The mission's incidents of the last 7 days, newest first, those of the last 24 hours
    marked; counts of both windows; the map's data URLs."""
    user = request.user
    if not user_can(user, Action.VIEW, mission.pk):
        return None
    now = timezone.now()
    day_ago, week_ago = now - DAY, now - WEEK
    visible = Incident.objects.restrict(user).filter(
        mission=mission, occurred_at__gte=week_ago, occurred_at__lte=now
    )
    week_count = visible.count()
    day_count = visible.filter(occurred_at__gte=day_ago).count()
    shown = list(visible.select_related("category").order_by("-occurred_at", "-id")[:LIST_LIMIT])
    log_reads(user, shown)
    rows = [
        {
            "incident": i,
            "reference": i.external_id or f"{mission.code}-{i.pk}",
            "last_day": i.occurred_at >= day_ago,
        }
        for i in shown
    ]
    api = reverse("incident-geojson")
    query = {"mission": mission.code, "since": _iso(week_ago), "limit": LIST_LIMIT}
    return {
        "mission": mission,
        "rows": rows,
        "day_count": day_count,
        "week_count": week_count,
        "truncated": week_count > len(shown),
        "day_since": _iso(day_ago),
        "week_since": _iso(week_ago),
        "geojson_url": f"{api}?{urlencode(query)}",
        "map_url": reverse("mission-map", kwargs={"code": mission.code}),
        "cop_url": reverse("mission-cop", kwargs={"code": mission.code}),
    }


def open_crises_panel(request: HttpRequest, mission: Mission) -> dict[str, Any] | None:
    user = request.user
    if not user_can(user, Action.VIEW, mission.pk):
        return None
    crises = list(
        Crisis.objects.restrict(user)
        .filter(mission=mission, status=CrisisStatus.OPEN)
        .order_by("-opened_at", "-id")
    )
    log_reads(user, crises)
    return {"mission": mission, "crises": crises}


def sitrep_status_panel(request: HttpRequest, mission: Mission) -> dict[str, Any] | None:
    """Today's mission-wide SITREP (UTC day): due, compiled (a draft holding incidents),
    published; the sector reports of the day as a count."""
    user = request.user
    if not user_can(user, Action.VIEW, mission.pk):
        return None
    today = timezone.now().astimezone(datetime.UTC).date()
    reports = list(
        SituationReport.objects.restrict(user)
        .filter(mission=mission, report_date=today)
        .select_related("org_unit")
    )
    log_reads(user, reports)
    report = next((r for r in reports if r.org_unit_id is None), None)
    incident_count = report.incidents.count() if report is not None else 0
    published = report is not None and report.status == ReportStatus.PUBLISHED
    compiled = report is not None and (published or incident_count > 0)
    if published:
        state = "published"
    elif compiled:
        state = "compiled"
    elif report is not None:
        state = "draft"
    else:
        state = "due"
    return {
        "mission": mission,
        "today": today,
        "report": report,
        "state": state,
        "compiled": compiled,
        "published": published,
        "incident_count": incident_count,
        "sector_reports": [r for r in reports if r.org_unit_id is not None],
        "can_add": user_can(user, Action.ADD, mission.pk),
    }
