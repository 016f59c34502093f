"""Impartial, not neutral (Capstone §3.1): every party's violations get answered, and alike.

How far apart two parties' response rates may be before the responses count as one-sided is
the mission's setting (a mission parameter, default 50 points), not the doctrine's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.registry import ParameterSpec
from bluehelmet.principles.rules import Flag, make_flag

# A party whose violations are answered this many percentage points less often than another
# party's is flagged: the default of a mission parameter, bluehelmet's choice.
GAP_POINTS = 50
GAP = GAP_POINTS / 100
GAP_KEY = "impartiality-gap-points"
PARAMETERS = (
    ParameterSpec(
        GAP_KEY,
        _l("Gap in response rates that is one-sided"),
        GAP_POINTS,
        _l("percentage points"),
        1,
        100,
        "Capstone §3.1",
        _l(
            "How much less often one party's violations may be answered than another's before "
            "this mission calls its responses one-sided. The doctrine asks for even-handed "
            "responses and sets no figure."
        ),
        weight=20,
    ),
)

DOCTRINE = _l(
    "The doctrine: impartiality is not neutrality or inaction; the mission answers every "
    "party's violations, and answers them alike (Capstone §3.1)."
)


def settings_from(values: Mapping[str, int]) -> dict[str, int]:
    """The rule's keyword arguments from a mission's parameter values."""
    return {"gap_points": values.get(GAP_KEY, GAP_POINTS)}


@dataclass
class PartyRecord:
    """Violations attributed to one party and how many the mission responded to."""

    party_id: int
    party: str
    violations: int = 0
    answered: int = 0
    responses: dict[str, int] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)

    @property
    def response_rate(self) -> float:
        return self.answered / self.violations if self.violations else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "party_id": self.party_id,
            "party": self.party,
            "violations": self.violations,
            "answered": self.answered,
            "response_rate": round(self.response_rate, 2),
            "responses": dict(sorted(self.responses.items())),
            "flags": [f.as_dict() for f in self.flags],
        }


def compare(violations: Iterable[Any], gap_points: int = GAP_POINTS) -> list[PartyRecord]:
    """Per-party counts from violations (with ``responses`` prefetched), then the rules."""
    out: dict[int, PartyRecord] = {}
    for v in violations:
        record = out.setdefault(v.party_id, PartyRecord(v.party_id, v.party.name))
        record.violations += 1
        kinds = [r.kind for r in v.responses.all()]
        record.answered += bool(kinds)
        for kind in kinds:
            record.responses[kind] = record.responses.get(kind, 0) + 1
    records = sorted(out.values(), key=lambda r: r.party)
    for record in records:
        record.flags = [
            f
            for f in (absent_rule(record), one_sided_rule(record, records, gap_points))
            if f is not None
        ]
    return records


def absent_rule(record: PartyRecord) -> Flag | None:
    """Violations by a party that the mission never answered: inaction is not impartiality."""
    if not record.violations or record.answered:
        return None
    detail = _(
        "none of the %(n)d violations attributed to %(party)s got a response; impartiality "
        "is not inaction."
    ) % {"n": record.violations, "party": record.party}
    return make_flag(
        "impartiality-absent",
        _("No response to violations"),
        "Capstone §3.1",
        detail,
        doctrine=str(DOCTRINE),
    )


def one_sided_rule(
    record: PartyRecord, records: list[PartyRecord], gap_points: int = GAP_POINTS
) -> Flag | None:
    """A party's violations answered far less often than another party's: one-sided."""
    others = [r for r in records if r.party_id != record.party_id and r.violations]
    if not record.violations or not others:
        return None
    best = max(others, key=lambda r: r.response_rate)
    if round((best.response_rate - record.response_rate) * 100, 6) < gap_points:
        return None
    detail = _(
        "the mission answered %(rate)d%% of violations by %(party)s but %(other_rate)d%% of "
        "those by %(other)s; responses must be even-handed."
    ) % {
        "rate": round(record.response_rate * 100),
        "party": record.party,
        "other_rate": round(best.response_rate * 100),
        "other": best.party,
    }
    setting = _(
        "Mission setting: this mission calls a gap of %(gap)d percentage points or more "
        "one-sided (mission parameter; default %(default)d)."
    ) % {"gap": gap_points, "default": GAP_POINTS}
    return make_flag(
        "impartiality-one-sided",
        _("One-sided responses"),
        "Capstone §3.1",
        detail,
        doctrine=str(DOCTRINE),
        setting=setting,
    )
