"""Hotspots: where violence rises or falls against its own history (Capstone §7.2).

For every admin-1 area or H3 cell the analysis counts the incidents (and fatalities) of the
period asked for and of the ``BASELINE_PERIODS`` periods of the same length before it, all in
one grouped query. Each area is then tested against two references:

- the baseline: the mean of the previous periods is the expected count; the chance of seeing
  at least the current count if nothing had changed is a Poisson tail probability (a negative
  binomial one with the same mean and the baseline's variance when the baseline varies more
  than a Poisson count would, as conflict counts usually do, so bursty areas are not flagged
  for their usual bursts). Half an incident is added to the baseline so an area with no
  history needs more than one incident to stand out;
- the previous period alone: two Poisson counts over equal lengths are compared exactly by
  the binomial split of their sum.

With many areas tested at once some would pass by chance, so p-values are corrected across
the areas (Benjamini-Hochberg) before an area is flagged; a flag also needs ``MIN_COUNT``
incidents and at least ``MIN_RATIO`` times the expected count. Each flag is explained in words.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import h3
from django.db.models import Avg, Count, Max, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from bluehelmet.analysis.params import DAY, Unit, Window
from bluehelmet.operations.geo import cell_centre, cell_label, parent_cell, stored_resolution_for
from bluehelmet.operations.models import Incident

BASELINE_PERIODS = 12
MIN_COUNT = 5
MIN_RATIO = 1.5
FDR = 0.05  # share of flagged areas allowed to be false alarms (Benjamini-Hochberg)
PRIOR = 0.5  # incidents added to every baseline (see the module docstring)


@dataclass
class Series:
    """Counts per period, oldest first; the last period is the one analysed."""

    counts: list[int]
    killed: list[int]
    lat: float | None = None
    lon: float | None = None
    admin1: str = ""


@dataclass
class Hotspot:
    key: str
    label: str
    count: int
    killed: int
    previous: int
    previous_killed: int
    expected: float
    ratio: float
    ratio_previous: float | None
    p_baseline: float
    p_previous: float
    p_falling: float
    q_value: float = 1.0
    status: str = "steady"  # rising, new, falling, steady
    flagged: bool = False
    explanation: str = ""
    lat: float | None = None
    lon: float | None = None
    admin1: str = ""
    boundary: list[list[float]] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for name in ("expected", "ratio", "ratio_previous", "lat", "lon"):
            if data[name] is not None:
                data[name] = round(data[name], 4)
        for name in ("p_baseline", "p_previous", "p_falling", "q_value"):
            data[name] = float(f"{data[name]:.4g}")
        return data


# -- counting -------------------------------------------------------------------------------


def boundaries(window: Window, periods: int) -> list[datetime.datetime]:
    """Period starts, oldest first, then the end: ``periods`` baseline periods + the current."""
    length = window.days * DAY
    return [window.until - (periods + 1 - i) * length for i in range(periods + 2)]


def count_series(
    incidents: QuerySet[Incident], unit: Unit, window: Window, periods: int = BASELINE_PERIODS
) -> dict[str, Series]:
    """Unit key -> counts and fatalities per period, from one grouped query."""
    edges = boundaries(window, periods)
    measures: dict[str, Any] = {}
    for i in range(len(edges) - 1):
        inside = Q(occurred_at__gte=edges[i], occurred_at__lt=edges[i + 1])
        measures[f"n{i}"] = Count("id", filter=inside)
        measures[f"k{i}"] = Sum("killed", filter=inside)
    if unit.kind == "h3":
        column = f"h3_r{stored_resolution_for(unit.res or 0)}"
        incidents = incidents.filter(**{f"{column}__isnull": False})
    else:
        column = "admin1"
    rows = (
        incidents.filter(occurred_at__gte=edges[0], occurred_at__lt=edges[-1])
        .order_by()
        .values(column)
        .annotate(lat=Avg("latitude"), lon=Avg("longitude"), area=Max("admin1"), **measures)
    )
    n = len(edges) - 1
    result: dict[str, Series] = {}
    weights: dict[str, float] = defaultdict(float)
    for row in rows:
        counts = [row[f"n{i}"] or 0 for i in range(n)]
        killed = [row[f"k{i}"] or 0 for i in range(n)]
        raw = row[column]
        key = raw if unit.kind == "admin1" else cell_label(parent_cell(raw, unit.res or 0))
        _merge(result, weights, key, counts, killed, row)
    return result


def _merge(
    result: dict[str, Series],
    weights: dict[str, float],
    key: str,
    counts: list[int],
    killed: list[int],
    row: dict[str, Any],
) -> None:
    """Add one group to its unit (H3 child cells roll up into their parent)."""
    series = result.get(key)
    if series is None:
        series = result[key] = Series([0] * len(counts), [0] * len(killed))
    series.counts = [a + b for a, b in zip(series.counts, counts, strict=True)]
    series.killed = [a + b for a, b in zip(series.killed, killed, strict=True)]
    weight = float(sum(counts))
    if row["lat"] is not None and weight:
        # Centre: incident-weighted mean of the groups' mean positions.
        total = weights[key] + weight
        series.lat = ((series.lat or 0) * weights[key] + row["lat"] * weight) / total
        series.lon = ((series.lon or 0) * weights[key] + row["lon"] * weight) / total
        weights[key] = total
    if row["area"] and not series.admin1:
        series.admin1 = row["area"]


# -- testing --------------------------------------------------------------------------------


def expected_count(baseline: list[int]) -> float:
    return (sum(baseline) + PRIOR) / len(baseline)


def rise_p_value(count: int, baseline: list[int]) -> float:
    """P(at least ``count`` | the baseline), Poisson or, when overdispersed, negative binomial."""
    if count <= 0:
        return 1.0
    from scipy.stats import nbinom, poisson  # here: scipy costs every process ~0.7 s to import

    mean = expected_count(baseline)
    var = _variance(baseline)
    if var > mean:
        size = mean * mean / (var - mean)
        return float(nbinom.sf(count - 1, size, size / (size + mean)))
    return float(poisson.sf(count - 1, mean))


def fall_p_value(count: int, baseline: list[int]) -> float:
    """P(at most ``count`` | the baseline), with the same model as ``rise_p_value``."""
    from scipy.stats import nbinom, poisson

    mean = expected_count(baseline)
    var = _variance(baseline)
    if var > mean:
        size = mean * mean / (var - mean)
        return float(nbinom.cdf(count, size, size / (size + mean)))
    return float(poisson.cdf(count, mean))


def previous_p_value(count: int, previous: int) -> float:
    """Exact test of a change between two equal-length periods (one-sided, in its direction):
    under no change, the current period's share of the two is binomial with p = 1/2."""
    total = count + previous
    if total == 0 or count == previous:
        return 1.0
    from scipy.stats import binom

    if count > previous:
        return float(binom.sf(count - 1, total, 0.5))
    return float(binom.cdf(count, total, 0.5))


