"""What is known about each area at the end of each month (Capstone §7.2: the JMAC's picture
of where and how violence is moving), as the model's inputs.

Every feature of month s is computed from months s and before only: lags and decays shift
forward in time, neighbour sums use the same month's values of other areas, and the admin-1
neighbourhood comes from the incidents the panel holds (pass ``panel.until(origin)`` so it
holds nothing later). ``lag L`` is the L-th most recent month: lag 1 is month s itself.

Features (names as in ``FeatureSet.names``):
- own history: fatal month (0/1), log(1+events), log(1+fatalities) at lags 1, 2, 3, 6, 12;
  decay-weighted sums (half-lives 1, 3 and 12 months) of the fatal months and log fatalities;
  the area's fraction of fatal months and mean log fatalities so far; months since its last
  fatal month and since its last incident;
- neighbours: mean over the first and second ring (H3 grid rings; for admin-1 the 3 and the
  next 3 nearest area centroids) of the fatal month, its 3- and 12-month decays;
- the whole mission: share of areas with a fatal month, its 3-month decay, log total deaths;
- actors: log(1+distinct actors) in the area over the last 12 months;
- season: sine and cosine of the target's calendar month, and the area's fraction of fatal
  months in that calendar month in earlier years;
- presence: the mission's open locations in the area and, summed, in its first ring.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from h3.api import basic_int as h3int
from scipy import sparse

from bluehelmet.forecasting.panel import Panel

LAGS = (1, 2, 3, 6, 12)
HALF_LIVES = (1, 3, 12)
NEAREST = 3  # admin-1: the first ring is the 3 nearest centroids, the second the next 3
MONTHS_CAP = 120.0
Ring = Any  # scipy.sparse.csr_matrix (area x area neighbour weights); scipy has no type stubs


@dataclass
class FeatureSet:
    names: list[str]
    values: np.ndarray  # (area, month, feature), float32


def lagged(x: np.ndarray, lag: int) -> np.ndarray:
    """``x`` shifted so month s holds month s - (lag - 1); zeros before the panel starts."""
    shift = lag - 1
    if shift == 0:
        return x
    out = np.zeros_like(x)
    if shift < x.shape[1]:
        out[:, shift:] = x[:, :-shift]
    return out


def decayed(x: np.ndarray, half_life: float) -> np.ndarray:
    """Sum over k >= 0 of x[s - k] * 0.5 ** (k / half_life)."""
    rate = 0.5 ** (1.0 / half_life)
    out = np.empty_like(x)
    running = np.zeros(x.shape[0])
    for col in range(x.shape[1]):
        running = running * rate + x[:, col]
        out[:, col] = running
    return out


def months_since(flag: np.ndarray) -> np.ndarray:
    """Months since the last month with ``flag`` (0 = this month), capped at ``MONTHS_CAP``."""
    out = np.empty_like(flag, dtype=float)
    since = np.full(flag.shape[0], MONTHS_CAP)
    for col in range(flag.shape[1]):
        since = np.where(flag[:, col] > 0, 0.0, np.minimum(since + 1, MONTHS_CAP))
        out[:, col] = since
    return out


def running_mean(x: np.ndarray) -> np.ndarray:
    return np.cumsum(x, axis=1) / np.arange(1, x.shape[1] + 1)


def seasonal_share(fatal: np.ndarray, horizon: int) -> np.ndarray:
    """At month s: fraction of earlier years whose month of the target's calendar month
    (s + horizon - 12, s + horizon - 24, ...) was fatal; 0 before there is one."""
    hits = np.zeros_like(fatal)
    seen = np.zeros(fatal.shape[1])
    n = fatal.shape[1]
    for col in range(n):
        if col >= 12:
            hits[:, col] = hits[:, col - 12] + fatal[:, col]
            seen[col] = seen[col - 12] + 1
        else:
            hits[:, col], seen[col] = fatal[:, col], 1
    out = np.zeros_like(fatal)
    back = horizon - 12  # the most recent month of the target's calendar month
    for col in range(n):
        ref = col + back
        while ref > col:  # horizon > 12: step back whole years
            ref -= 12
        if ref >= 0:
            out[:, col] = hits[:, ref] / seen[ref]
    return out


def neighbour_rings(panel: Panel) -> tuple[Ring, Ring]:
    """(first ring, second ring) as sparse area x area weights (each ring sums to at most 1:
    an H3 ring's cells without incidents count as zeros)."""
    if panel.unit.kind == "h3":
        return _h3_rings(panel)
    return _nearest_rings(panel)


def _h3_rings(panel: Panel) -> tuple[Ring, Ring]:
    row_of = {a: i for i, a in enumerate(panel.areas)}
    entries: list[tuple[list[int], list[int], list[float]]] = [([], [], []), ([], [], [])]
    for i, code in enumerate(panel.areas):
        cell = int(code, 16)
        for k in (1, 2):
            ring = h3int.grid_ring(cell, k)
            for other in ring:
                j = row_of.get(format(int(other), "x"))
                if j is not None:
                    rows, cols, weights = entries[k - 1]
                    rows.append(i)
                    cols.append(j)
                    weights.append(1.0 / len(ring))
    shape = (panel.n_areas, panel.n_areas)
    first, second = (
        sparse.csr_matrix((w, (r, c)), shape=shape, dtype=float) for r, c, w in entries
    )
    return first, second


def _nearest_rings(panel: Panel) -> tuple[Ring, Ring]:
    centres = panel.centroids()
    n = panel.n_areas
    first, second = np.zeros((n, n)), np.zeros((n, n))
    located = ~np.isnan(centres[:, 0])
    if located.sum() < 2:
        return sparse.csr_matrix(first), sparse.csr_matrix(second)
    lat, lon = np.radians(centres[:, 0]), np.radians(centres[:, 1])
    # Equirectangular distance: ample for ranking neighbours inside one mission area.
    dx = (lon[:, None] - lon[None, :]) * np.cos((lat[:, None] + lat[None, :]) / 2)
    dist = np.hypot(dx, lat[:, None] - lat[None, :])
    dist[~located, :] = np.inf
    dist[:, ~located] = np.inf
    np.fill_diagonal(dist, np.inf)
    order = np.argsort(dist, axis=1, kind="stable")
    for i in np.flatnonzero(located):
        near = [j for j in order[i] if np.isfinite(dist[i, j])]
        for j in near[:NEAREST]:
            first[i, j] = 1.0 / NEAREST
        for j in near[NEAREST : 2 * NEAREST]:
            second[i, j] = 1.0 / NEAREST
    return sparse.csr_matrix(first), sparse.csr_matrix(second)


def build_features(panel: Panel, horizon: int) -> FeatureSet:
    """Features of every area and month of ``panel`` for a forecast ``horizon`` months ahead."""
    fatal = panel.fatal
    log_events = np.log1p(panel.events)
    log_fat = np.log1p(panel.fatalities)
    cols: dict[str, np.ndarray] = {}
    for lag in LAGS:
        cols[f"fatal_lag{lag}"] = lagged(fatal, lag)
        cols[f"log_events_lag{lag}"] = lagged(log_events, lag)
        cols[f"log_fatalities_lag{lag}"] = lagged(log_fat, lag)
    decays = {hl: decayed(fatal, hl) for hl in HALF_LIVES}
    for hl in HALF_LIVES:
        cols[f"fatal_decay{hl}"] = decays[hl]
        cols[f"log_fatalities_decay{hl}"] = decayed(log_fat, hl)
    cols["fatal_rate"] = running_mean(fatal)
    cols["mean_log_fatalities"] = running_mean(log_fat)
    cols["months_since_fatal"] = months_since(fatal)
    cols["months_since_event"] = months_since(panel.events)
    first, second = neighbour_rings(panel)
    for name, ring in (("ring1", first), ("ring2", second)):
        cols[f"{name}_fatal"] = ring @ fatal
        cols[f"{name}_fatal_decay3"] = ring @ decays[3]
        cols[f"{name}_fatal_decay12"] = ring @ decays[12]
    share = fatal.mean(axis=0, keepdims=True) if panel.n_areas else np.zeros((1, fatal.shape[1]))
    cols["mission_fatal_share"] = np.broadcast_to(share, fatal.shape)
    cols["mission_fatal_share_decay3"] = np.broadcast_to(decayed(share, 3), fatal.shape)
    total = np.log1p(panel.fatalities.sum(axis=0, keepdims=True))
    cols["mission_log_fatalities"] = np.broadcast_to(total, fatal.shape)
    cols["log_actors_12m"] = np.log1p(panel.actor_diversity)
    target_month = (panel.start + np.arange(panel.n_months) + horizon) % 12
    angle = 2 * np.pi * target_month / 12
    cols["season_sin"] = np.broadcast_to(np.sin(angle), fatal.shape)
    cols["season_cos"] = np.broadcast_to(np.cos(angle), fatal.shape)
    cols["season_share"] = seasonal_share(fatal, horizon)
    cols["presence"] = panel.presence
    cols["ring1_presence"] = (first > 0).astype(float) @ panel.presence
    names = list(cols)
    values = np.stack([cols[n] for n in names], axis=-1).astype(np.float32)
    return FeatureSet(names, values)


def targets(panel: Panel, horizon: int) -> tuple[np.ndarray, np.ndarray]:
    """(fatal month, log(1+fatalities)) ``horizon`` months after each month; NaN past the end."""
    fatal = np.full(panel.events.shape, np.nan)
    log_fat = np.full(panel.events.shape, np.nan)
    if horizon < panel.n_months:
        fatal[:, :-horizon] = panel.fatal[:, horizon:]
        log_fat[:, :-horizon] = np.log1p(panel.fatalities[:, horizon:])
    return fatal, log_fat
