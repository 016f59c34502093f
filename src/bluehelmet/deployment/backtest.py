"""Leave-one-mission-out backtest of the force estimate against the naive baseline (the median
of missions of the same kind). Run by ``bluehelmet deployment_backtest``; the figures are in
docs/deployment.md."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from bluehelmet.deployment.comparables import Comparable
from bluehelmet.deployment.estimate import CATEGORIES, Profile, baseline, estimate


@dataclass(frozen=True)
class Score:
    category: str
    method: str
    median_abs_error: float
    mean_log_error: float  # mean |log10((est+1)/(actual+1))|: 0.3 is a factor of two
    coverage: float | None  # share of actual figures inside the interval


def _scores(category: str, method: str, pairs: list[tuple[int, int]], hits: list[bool]) -> Score:
    errors = [abs(e - a) for e, a in pairs]
    logs = [abs(math.log10((e + 1) / (a + 1))) for e, a in pairs]
    return Score(
        category,
        method,
        statistics.median(errors),
        statistics.fmean(logs),
        (sum(hits) / len(hits)) if hits else None,
    )


def run(table: list[Comparable], *, with_intensity: bool = False) -> list[Score]:
    """Each mission estimated from all the others; scores per category and method."""
    pairs: dict[tuple[str, str], list[tuple[int, int]]] = {}
    hits: dict[str, list[bool]] = {c: [] for c in CATEGORIES}
    for held in table:
        rest = [c for c in table if c.mission != held.mission]
        profile = Profile(
            held.tasks, held.kind, held.ch7, held.intensity if with_intensity else None
        )
        knn = estimate(profile, rest)
        naive = baseline(held.kind, rest)
        for category in CATEGORIES:
            actual = held.figure(category)
            guess, low, high = knn.figures[category]
            pairs.setdefault((category, "comparables"), []).append((guess, actual))
            pairs.setdefault((category, "baseline"), []).append((naive[category], actual))
            hits[category].append(low <= actual <= high)
    return [
        _scores(cat, method, found, hits[cat] if method == "comparables" else [])
        for (cat, method), found in pairs.items()
    ]


def markdown(scores: list[Score]) -> str:
    lines = [
        "| category | method | median absolute error | mean log10 error | interval coverage |",
        "|---|---|---:|---:|---:|",
    ]
    for s in scores:
        coverage = f"{s.coverage:.0%}" if s.coverage is not None else "-"
        lines.append(
            f"| {s.category} | {s.method} | {s.median_abs_error:,.0f} | "
            f"{s.mean_log_error:.2f} | {coverage} |"
        )
    return "\n".join(lines)