def _variance(values: list[int]) -> float:
    if len(values) < 2:
        return 0.0
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / (len(values) - 1)


def benjamini_hochberg(p_values: list[float]) -> list[float]:
    """Adjusted p-values (q-values) controlling the false discovery rate."""
    n = len(p_values)
    order = sorted(range(n), key=lambda i: p_values[i])
    adjusted = [1.0] * n
    running = 1.0
    for rank in range(n, 0, -1):
        i = order[rank - 1]
        running = min(running, p_values[i] * n / rank)
        adjusted[i] = min(running, 1.0)
    return adjusted


def assess_unit(key: str, label: str, series: Series) -> Hotspot:
    baseline = series.counts[:-1]
    count, previous = series.counts[-1], series.counts[-2]
    expected = expected_count(baseline)
    return Hotspot(
        key=key,
        label=label,
        count=count,
        killed=series.killed[-1],
        previous=previous,
        previous_killed=series.killed[-2],
        expected=expected,
        ratio=count / expected,
        ratio_previous=(count / previous) if previous else None,
        p_baseline=rise_p_value(count, baseline),
        p_previous=previous_p_value(count, previous),
        p_falling=fall_p_value(count, baseline),
        lat=series.lat,
        lon=series.lon,
        admin1=series.admin1,
        counts=series.counts,
    )


