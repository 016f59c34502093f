"""Indicators computed from records the platform already holds (Capstone §10.2, §7.2): JOC
incidents and fatalities, protection-alert response times, freedom-of-movement restrictions,
the troop gap and JMAC's forecast risk.

A computation is a query: a plain dict (what, mission, admin area, period, highest sensitivity
read) stored on the observation it produced, so that ``run(query, user)`` gives the figure
again. It reads only records at or below the indicator's sensitivity (a count of confidential
incidents must not leak into an unclassified reading) and, for a person, only what they may see.
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.utils.translation import gettext as _

from bluehelmet.benchmarks.models import Computation, Indicator
from bluehelmet.core.models import Mission

# The period a computed reading covers, ending on the day observed (a quarter).
PERIOD_DAYS = 90

Query = dict[str, Any]


def make_query(indicator: Indicator, end: datetime.date, days: int = PERIOD_DAYS) -> Query:
    return {
        "computation": indicator.computation,
        "mission": indicator.mission.code,
        "admin1": indicator.admin1,
        "start": (end - datetime.timedelta(days=days)).isoformat(),
        "end": end.isoformat(),
        "max_sensitivity": indicator.sensitivity,
    }


def _visible(queryset: Any, user: Any, query: Query) -> Any:
    """What the query may read: the mission's records up to its sensitivity, and for a person
    only what they may see (the system, acting for nobody, reads the mission's records)."""
    if user is not None:
        queryset = queryset.restrict(user)
    mission = Mission.objects.get(code=query["mission"])
    return queryset.filter(mission=mission, sensitivity__lte=query["max_sensitivity"])


def _window(query: Query) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.date.fromisoformat(query["start"])
    end = datetime.date.fromisoformat(query["end"]) + datetime.timedelta(days=1)
    utc = datetime.UTC
    return (
        datetime.datetime.combine(start, datetime.time(), utc),
        datetime.datetime.combine(end, datetime.time(), utc),
    )


def _incidents(query: Query, user: Any) -> Any:
    from bluehelmet.operations.models import Incident

    start, end = _window(query)
    found = _visible(Incident.objects, user, query)
    found = found.filter(occurred_at__gte=start, occurred_at__lt=end, duplicate_of__isnull=True)
    return found.filter(admin1=query["admin1"]) if query["admin1"] else found


def incidents(query: Query, user: Any) -> Decimal | None:
    return Decimal(_incidents(query, user).count())


def fatalities(query: Query, user: Any) -> Decimal | None:
    return Decimal(_incidents(query, user).aggregate(n=Sum("killed"))["n"] or 0)


def poc_response(query: Query, user: Any) -> Decimal | None:
    """Median hours from a protection alert to the mission's response, over answered alerts."""
    from bluehelmet.principles.models import ProtectionAlert

    start, end = _window(query)
    found = _visible(ProtectionAlert.objects, user, query).filter(
        received_at__gte=start, received_at__lt=end, responded_at__isnull=False
    )
    if query["admin1"]:
        found = found.filter(threat__admin1=query["admin1"])
    hours = [(a.responded_at - a.received_at).total_seconds() / 3600 for a in found]
    return Decimal(str(round(statistics.median(hours), 2))) if hours else None


def consent_restrictions(query: Query, user: Any) -> Decimal | None:
    from bluehelmet.principles.models import ConsentEvent
    from bluehelmet.principles.models.consent import RESTRICTING

    start, end = (datetime.date.fromisoformat(query[k]) for k in ("start", "end"))
    found = _visible(ConsentEvent.objects, user, query).filter(
        occurred_on__gte=start, occurred_on__lte=end, kind__in=RESTRICTING
    )
    if query["admin1"]:
        found = found.filter(admin1=query["admin1"])
    return Decimal(found.count())


def staffing_gap(query: Query, user: Any) -> Decimal | None:
    """Per cent of authorised troops not deployed, in the last month reported by the end."""
    from bluehelmet.mandates.gap import gap_series

    mission = Mission.objects.get(code=query["mission"])
    end = datetime.date.fromisoformat(query["end"])
    months = [g for g in gap_series(mission, user) if g.month <= end]
    ratio = months[-1].ratio.get("troops") if months else None
    return None if ratio is None else Decimal(str(round((1 - ratio) * 100, 2)))


def forecast_risk(query: Query, user: Any) -> Decimal | None:
    """JMAC's forecast probability of a fatal incident for the month after the period, in the
    admin area (or the highest of any area), from the latest run that forecast it."""
    from bluehelmet.forecasting.models import Forecast

    end = datetime.date.fromisoformat(query["end"])
    month = (end.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    found = _visible(Forecast.objects, user, query).filter(target_month=month)
    if query["admin1"]:
        found = found.filter(area_label=query["admin1"]) | found.filter(area_code=query["admin1"])
    latest = found.order_by("-run__created_at", "-probability").first()
    if latest is None:
        return None
    rows = found.filter(run_id=latest.run_id)
    top = max(f.probability for f in rows)
    return Decimal(str(round(top * 100, 2)))


COMPUTATIONS: dict[str, Callable[[Query, Any], Decimal | None]] = {
    Computation.INCIDENTS: incidents,
    Computation.FATALITIES: fatalities,
    Computation.POC_RESPONSE: poc_response,
    Computation.CONSENT_RESTRICTIONS: consent_restrictions,
    Computation.STAFFING_GAP: staffing_gap,
    Computation.FORECAST_RISK: forecast_risk,
}


def run(query: Query, user: Any) -> Decimal | None:
    """The figure ``query`` gives today, or None when no record it may read answers it."""
    compute = COMPUTATIONS.get(query.get("computation", ""))
    if compute is None:
        raise ValueError(_("Unknown computation."))
    value = compute(query, user)
    # Stored as the model stores it, so a re-run that finds the same figure changes nothing.
    return None if value is None else value.quantize(Decimal("0.01"))


def describe_query(query: Query) -> str:
    """The query in words, shown beside the reading it produced."""
    what = Computation(query["computation"]).label
    where = query["admin1"] or _("the whole mission area")
    return _("%(w)s, %(a)s, %(s)s to %(e)s") % {
        "w": what,
        "a": where,
        "s": query["start"],
        "e": query["end"],
    }
