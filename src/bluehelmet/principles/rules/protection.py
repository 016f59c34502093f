"""Timely response to threats to civilians (Capstone §2.3; §1.4: resolution 1674)."""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.principles.models import Imminence
from bluehelmet.principles.rules import Flag, make_flag

# Hours within which an alert must be answered: imminent threats sooner.
RESPONSE_HOURS = 24
IMMINENT_RESPONSE_HOURS = 4
CITATION = "Capstone §2.3, §1.4"


def allowed_hours(alert: Any) -> int:
    threat = alert.threat
    if threat is not None and threat.imminence == Imminence.IMMINENT:
        return IMMINENT_RESPONSE_HOURS
    return RESPONSE_HOURS


def unanswered_rule(alert: Any, now: datetime.datetime) -> Flag | None:
    """An alert with no response after the allowed time."""
    if alert.responded_at is not None:
        return None
    hours = (now - alert.received_at).total_seconds() / 3600
    limit = allowed_hours(alert)
    if hours < limit:
        return None
    detail = _(
        "alert %(id)s received %(received)s has had no response for %(hours)d hours "
        "(allowed: %(limit)d)."
    ) % {
        "id": alert.pk,
        "received": alert.received_at.strftime("%Y-%m-%d %H:%M"),
        "hours": int(hours),
        "limit": limit,
    }
    return make_flag("poc-unanswered", _("Unanswered protection alert"), CITATION, detail)


def late_rule(alert: Any) -> Flag | None:
    """An alert answered, but after the allowed time."""
    hours = alert.response_hours
    limit = allowed_hours(alert)
    if hours is None or hours <= limit:
        return None
    detail = _("alert %(id)s was answered after %(hours).1f hours (allowed: %(limit)d).") % {
        "id": alert.pk,
        "hours": hours,
        "limit": limit,
    }
    return make_flag("poc-late", _("Late response to a protection alert"), CITATION, detail)


def metrics(alerts: Iterable[Any], now: datetime.datetime) -> dict[str, Any]:
    """Counts, response times and flags over the given alerts."""
    alerts = list(alerts)
    hours = [h for a in alerts if (h := a.response_hours) is not None]
    flags = [
        {**f.as_dict(), "alert": a.pk}
        for a in alerts
        for f in (unanswered_rule(a, now), late_rule(a))
        if f is not None
    ]
    return {
        "alerts": len(alerts),
        "answered": len(hours),
        "unanswered": len(alerts) - len(hours),
        "median_response_hours": round(statistics.median(hours), 1) if hours else None,
        "mean_response_hours": round(statistics.fmean(hours), 1) if hours else None,
        "flags": flags,
    }
