"""Consent per party and locality over a rolling window (Capstone §3.1).

A party that keeps restricting the mission's freedom of action, with no sign of cooperation,
has in effect withdrawn its consent, even if it never says so. How many restrictions in how
many days count as "sustained" is the mission's setting (mission parameters, defaults 3 in 30),
not the doctrine's.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.registry import ParameterSpec
from bluehelmet.principles.models import CONSENT_SIGN, COOPERATING, RESTRICTING
from bluehelmet.principles.rules import Flag, make_flag

# Defaults of the mission parameters below: bluehelmet's choice, not the doctrine's.
WINDOW_DAYS = 30
MIN_RESTRICTIONS = 3
WINDOW_KEY = "consent-window-days"
COUNT_KEY = "consent-min-restrictions"
PARAMETERS = (
    ParameterSpec(
        COUNT_KEY,
        _l("Restrictions that make a sustained pattern"),
        MIN_RESTRICTIONS,
        _l("restrictions"),
        1,
        100,
        "Capstone §3.1",
        _l(
            "How many restrictions, with no cooperation, this mission treats as a de facto "
            "withdrawal of consent. The doctrine names the pattern, not a count."
        ),
        weight=10,
    ),
    ParameterSpec(
        WINDOW_KEY,
        _l("Consent window"),
        WINDOW_DAYS,
        _l("days"),
        1,
        365,
        "Capstone §3.1",
        _l(
            "The days over which restrictions are counted and consent is scored. The doctrine "
            "sets no period."
        ),
        weight=11,
    ),
)


def settings_from(values: Mapping[str, int]) -> dict[str, int]:
    """The rule's keyword arguments from a mission's parameter values."""
    return {
        "window_days": values.get(WINDOW_KEY, WINDOW_DAYS),
        "min_restrictions": values.get(COUNT_KEY, MIN_RESTRICTIONS),
    }


@dataclass
class ConsentReading:
    """Consent of one party in one locality over the window ending ``as_of``."""

    party_id: int
    party: str
    locality: str
    as_of: datetime.date
    window_days: int
    min_restrictions: int = MIN_RESTRICTIONS
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
            "min_restrictions": self.min_restrictions,
            "score": self.score,
            "previous_score": self.previous_score,
            "trend": self.trend,
            "restrictions": self.restrictions,
            "cooperation": self.cooperation,
            "withdrawn_since": self.withdrawn_since.isoformat() if self.withdrawn_since else None,
            "flags": [f.as_dict() for f in self.flags],
        }


def readings(
    events: Iterable[Any],
    as_of: datetime.date,
    window_days: int = WINDOW_DAYS,
    min_restrictions: int = MIN_RESTRICTIONS,
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
        reading = ConsentReading(
            key[0], past[0].party.name, key[1], as_of, window_days, min_restrictions
        )
        for event in past:
            if event.occurred_on >= previous_start:
                _score(reading, event, current=event.occurred_on >= start)
        reading.withdrawn_since = standing_withdrawal(past, window_days, min_restrictions)
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
    events: Iterable[Any],
    window_days: int = WINDOW_DAYS,
    min_restrictions: int = MIN_RESTRICTIONS,
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
            and restricted >= min_restrictions
            and not cooperated
        ):
            since = event.occurred_on
    return since


def withdrawal_rule(reading: ConsentReading) -> Flag | None:
    """Sustained restrictions with no cooperation in the window: de facto withdrawal; or a
    withdrawal found before that the party has not ended by cooperating since."""
    if reading.restrictions >= reading.min_restrictions and not reading.cooperation:
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
        "consent-withdrawal",
        _("Sustained restriction pattern"),
        "Capstone §3.1",
        detail,
        doctrine=_(
            "The doctrine: a party that keeps restricting the freedom of movement and action of "
            "the mission has withdrawn its consent in practice, whatever it says (Capstone §3.1)."
        ),
        setting=_(
            "Mission setting: this mission counts %(n)d restrictions in %(days)d days, "
            "with no cooperation, as sustained (mission parameter; default %(dn)d in %(dd)d)."
        )
        % {
            "n": reading.min_restrictions,
            "days": reading.window_days,
            "dn": MIN_RESTRICTIONS,
            "dd": WINDOW_DAYS,
        },
    )


def series(
    events: Iterable[Any],
    as_of: datetime.date,
    window_days: int = WINDOW_DAYS,
    steps: int = 12,
    step_days: int = 7,
    min_restrictions: int = MIN_RESTRICTIONS,
) -> list[dict[str, Any]]:
    """Consent over time: the rolling-window score of each party and locality at ``steps``
    dates ``step_days`` apart, ending ``as_of`` (oldest first), for the dashboard chart."""
    events = list(events)
    lines: dict[tuple[int, str], dict[str, Any]] = {}
    for k in range(steps - 1, -1, -1):
        day = as_of - datetime.timedelta(days=k * step_days)
        for r in readings(events, day, window_days, min_restrictions):
            line = lines.setdefault(
                (r.party_id, r.locality),
                {"party_id": r.party_id, "party": r.party, "locality": r.locality, "points": []},
            )
            line["points"].append(
                {"as_of": day.isoformat(), "score": r.score, "withdrawal": bool(r.flags)}
            )
    return sorted(lines.values(), key=lambda line: (line["party"], line["locality"]))
