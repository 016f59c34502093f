"""Force estimate from comparable missions (Capstone §4.2: resources to match the mandate).

For an option, the ``K`` most similar missions of the shipped table (``comparables.py``) are
found by their mandated tasks (Jaccard overlap of TAMM task flags), whether they acted under
Chapter VII and whether they were of the same kind; the estimate of each personnel category is
the median of their peak authorised strength, and the interval runs from the second lowest to
the second highest of them (about the 20th to 80th percentile of five). It advises: the option
records the planner's figures. Its leave-one-mission-out backtest is in docs/deployment.md.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.deployment.comparables import Comparable, load

K = 5
CATEGORIES = ("troops", "police", "observers")
KIND_WEIGHT, CH7_WEIGHT, INTENSITY_WEIGHT = 0.3, 0.2, 0.1


@dataclass(frozen=True)
class Profile:
    """What is known of an option when estimating: its tasks, kind and force authority."""

    tasks: frozenset[str]
    kind: str
    ch7: bool
    intensity: int | None = None


@dataclass
class Estimate:
    figures: dict[str, tuple[int, int, int]]  # category -> (estimate, low, high)
    neighbours: list[tuple[Comparable, float]] = field(default_factory=list)


def similarity(profile: Profile, other: Comparable) -> float:
    union = profile.tasks | other.tasks
    score = len(profile.tasks & other.tasks) / len(union) if union else 0.0
    score += KIND_WEIGHT * (profile.kind == other.kind) + CH7_WEIGHT * (profile.ch7 == other.ch7)
    if profile.intensity is not None:
        score += INTENSITY_WEIGHT * (1 - abs(profile.intensity - other.intensity) / 2)
    return score


def estimate(profile: Profile, table: list[Comparable], k: int = K) -> Estimate:
    ranked = sorted(table, key=lambda c: (-similarity(profile, c), c.mission))[:k]
    figures = {}
    for category in CATEGORIES:
        values = sorted(c.figure(category) for c in ranked)
        inner = values[1:-1] if len(values) > 2 else values
        figures[category] = (round(statistics.median(values)), inner[0], inner[-1])
    return Estimate(figures, [(c, similarity(profile, c)) for c in ranked])


def baseline(kind: str, table: list[Comparable]) -> dict[str, int]:
    """The naive estimate: the median of missions of the same kind."""
    same = [c for c in table if c.kind == kind] or table
    return {cat: round(statistics.median(c.figure(cat) for c in same)) for cat in CATEGORIES}


@cache
def shipped_table() -> tuple[Comparable, ...]:
    return tuple(load())


def profile_of(option: Any) -> Profile | None:
    from bluehelmet.deployment.models import OptionType

    if option.option_type not in {OptionType.TRADITIONAL, OptionType.MULTIDIMENSIONAL}:
        return None  # the data hold UN peacekeeping operations only
    flags = {t.tamm_flag for t in option.tasks.all() if t.tamm_flag} - {"ch7"}
    return Profile(frozenset(flags), str(option.option_type), bool(option.chapter_vii))


def estimate_for_option(option: Any) -> dict[str, Any] | None:
    """What the option page shows: figures, intervals, the planner's figures, the missions."""
    profile = profile_of(option)
    if profile is None:
        return None
    result = estimate(profile, list(shipped_table()))
    labels = {"troops": _("Troops"), "police": _("Police"), "observers": _("Military observers")}
    planned = {
        "troops": option.troops,
        "police": option.police,
        "observers": option.military_observers,
    }
    return {
        "rows": [
            {"label": labels[c], "estimate": e, "low": lo, "high": hi, "planned": planned[c]}
            for c, (e, lo, hi) in result.figures.items()
        ],
        "comparables": [
            {
                "mission": c.mission,
                "country": c.country,
                "similarity": f"{s:.2f}",
                "troops": c.troops,
                "police": c.police,
                "observers": c.observers,
            }
            for c, s in result.neighbours
        ],
        "method": _(
            "Median of the peak authorised strength of the %(k)d missions most alike in tasks, "
            "kind and Chapter VII; the interval spans the middle three. No civilian figures "
            "exist in the data."
        )
        % {"k": K},
        "source": _(
            "Data: TAMM v2.1 (Lloyd 2021); authorised vs deployed personnel, 1990-2015; "
            "UCDP/PRIO Armed Conflict Dataset 25.1 (CC BY 4.0). See docs/deployment.md."
        ),
    }
