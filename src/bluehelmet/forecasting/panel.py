"""The area x month panel the forecasts are made on (Capstone §7.2: JMAC analysis of where
violence happens, month by month).

An *area* is an admin-1 name (unit ``admin1``) or an H3 cell (unit ``h3:<res>``, 0-7: incidents
store their cells at resolutions 5 and 7, coarser cells are their parents). The panel covers
every month from the mission's first counted incident to its last, and every area that ever
had one; months without an incident are zeros, not gaps. Duplicate reports and refuted
incidents are left out; so are incidents placed only at country level (GED ``where_prec`` 6-7)
for H3 units, since their point is the country's centroid, not a place.

``Records`` holds the incidents as plain arrays, so tests build panels without a database;
``records_from_queryset`` reads them from ``Incident`` rows. Nothing here names a country.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from h3.api import basic_int as h3int

# The panel's vocabulary, re-exported so that callers may import it from here too.
from bluehelmet.forecasting.units import MAX_H3_RESOLUTION as MAX_H3_RESOLUTION
from bluehelmet.forecasting.units import PanelError as PanelError
from bluehelmet.forecasting.units import Unit as Unit
from bluehelmet.forecasting.units import month_index as month_index
from bluehelmet.forecasting.units import month_label as month_label
from bluehelmet.forecasting.units import month_start as month_start
from bluehelmet.forecasting.units import parse_month as parse_month

DIVERSITY_WINDOW = 12  # months over which distinct actors are counted
COUNTRY_LEVEL_PRECISION = 6  # GED where_prec 6 (country) and 7 (international waters/air)


# --- incidents as arrays --------------------------------------------------------------------


@dataclass
class Records:
    """One entry per counted incident: its month, its area code ('' = no area), its dead, its
    actors and its point (NaN when not located)."""

    month: np.ndarray
    area: list[str]
    killed: np.ndarray
    actor1: list[str]
    actor2: list[str]
    latitude: np.ndarray
    longitude: np.ndarray

    def __len__(self) -> int:
        return len(self.area)


def make_records(rows: Iterable[tuple[Any, ...]]) -> Records:
    """From (month index, area, killed, actor1, actor2, lat, lon) tuples (tests, loaders)."""
    items = list(rows)
    cols = list(zip(*items, strict=True)) if items else [()] * 7
    as_float = lambda values: np.array(  # noqa: E731
        [np.nan if v is None else float(v) for v in values], dtype=float
    )
    return Records(
        month=np.array(cols[0], dtype=np.int64),
        area=[str(a or "") for a in cols[1]],
        killed=as_float(cols[2]),
        actor1=[str(a or "") for a in cols[3]],
        actor2=[str(a or "") for a in cols[4]],
        latitude=as_float(cols[5]),
        longitude=as_float(cols[6]),
    )


def h3_area(cell: int | None, resolution: int) -> str:
    """The hex code of ``cell``'s parent at ``resolution`` ('' when there is no cell)."""
    if cell is None:
        return ""
    parent = (
        cell if h3int.get_resolution(cell) == resolution else h3int.cell_to_parent(cell, resolution)
    )
    return format(int(parent), "x")


INCIDENT_FIELDS = (
    "occurred_at",
    "admin1",
    "h3_r5",
    "h3_r7",
    "killed",
    "actor1",
    "actor2",
    "latitude",
    "longitude",
    "location_precision",
)


def records_from_queryset(queryset: Any, unit: Unit, *, until: int | None = None) -> Records:
    """Counted incidents of ``queryset`` (an ``Incident`` queryset) as ``Records``."""
    queryset = queryset.filter(duplicate_of__isnull=True).exclude(verification_status="refuted")
    if until is not None:
        queryset = queryset.filter(occurred_at__date__lt=month_start(until + 1))
    cache: dict[tuple[int, int], str] = {}
    rows = []
    for when, admin1, r5, r7, killed, a1, a2, lat, lon, precision in queryset.values_list(
        *INCIDENT_FIELDS
    ).order_by():
        area = _area(unit, admin1, r5, r7, precision, cache)
        rows.append((month_index(when), area, killed, a1, a2, lat, lon))
    return make_records(rows)


def _area(
    unit: Unit, admin1: str, r5: int | None, r7: int | None, precision: int | None, cache: dict
) -> str:
    if unit.kind == "admin1":
        return (admin1 or "").strip()
    if precision is not None and precision >= COUNTRY_LEVEL_PRECISION:
        return ""
    resolution = unit.resolution or 0
    stored = r5 if resolution <= 5 else r7
    if stored is None:
        return ""
    key = (stored, resolution)
    if key not in cache:
        cache[key] = h3_area(stored, resolution)
    return cache[key]


# --- the panel ----------------------------------------------------------------------------


