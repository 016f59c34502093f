"""Synthetic UCDP GED events for the JOC benchmark: same 48 columns as the real extract.

Every synthetic event starts from a real event of the Central African Republic extract (so
actors, dyads, violence types, precisions, admin areas, fatality figures and text lengths keep
their joint distribution) and is moved in time and space: a date in a ten-year span (years and
months weighted as in the real file, so seasonality and escalations survive), a point jittered
around the real one within the country's bounding box, and a unique id.
"""

from __future__ import annotations

import csv
import datetime
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REFERENCE = Path("/work/shared/data/ucdp/ged_v23_1_central_african_republic.csv")
FIRST_YEAR, YEARS = 2013, 10
BBOX = (14.4, 2.2, 27.5, 11.0)  # minlon, minlat, maxlon, maxlat: the CAR, a country-sized box
FIRST_ID = 10_000_001  # above every real GED id, so synthetic ids never collide with real ones
JITTER_DEG = {1: 0.05, 2: 0.2, 3: 0.4, 4: 0.8}  # by where_prec; coarser precisions: 1 degree


class SynthError(RuntimeError):
    """The reference file is missing or unusable."""


@dataclass(frozen=True)
class Reference:
    header: list[str]
    rows: list[list[str]]
    year_weights: list[float]  # FIRST_YEAR .. FIRST_YEAR + YEARS - 1
    month_weights: list[float]  # January .. December


def load_reference(path: Path = REFERENCE) -> Reference:
    """The real events, and the weight of each year and month among them."""
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            rows = [row for row in reader if len(row) == len(header)]
    except (OSError, StopIteration) as exc:
        raise SynthError(f"cannot read the GED reference file {path}: {exc}") from exc
    start = header.index("date_start")
    years: Counter[int] = Counter()
    months: Counter[int] = Counter()
    for row in rows:
        day = datetime.date.fromisoformat(row[start][:10])
        years[day.year] += 1
        months[day.month] += 1
    span = range(FIRST_YEAR, FIRST_YEAR + YEARS)
    return Reference(
        header,
        rows,
        [years[y] + 1.0 for y in span],
        [months[m] + 1.0 for m in range(1, 13)],
    )


def write_events(path: Path, count: int, seed: int = 4) -> Reference:
    """Write ``count`` synthetic GED events to ``path`` (CSV, the reference's header)."""
    ref = load_reference()
    rng = random.Random(seed)  # noqa: S311  (synthetic data, not secrets)
    col = {name: i for i, name in enumerate(ref.header)}
    years = rng.choices(range(FIRST_YEAR, FIRST_YEAR + YEARS), ref.year_weights, k=count)
    months = rng.choices(range(1, 13), ref.month_weights, k=count)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(ref.header)
        for n in range(count):
            row = list(rng.choice(ref.rows))
            _move(row, col, rng, years[n], months[n])
            row[col["id"]] = str(FIRST_ID + n)
            writer.writerow(row)
    return ref


def _move(row: list[str], col: dict[str, int], rng: random.Random, year: int, month: int) -> None:
    """Give the copied event a new date (same duration) and a jittered point in the bbox."""
    start = datetime.date.fromisoformat(row[col["date_start"]][:10])
    end_text = row[col["date_end"]][:10]
    duration = (datetime.date.fromisoformat(end_text) - start).days if end_text else 0
    new_start = datetime.date(year, month, rng.randint(1, 28 if month == 2 else 30))
    new_end = new_start + datetime.timedelta(days=max(duration, 0))
    row[col["date_start"]] = f"{new_start.isoformat()}T00:00:00"
    row[col["date_end"]] = f"{new_end.isoformat()}T00:00:00"
    row[col["year"]] = str(year)
    precision = int(row[col["where_prec"]] or 6)
    sigma = JITTER_DEG.get(precision, 1.0)
    lon = float(row[col["longitude"]]) + rng.gauss(0, sigma)
    lat = float(row[col["latitude"]]) + rng.gauss(0, sigma)
    row[col["longitude"]] = f"{min(max(lon, BBOX[0]), BBOX[2]):.6f}"
    row[col["latitude"]] = f"{min(max(lat, BBOX[1]), BBOX[3]):.6f}"


def count_rows(path: Path) -> int:
    """Data rows of a CSV file (records, not lines: quoted values may span lines)."""
    with path.open(newline="", encoding="utf-8") as handle:
        return max(sum(1 for _ in csv.reader(handle)) - 1, 0)