def classify(spots: list[Hotspot]) -> None:
    """Correct the p-values across the areas, set each status and flag, explain in words."""
    q_rise = benjamini_hochberg([s.p_baseline for s in spots])
    q_fall = benjamini_hochberg([s.p_falling for s in spots])
    for spot, qr, qf in zip(spots, q_rise, q_fall, strict=True):
        history = sum(spot.counts[:-1])
        if history == 0 and spot.count >= MIN_COUNT:
            spot.status, spot.q_value = "new", qr
        elif qr < FDR and spot.count >= MIN_COUNT and spot.ratio >= MIN_RATIO:
            spot.status, spot.q_value = "rising", qr
        elif qf < FDR and spot.expected >= MIN_COUNT and spot.ratio <= 1 / MIN_RATIO:
            spot.status, spot.q_value = "falling", qf
        else:
            spot.status, spot.q_value = "steady", min(qr, qf)
        spot.flagged = spot.status in {"rising", "new"}


def p_text(p: float) -> str:
    if p < 0.001:
        return "p < 0.001"
    return f"p = {p:.3f}" if p < 0.1 else f"p = {p:.2f}"


def explain(spot: Hotspot, days: int, periods: int) -> str:
    """The flag in plain words, e.g. "Tabassi: 48 incidents in the last 30 days against 12
    expected from the previous 12 periods of 30 days (4.0x, p < 0.001)"."""
    values = {
        "label": spot.label,
        "n": spot.count,
        "days": days,
        "expected": f"{spot.expected:.1f}".removesuffix(".0"),
        "periods": periods,
        "ratio": f"{spot.ratio:.1f}",
        "p": p_text(spot.p_falling if spot.status == "falling" else spot.p_baseline),
        "previous": spot.previous,
        "pp": p_text(spot.p_previous),
    }
    if spot.status == "new":
        text = _(
            "%(label)s: %(n)d incidents in the last %(days)d days where the previous "
            "%(periods)d periods of %(days)d days had none"
        )
    else:
        text = _(
            "%(label)s: %(n)d incidents in the last %(days)d days against %(expected)s expected "
            "from the previous %(periods)d periods of %(days)d days (%(ratio)sx, %(p)s)"
        )
    text += _("; %(previous)d in the %(days)d days before (%(pp)s).")
    return text % values


def cell_boundary(key: str) -> list[list[float]]:
    return [[round(lat, 5), round(lon, 5)] for lat, lon in h3.cell_to_boundary(key)]


@dataclass
class HotspotReport:
    unit: Unit
    window: Window
    periods: int
    spots: list[Hotspot]

    @property
    def flagged(self) -> list[Hotspot]:
        return [s for s in self.spots if s.flagged]

    @property
    def baseline_since(self) -> datetime.datetime:
        return boundaries(self.window, self.periods)[0]

    def as_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit.code,
            "since": self.window.since.date().isoformat(),
            "until": self.window.last_day.isoformat(),
            "days": self.window.days,
            "baseline_periods": self.periods,
            "baseline_since": self.baseline_since.date().isoformat(),
            "method": {
                "test": "poisson (negative binomial when the baseline is overdispersed)",
                "correction": "benjamini-hochberg",
                "false_discovery_rate": FDR,
                "min_count": MIN_COUNT,
                "min_ratio": MIN_RATIO,
            },
            "flagged": len(self.flagged),
            "areas": [s.as_dict() for s in self.spots],
        }


def find_hotspots(
    incidents: QuerySet[Incident], unit: Unit, window: Window, periods: int = BASELINE_PERIODS
) -> HotspotReport:
    """Every area with incidents in the period or its baseline, tested and explained; flagged
    areas first (strongest evidence first), then by count."""
    series = count_series(incidents, unit, window, periods)
    spots = []
    for key, s in series.items():
        if unit.kind == "h3":
            label = _("Cell %(cell)s") % {"cell": key}
            if s.admin1:
                label += f" ({s.admin1})"
        else:
            label = key or _("(no admin area)")
        spots.append(assess_unit(key, label, s))
    classify(spots)
    for spot in spots:
        if unit.kind == "h3":
            spot.boundary = cell_boundary(spot.key)
            spot.lat, spot.lon = cell_centre(h3.str_to_int(spot.key))
        if spot.status != "steady":
            spot.explanation = explain(spot, window.days, periods)
    spots.sort(key=lambda s: (not s.flagged, s.p_baseline if s.flagged else 0, -s.count, s.key))
    return HotspotReport(unit, window, periods, spots)
