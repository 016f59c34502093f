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
    withdrawn_since: datetime.date | None = None
    flags: list[Flag] = field(default_factory=list)

    @property
    def trend(self) -> str:
        # Fewer restrictions while a withdrawal stands is not consent coming back: only the
        # party's cooperation ends a withdrawal, so the trend cannot read as improving before.
        if self.withdrawn_since and not self.cooperation and self.score >= self.previous_score:
            return "steady"
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
            "withdrawn_since": self.withdrawn_since.isoformat() if self.withdrawn_since else None,
            "flags": [f.as_dict() for f in self.flags],
        }


def readings(
    events: Iterable[Any], as_of: datetime.date, window_days: int = WINDOW_DAYS
) -> list[ConsentReading]:
    """Score each (party, locality) over the window, and over the window before it (trend).

    A locality also appears, with its withdrawal flag, while a withdrawal found earlier still
    stands: consent withdrawn in practice is not restored by the mere passing of time, only by
    the party cooperating again (Capstone §3.1).
    """
    start = as_of - datetime.timedelta(days=window_days - 1)
    previous_start = start - datetime.timedelta(days=window_days)
    history: dict[tuple[int, str], list[Any]] = {}
    for event in events:
        if event.occurred_on <= as_of:
            history.setdefault((event.party_id, event.locality), []).append(event)
    result = []
    for key, past in history.items():
        reading = ConsentReading(key[0], past[0].party.name, key[1], as_of, window_days)
        for event in past:
            if event.occurred_on >= previous_start:
                _score(reading, event, current=event.occurred_on >= start)
        reading.withdrawn_since = standing_withdrawal(past, window_days)
        recent = any(e.occurred_on >= previous_start for e in past)
        if recent or reading.withdrawn_since:
            flag = withdrawal_rule(reading)
            reading.flags = [flag] if flag else []
            result.append(reading)
    return sorted(result, key=lambda r: (r.party, r.locality))


def _score(reading: ConsentReading, event: Any, *, current: bool) -> None:
    contribution = CONSENT_SIGN.get(event.kind, 0) * event.weight
    if not current:
        reading.previous_score += contribution
        return
    reading.score += contribution
    reading.restrictions += event.kind in RESTRICTING
    reading.cooperation += event.kind in COOPERATING


def standing_withdrawal(
    events: Iterable[Any], window_days: int = WINDOW_DAYS
) -> datetime.date | None:
    """The day a withdrawal began that no cooperation has ended since, if there is one.

    A withdrawal begins on the day a party's restrictions in one locality reach the rule's
    count within one window with no cooperation in it; the next cooperation ends it.
    """
    ordered = sorted(events, key=lambda e: e.occurred_on)
    since: datetime.date | None = None
    restricted = cooperated = first = 0  # counts over ordered[first : n + 1], the window
    for event in ordered:
        restricted += event.kind in RESTRICTING
        cooperated += event.kind in COOPERATING
        start = event.occurred_on - datetime.timedelta(days=window_days - 1)
        while ordered[first].occurred_on < start:
            restricted -= ordered[first].kind in RESTRICTING
            cooperated -= ordered[first].kind in COOPERATING
            first += 1
        if event.kind in COOPERATING:
            since = None
        elif (
            event.kind in RESTRICTING
            and since is None
            and restricted >= MIN_RESTRICTIONS
            and not cooperated
        ):
            since = event.occurred_on
    return since


def withdrawal_rule(reading: ConsentReading) -> Flag | None:
    """Sustained restrictions with no cooperation in the window: de facto withdrawal; or a
    withdrawal found before that the party has not ended by cooperating since."""
    if reading.restrictions >= MIN_RESTRICTIONS and not reading.cooperation:
        detail = _(
            "%(party)s restricted or denied the mission %(n)d times in %(locality)s in the "
            "%(days)d days to %(date)s, with no cooperation: treat this as a de facto "
            "withdrawal of consent."
        ) % {
            "party": reading.party,
            "n": reading.restrictions,
            "locality": reading.locality,
            "days": reading.window_days,
            "date": reading.as_of.isoformat(),
        }
    elif reading.withdrawn_since and not reading.cooperation:
        detail = _(
            "%(party)s has withdrawn its consent in practice in %(locality)s since "
            "%(since)s (sustained restrictions) and has not cooperated with the mission there "
            "since: the withdrawal stands until it does."
        ) % {
            "party": reading.party,
            "locality": reading.locality,
            "since": reading.withdrawn_since.isoformat(),
        }
    else:
        return None
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
