"""Consent per party and locality over a rolling window (Capstone §3.1).

A party that keeps restricting the mission's freedom of action, with no sign of cooperation,
has in effect withdrawn its consent, even if it never says so.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.principles.models import CONSENT_SIGN, COOPERATING, RESTRICTING
from bluehelmet.principles.rules import Flag, make_flag

WINDOW_DAYS = 30
MIN_RESTRICTIONS = 3


@dataclass
class ConsentReading:
    """Consent of one party in one locality over the window ending ``as_of``."""

    party_id: int
    party: str
    locality: str
    as_of: datetime.date
    window_days: int
    score: int = 0
    restrictions: int = 0
    cooperation: int = 0
    previous_score: int = 0
    flags: list[Flag] = field(default_factory=list)

    @property
    def trend(self) -> str:
        if self.score < self.previous_score:
            return "eroding"
        if self.score > self.previous_score:
            return "improving"
        return "steady"

    def as_dict(self) -> dict[str, Any]:
        return {
            "party_id": self.party_id,
            "party": self.party,
            "locality": self.locality,
            "as_of": self.as_of.isoformat(),
            "window_days": self.window_days,
            "score": self.score,
            "previous_score": self.previous_score,
            "trend": self.trend,
            "restrictions": self.restrictions,
            "cooperation": self.cooperation,
            "flags": [f.as_dict() for f in self.flags],
        }


def readings(
    events: Iterable[Any], as_of: datetime.date, window_days: int = WINDOW_DAYS
) -> list[ConsentReading]:
    """Score each (party, locality) over the window, and over the window before it (trend)."""
    start = as_of - datetime.timedelta(days=window_days - 1)
    previous_start = start - datetime.timedelta(days=window_days)
    out: dict[tuple[int, str], ConsentReading] = {}
    for event in events:
        if not previous_start <= event.occurred_on <= as_of:
            continue
        key = (event.party_id, event.locality)
        reading = out.setdefault(
            key,
            ConsentReading(event.party_id, event.party.name, event.locality, as_of, window_days),
        )
        contribution = CONSENT_SIGN.get(event.kind, 0) * event.weight
        if event.occurred_on < start:
            reading.previous_score += contribution
            continue
        reading.score += contribution
        reading.restrictions += event.kind in RESTRICTING
        reading.cooperation += event.kind in COOPERATING
    result = sorted(out.values(), key=lambda r: (r.party, r.locality))
    for reading in result:
        flag = withdrawal_rule(reading)
        reading.flags = [flag] if flag else []
    return result


def withdrawal_rule(reading: ConsentReading) -> Flag | None:
    """Sustained restrictions with no cooperation in the window: de facto withdrawal."""
    if reading.restrictions < MIN_RESTRICTIONS or reading.cooperation:
        return None
    detail = _(
        "%(party)s restricted or denied the mission %(n)d times in %(locality)s in the "
        "%(days)d days to %(date)s, with no cooperation: treat this as a de facto withdrawal "
        "of consent."
    ) % {
        "party": reading.party,
        "n": reading.restrictions,
        "locality": reading.locality,
        "days": reading.window_days,
        "date": reading.as_of.isoformat(),
    }
    return make_flag(
        "consent-withdrawal", _("Sustained restriction pattern"), "Capstone §3.1", detail
    )


def series(
    events: Iterable[Any],
    as_of: datetime.date,
    window_days: int = WINDOW_DAYS,
    steps: int = 12,
    step_days: int = 7,
) -> list[dict[str, Any]]:
    """Consent over time: the rolling-window score of each party and locality at ``steps``
    dates ``step_days`` apart, ending ``as_of`` (oldest first), for the dashboard chart."""
    events = list(events)
    lines: dict[tuple[int, str], dict[str, Any]] = {}
    for k in range(steps - 1, -1, -1):
        day = as_of - datetime.timedelta(days=k * step_days)
        for r in readings(events, day, window_days):
            line = lines.setdefault(
                (r.party_id, r.locality),
                {"party_id": r.party_id, "party": r.party, "locality": r.locality, "points": []},
            )
            line["points"].append(
                {"as_of": day.isoformat(), "score": r.score, "withdrawal": bool(r.flags)}
            )
    return sorted(lines.values(), key=lambda line: (line["party"], line["locality"]))
