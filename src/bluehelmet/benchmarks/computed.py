"""Indicators computed from records the platform already holds (Capstone §10.2, §7.2): JOC
incidents and fatalities, protection-alert response times, freedom-of-movement restrictions,
the troop gap and JMAC's forecast risk.

A computation is a query: a plain dict (what, mission, admin area, period, highest sensitivity
read) stored on the observation it produced, so that ``run(query, user)`` gives the figure
again. It reads only records at or below the indicator's sensitivity (a count of confidential
incidents must not leak into an unclassified reading) and, for a person, only what they may see.

What a query may compute is an indicator source of ``core.registry`` (``IndicatorSource``): the
computations here are registered as sources by this app (``register``), and apps above it add
theirs (``programmes`` its DDR, mine action, QIP, State authority, rule of law and electoral
figures) without this app importing them. ``visible``, ``window`` and ``dates`` are the query's
reading of records, for those sources too.
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.benchmarks.models import Computation, Indicator
from bluehelmet.benchmarks.models.benchmarks import unknown_computation
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.models import Mission
from bluehelmet.core.registry import IndicatorSource, registry

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


def visible(queryset: Any, user: Any, query: Query) -> Any:
    """What the query may read: the mission's records up to its sensitivity, and for a person
    only what they may see (the system, acting for nobody, reads the mission's records)."""
    if user is not None:
        queryset = queryset.restrict(user)
    mission = Mission.objects.get(code=query["mission"])
    return queryset.filter(mission=mission, sensitivity__lte=query["max_sensitivity"])


def window(query: Query) -> tuple[datetime.datetime, datetime.datetime]:
    """The query's period as UTC times: from the start day's midnight to the end day's end."""
    start = datetime.date.fromisoformat(query["start"])
    end = datetime.date.fromisoformat(query["end"]) + datetime.timedelta(days=1)
    utc = datetime.UTC
    return (
        datetime.datetime.combine(start, datetime.time(), utc),
        datetime.datetime.combine(end, datetime.time(), utc),
    )


def dates(query: Query) -> tuple[datetime.date, datetime.date]:
    """The query's first and last day (both included)."""
    return datetime.date.fromisoformat(query["start"]), datetime.date.fromisoformat(query["end"])


def _incidents(query: Query, user: Any) -> Any:
    from bluehelmet.operations.models import Incident

    start, end = window(query)
    found = visible(Incident.objects, user, query)
    found = found.filter(occurred_at__gte=start, occurred_at__lt=end, duplicate_of__isnull=True)
    return found.filter(admin1=query["admin1"]) if query["admin1"] else found


def incidents(query: Query, user: Any) -> Decimal | None:
    return Decimal(_incidents(query, user).count())


def fatalities(query: Query, user: Any) -> Decimal | None:
    return Decimal(_incidents(query, user).aggregate(n=Sum("killed"))["n"] or 0)


def poc_response(query: Query, user: Any) -> Decimal | None:
    """Median hours from a protection alert to the mission's response, over answered alerts."""
    from bluehelmet.principles.models import ProtectionAlert

    start, end = window(query)
    found = visible(ProtectionAlert.objects, user, query).filter(
        received_at__gte=start, received_at__lt=end, responded_at__isnull=False
    )
    if query["admin1"]:
        found = found.filter(threat__admin1=query["admin1"])
    hours = [(a.responded_at - a.received_at).total_seconds() / 3600 for a in found]
    return Decimal(str(round(statistics.median(hours), 2))) if hours else None


def consent_restrictions(query: Query, user: Any) -> Decimal | None:
    from bluehelmet.principles.models import ConsentEvent
    from bluehelmet.principles.models.consent import RESTRICTING

    start, end = dates(query)
    found = visible(ConsentEvent.objects, user, query).filter(
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
    found = visible(Forecast.objects, user, query).filter(target_month=month)
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
# Unit hints and the doctrine each built-in computation serves.
UNITS: dict[str, tuple[Any, str]] = {
    Computation.INCIDENTS: (_l("incidents"), "Capstone §7.2, §10.2"),
    Computation.FATALITIES: (_l("people killed"), "Capstone §7.2, §10.2"),
    Computation.POC_RESPONSE: (_l("hours"), "Capstone §2.4, §10.2"),
    Computation.CONSENT_RESTRICTIONS: (_l("restrictions"), "Capstone §3.1, §10.2"),
    Computation.STAFFING_GAP: ("%", "Capstone §10.2"),
    Computation.FORECAST_RISK: ("%", "Capstone §7.2, §10.2"),
}


def builtin_sources() -> tuple[IndicatorSource, ...]:
    """The computations above as indicator sources of ``core.registry``."""
    return tuple(
        IndicatorSource(
            code=str(c.value),
            label=c.label,
            compute=COMPUTATIONS[c],
            unit=UNITS[c][0],
            cite=UNITS[c][1],
            app="benchmarks",
            group=_l("Mission records: JOC, JMAC, protection, strength"),
        )
        for c in Computation
    )


def register() -> None:
    """Called from ``navigation.register()``: one lookup, the registry, for every source."""
    registry.add_indicator_source(*builtin_sources())


def source_for(code: str) -> IndicatorSource | None:
    return registry.indicator_source(code) if code else None


def source_label(code: str) -> str:
    """What a computation code reads, in words (the code itself if no source has it now)."""
    source = source_for(code)
    return str(source.label) if source is not None else code


def source_groups() -> list[tuple[Any, list[tuple[str, Any]]]]:
    """The registered sources as grouped choices: (heading, [(code, label)]), in the order
    registered (the built-in computations first)."""
    groups: dict[str, tuple[Any, list[tuple[str, Any]]]] = {}
    for source in registry.indicator_sources():
        heading = source.group or source.app
        groups.setdefault(str(heading), (heading, []))[1].append((source.code, source.label))
    return list(groups.values())


def source_choices() -> list[tuple[Any, Any]]:
    """``source_groups`` after a blank choice: an indicator observed, not computed."""
    return [("", _l("None: observed, not computed")), *source_groups()]


def run(query: Query, user: Any) -> Decimal | None:
    """The figure ``query`` gives today, or None when no record it may read answers it."""
    code = query.get("computation", "")
    source = source_for(code)
    if source is None:
        raise ActionError(ErrorCode.INVALID, unknown_computation(code))
    value = source.compute(query, user)
    # Stored as the model stores it, so a re-run that finds the same figure changes nothing.
    return None if value is None else value.quantize(Decimal("0.01"))


def describe_query(query: Query) -> str:
    """The query in words, shown beside the reading it produced."""
    what = source_label(query["computation"])
    where = query["admin1"] or _("the whole mission area")
    return _("%(w)s, %(a)s, %(s)s to %(e)s") % {
        "w": what,
        "a": where,
        "s": query["start"],
        "e": query["end"],
    }
