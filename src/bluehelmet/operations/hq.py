"""What the JOC's records add to the headquarters overview (Capstone §7.1-7.2): incidents and
deaths over the last 90 days, open crises, and the monthly incident and fatality trends of each
operation. Every figure is read through ``restrict(user)``: a role counts only what it sees."""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bluehelmet.core.hq import INTENSITY_DAYS, last_months
from bluehelmet.core.models import Mission
from bluehelmet.core.registry import HqCell, HqChart, HqColumn, HqSeries, registry
from bluehelmet.operations.aggregate import MonthStart, in_calendar
from bluehelmet.operations.models import Crisis, CrisisStatus, Incident


def incidents_cell(user: Any, mission: Mission) -> HqCell:
    since = timezone.now() - datetime.timedelta(days=INTENSITY_DAYS)
    totals = (
        Incident.objects.restrict(user)
        .filter(mission=mission, occurred_at__gte=since)
        .aggregate(n=Count("id"), killed=Sum("killed"))
    )
    count, killed = totals["n"] or 0, totals["killed"] or 0
    text = _("%(n)s incidents, %(killed)s killed") % {"n": f"{count:,}", "killed": f"{killed:,}"}
    url = reverse("mission-cop", kwargs={"code": mission.code})
    return HqCell(text, count, count, url)


def crises_cell(user: Any, mission: Mission) -> HqCell:
    count = Crisis.objects.restrict(user).filter(mission=mission, status=CrisisStatus.OPEN).count()
    url = f"{reverse('crisis-list')}?mission={mission.code}&status={CrisisStatus.OPEN}"
    return HqCell(str(count), count, count, url, "bad" if count else "")


def monthly_rows(user: Any, missions: list[Mission], months: list[datetime.date]) -> list[Any]:
    """Incidents and deaths per mission and month, grouped once for both charts: kept on the
    user object for the request (as ``permissions.grants_for`` keeps the grants)."""
    key = (tuple(m.pk for m in missions), months[0])
    cache: dict[Any, list[Any]] = user.__dict__.setdefault("_bluehelmet_hq_monthly", {})
    if key not in cache:
        start = datetime.datetime.combine(months[0], datetime.time(), tzinfo=datetime.UTC)
        cache[key] = list(
            in_calendar(Incident.objects.restrict(user))
            .filter(mission__in=missions, occurred_at__gte=start)
            .order_by()
            .annotate(month=MonthStart("occurred_at"))
            .values("mission_id", "month")
            .annotate(n=Count("id"), killed=Sum("killed"))
        )
    return cache[key]


def monthly(user: Any, missions: list[Mission], measure: str) -> list[HqSeries]:
    """Each mission's incidents (``n``) or deaths (``killed``) per month over the last year."""
    months = last_months()
    found: dict[int, dict[str, float]] = defaultdict(dict)
    for row in monthly_rows(user, missions, months):
        found[row["mission_id"]][f"{row['month']:%Y-%m}"] = float(row[measure] or 0)
    labels = [f"{m:%Y-%m}" for m in months]
    return [
        HqSeries(m.code, [(label, found[m.pk].get(label, 0.0)) for label in labels])
        for m in missions
        if m.pk in found
    ]


def register() -> None:
    registry.add_hq_column(
        HqColumn(
            "incidents-90d",
            gettext_lazy("Incidents, last 90 days"),
            incidents_cell,
            weight=40,
            help=gettext_lazy("Incidents and people killed, as your clearance lets you see them."),
        ),
        HqColumn("open-crises", gettext_lazy("Open crises"), crises_cell, weight=45),
    )
    registry.add_hq_chart(
        HqChart(
            "incidents-monthly",
            gettext_lazy("Incidents per month"),
            lambda user, missions: monthly(user, missions, "n"),
            kind="lines",
            unit=gettext_lazy("incidents"),
            weight=20,
        ),
        HqChart(
            "fatalities-monthly",
            gettext_lazy("People killed per month"),
            lambda user, missions: monthly(user, missions, "killed"),
            kind="lines",
            unit=gettext_lazy("killed"),
            weight=30,
        ),
    )
