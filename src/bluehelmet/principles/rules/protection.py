"""Timely response to threats to civilians (Capstone §2.3; §1.4: resolution 1674).

The doctrine asks for a timely answer and sets no hours: the 4 h (imminent threat) and 24 h
limits are the mission's setting (mission parameters with those defaults).
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.registry import ParameterSpec
from bluehelmet.principles.models import Imminence
from bluehelmet.principles.rules import Flag, make_flag

# Defaults of the hours within which an alert must be answered (imminent threats sooner):
# mission parameters, bluehelmet's choice.
RESPONSE_HOURS = 24
IMMINENT_RESPONSE_HOURS = 4
CITATION = "Capstone §2.3, §1.4"
HOURS_KEY = "poc-response-hours"
IMMINENT_KEY = "poc-imminent-response-hours"
PARAMETERS = (
    ParameterSpec(
        IMMINENT_KEY,
        _l("Response time to an alert of imminent threat"),
        IMMINENT_RESPONSE_HOURS,
        _l("hours"),
        1,
        168,
        CITATION,
        _l(
            "Hours within which this mission answers an alert about an imminent threat to "
            "civilians. The doctrine asks for a timely response and sets no hours."
        ),
        weight=30,
    ),
    ParameterSpec(
        HOURS_KEY,
        _l("Response time to other protection alerts"),
        RESPONSE_HOURS,
        _l("hours"),
        1,
        720,
        CITATION,
        _l(
            "Hours within which this mission answers any other alert about a threat to "
            "civilians. The doctrine sets no hours."
        ),
        weight=31,
    ),
)


@dataclass(frozen=True)
class Limits:
    """The mission's response times, in hours."""

    hours: int = RESPONSE_HOURS
    imminent_hours: int = IMMINENT_RESPONSE_HOURS

    @classmethod
    def from_values(cls, values: Mapping[str, int]) -> Limits:
        return cls(
            values.get(HOURS_KEY, RESPONSE_HOURS),
            values.get(IMMINENT_KEY, IMMINENT_RESPONSE_HOURS),
        )


DEFAULT_LIMITS = Limits()


def allowed_hours(alert: Any, limits: Limits = DEFAULT_LIMITS) -> int:
    threat = alert.threat
    if threat is not None and threat.imminence == Imminence.IMMINENT:
        return limits.imminent_hours
    return limits.hours


def _doctrine_and_setting(limits: Limits) -> dict[str, str]:
    doctrine = _(
        "The doctrine: where the mandate calls for it, the mission protects civilians under "
        "threat, which means answering warnings in time (Capstone §2.3, §1.4); it sets no hours."
    )
    setting = _(
        "Mission setting: this mission answers within %(imminent)d h for an imminent "
        "threat and %(hours)d h otherwise (mission parameters; default %(d_imminent)d h / "
        "%(d_hours)d h)."
    ) % {
        "imminent": limits.imminent_hours,
        "hours": limits.hours,
        "d_imminent": IMMINENT_RESPONSE_HOURS,
        "d_hours": RESPONSE_HOURS,
    }
    return {"doctrine": doctrine, "setting": setting}


def unanswered_rule(
    alert: Any, now: datetime.datetime, limits: Limits = DEFAULT_LIMITS
) -> Flag | None:
    """An alert with no response after the allowed time."""
    if alert.responded_at is not None:
        return None
    hours = (now - alert.received_at).total_seconds() / 3600
    limit = allowed_hours(alert, limits)
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
    return make_flag(
        "poc-unanswered",
        _("Unanswered protection alert"),
        CITATION,
        detail,
        **_doctrine_and_setting(limits),
    )


def late_rule(alert: Any, limits: Limits = DEFAULT_LIMITS) -> Flag | None:
    """An alert answered, but after the allowed time."""
    hours = alert.response_hours
    limit = allowed_hours(alert, limits)
    if hours is None or hours <= limit:
        return None
    detail = _("alert %(id)s was answered after %(hours).1f hours (allowed: %(limit)d).") % {
        "id": alert.pk,
        "hours": hours,
        "limit": limit,
    }
    return make_flag(
        "poc-late",
        _("Late response to a protection alert"),
        CITATION,
        detail,
        **_doctrine_and_setting(limits),
    )


def metrics(
    alerts: Iterable[Any], now: datetime.datetime, limits: Limits = DEFAULT_LIMITS
) -> dict[str, Any]:
    """Counts, response times and flags over the given alerts."""
    alerts = list(alerts)
    hours = [h for a in alerts if (h := a.response_hours) is not None]
    flags = [
        {**f.as_dict(), "alert": a.pk}
        for a in alerts
        for f in (unanswered_rule(a, now, limits), late_rule(a, limits))
        if f is not None
    ]
    return {
        "alerts": len(alerts),
        "answered": len(hours),
        "unanswered": len(alerts) - len(hours),
        "median_response_hours": round(statistics.median(hours), 1) if hours else None,
        "mean_response_hours": round(statistics.fmean(hours), 1) if hours else None,
        "response_hours": limits.hours,
        "imminent_response_hours": limits.imminent_hours,
        "flags": flags,
    }