@dataclass
class Panel:
    """Counts per area (rows) and month (columns, from ``start``)."""

    unit: Unit
    start: int
    areas: list[str]
    events: np.ndarray
    fatalities: np.ndarray
    first_seen: np.ndarray  # column of each area's first incident
    actor_diversity: np.ndarray
    presence: np.ndarray
    # Each located incident: its area row, column and point (for admin-1 centroids).
    points: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))

    @property
    def n_areas(self) -> int:
        return len(self.areas)

    @property
    def n_months(self) -> int:
        return int(self.events.shape[1])

    @property
    def end(self) -> int:
        """Month index of the last column."""
        return self.start + self.n_months - 1

    @property
    def fatal(self) -> np.ndarray:
        return (self.fatalities > 0).astype(float)

    def column(self, month: int) -> int:
        return month - self.start

    def until(self, col: int) -> Panel:
        """What was known at the end of column ``col``: its months and the areas seen by then."""
        keep = np.flatnonzero(self.first_seen <= col)
        remap = np.full(self.n_areas, -1)
        remap[keep] = np.arange(len(keep))
        pts = self.points[(self.points[:, 1] <= col) & np.isin(self.points[:, 0], keep)]
        pts = pts.copy()
        pts[:, 0] = remap[pts[:, 0].astype(int)]
        return replace(
            self,
            areas=[self.areas[i] for i in keep],
            events=self.events[keep, : col + 1],
            fatalities=self.fatalities[keep, : col + 1],
            first_seen=self.first_seen[keep],
            actor_diversity=self.actor_diversity[keep, : col + 1],
            presence=self.presence[keep, : col + 1],
            points=pts,
        )

    def centroids(self) -> np.ndarray:
        """(area, [lat, lon]) mean point of each area's located incidents (NaN if none)."""
        out = np.full((self.n_areas, 2), np.nan)
        if len(self.points):
            rows = self.points[:, 0].astype(int)
            counts = np.bincount(rows, minlength=self.n_areas).astype(float)
            for k in (0, 1):
                sums = np.bincount(rows, weights=self.points[:, 2 + k], minlength=self.n_areas)
                with np.errstate(invalid="ignore", divide="ignore"):
                    out[:, k] = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
        return out


def build_panel(records: Records, unit: Unit, *, end: int | None = None) -> Panel:
    """The panel of ``records`` (incidents without an area are left out); ``end`` extends it
    with empty months up to that month index."""
    keep = np.array([bool(a) for a in records.area], dtype=bool)
    if not keep.any():
        raise PanelError("No incident of this mission has an area at this unit.")
    months = records.month[keep]
    start = int(months.min())
    last = max(int(months.max()), end if end is not None else int(months.max()))
    areas = sorted({a for a, k in zip(records.area, keep, strict=True) if k})
    row_of = {a: i for i, a in enumerate(areas)}
    rows = np.array([row_of[a] for a, k in zip(records.area, keep, strict=True) if k])
    cols = months - start
    shape = (len(areas), last - start + 1)
    events = np.zeros(shape)
    fatalities = np.zeros(shape)
    np.add.at(events, (rows, cols), 1.0)
    np.add.at(fatalities, (rows, cols), np.nan_to_num(records.killed[keep]))
    first_seen = np.full(len(areas), shape[1], dtype=np.int64)
    np.minimum.at(first_seen, rows, cols)
    actors = [
        (r, c, name)
        for r, c, a1, a2 in zip(
            rows,
            cols,
            (a for a, k in zip(records.actor1, keep, strict=True) if k),
            (a for a, k in zip(records.actor2, keep, strict=True) if k),
            strict=True,
        )
        for name in {a1.strip(), a2.strip()}
        if name
    ]
    lat, lon = records.latitude[keep], records.longitude[keep]
    located = ~np.isnan(lat) & ~np.isnan(lon)
    points = np.column_stack([rows, cols, lat, lon])[located]
    return Panel(
        unit=unit,
        start=start,
        areas=areas,
        events=events,
        fatalities=fatalities,
        first_seen=first_seen,
        actor_diversity=actor_diversity(actors, shape),
        presence=np.zeros(shape),
        points=points,
    )


def actor_diversity(
    actors: Iterable[tuple[int, int, str]], shape: tuple[int, int], window: int = DIVERSITY_WINDOW
) -> np.ndarray:
    """Distinct actors seen in each area over the ``window`` months ending at each month.

    Each (area, actor) covers the months [m, m + window - 1] after every appearance m; the
    overlapping spans are merged so an actor counts once, and only months up to the one
    counted are used (the value at month s depends on appearances at s or before)."""
    by_pair: dict[tuple[int, str], set[int]] = {}
    for row, col, name in actors:
        by_pair.setdefault((int(row), name), set()).add(int(col))
    diff = np.zeros((shape[0], shape[1] + window + 1))
    for (row, _name), cols in by_pair.items():
        for first, last in _spans(sorted(cols), window):
            diff[row, first] += 1
            diff[row, last + 1] -= 1
    return np.cumsum(diff, axis=1)[:, : shape[1]]


def _spans(cols: list[int], window: int) -> list[tuple[int, int]]:
    """Merged [first, last] month spans covered by appearances at ``cols`` (sorted)."""
    spans: list[tuple[int, int]] = []
    for col in cols:
        if spans and col <= spans[-1][1]:
            spans[-1] = (spans[-1][0], col + window - 1)
        else:
            spans.append((col, col + window - 1))
    return spans


@dataclass(frozen=True)
class Site:
    """A mission location (team site, sector HQ...) and the months it was open (None = open)."""

    latitude: float
    longitude: float
    admin1: str = ""
    opened: int | None = None
    closed: int | None = None


def add_presence(panel: Panel, sites: Iterable[Site]) -> Panel:
    """Count the mission's open locations in each area and month (Capstone §7.2: presence)."""
    presence = np.zeros_like(panel.events)
    row_of = {a.lower(): i for i, a in enumerate(panel.areas)}
    cols = np.arange(panel.n_months) + panel.start
    for site in sites:
        if panel.unit.kind == "admin1":
            row = row_of.get(site.admin1.strip().lower())
        else:
            cell = h3int.latlng_to_cell(site.latitude, site.longitude, panel.unit.resolution or 0)
            row = row_of.get(format(int(cell), "x"))
        if row is None:
            continue
        is_open = np.ones(panel.n_months, dtype=bool)
        if site.opened is not None:
            is_open &= cols >= site.opened
        if site.closed is not None:
            is_open &= cols < site.closed
        presence[row] += is_open
    return replace(panel, presence=presence)
