"""Synthetic UCDP GED events for the JOC benchmark: same 48 columns as the real extract; and
the same events as ACLED exports (31 columns) and HXL-tagged tables (our export's columns).

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
from collections.abc import Callable, Iterator
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
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(ref.header)
        writer.writerows(_events(ref, count, seed))
    return ref


def _events(ref: Reference, count: int, seed: int) -> Iterator[list[str]]:
    rng = random.Random(seed)  # noqa: S311  (synthetic data, not secrets)
    col = {name: i for i, name in enumerate(ref.header)}
    years = rng.choices(range(FIRST_YEAR, FIRST_YEAR + YEARS), ref.year_weights, k=count)
    months = rng.choices(range(1, 13), ref.month_weights, k=count)
    for n in range(count):
        row = list(rng.choice(ref.rows))
        _move(row, col, rng, years[n], months[n])
        row[col["id"]] = str(FIRST_ID + n)
        yield row


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


# -- the same events in the ACLED and HXL formats -------------------------------------------

ACLED_HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
# GED type_of_violence -> ACLED (event type, sub-event type, second actor's interaction code)
ACLED_TYPES = {
    "1": ("Battles", "Armed clash", "Rebel group"),
    "2": ("Battles", "Armed clash", "Rebel group"),
    "3": ("Violence against civilians", "Attack", "Civilians"),
}
TIME_PRECISION = {"1": "1", "2": "2", "3": "2", "4": "3", "5": "3"}  # GED date_prec -> ACLED
GEO_PRECISION = {"1": "1", "2": "2", "3": "2"}  # GED where_prec -> ACLED; coarser: 3


def _acled(row: dict[str, str]) -> list[str]:
    event, sub, inter2 = ACLED_TYPES[row["type_of_violence"]]
    state = row["type_of_violence"] == "1"
    day = datetime.date.fromisoformat(row["date_start"][:10])
    stamp = int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC).timestamp())
    values = {
        "event_id_cnty": f"SYN{row['id']}", "event_date": day.isoformat(),
        "year": str(day.year), "time_precision": TIME_PRECISION.get(row["date_prec"], "3"),
        "disorder_type": "Political violence", "event_type": event, "sub_event_type": sub,
        "actor1": row["side_a"], "inter1": "State forces" if state else "Rebel group",
        "actor2": row["side_b"], "inter2": inter2, "interaction": "",
        "civilian_targeting": "Civilian targeting" if inter2 == "Civilians" else "",
        "iso": "140", "region": "Middle Africa", "country": row["country"],
        "admin1": row["adm_1"], "admin2": row["adm_2"], "admin3": "",
        "location": row["where_coordinates"], "latitude": row["latitude"],
        "longitude": row["longitude"], "geo_precision": GEO_PRECISION.get(row["where_prec"], "3"),
        "source": row["source_office"] or row["source_original"], "source_scale": "National",
        "notes": row["where_description"], "fatalities": row["best"], "tags": "",
        "timestamp": str(stamp),
    }  # fmt: skip
    return [values.get(name, "") for name in ACLED_HEADER]


HXL_COLUMNS = (
    ("reference", "#event+code"), ("occurred_at", "#date+occurred"),
    ("occurred_until", "#date+end"), ("date_precision", "#date+precision"),
    ("category", "#event+type+code"),
    ("title", "#event+name"), ("actor1", "#group+name+first"), ("actor2", "#group+name+second"),
    ("killed", "#affected+killed"), ("civilians_killed", "#affected+killed+civilians"),
    ("admin1", "#adm1+name"), ("admin2", "#adm2+name"), ("location_name", "#loc+name"),
    ("latitude", "#geo+lat"), ("longitude", "#geo+lon"), ("location_precision", "#geo+precision"),
    ("description", "#description"), ("source_reference", "#meta+source+ref"),
    ("reliability", "#meta+reliability"), ("credibility", "#meta+credibility"),
)  # fmt: skip
HXL_CATEGORY = {"1": "clash-state", "2": "clash-non-state", "3": "attack-civilians"}


def _hxl(row: dict[str, str]) -> list[str]:
    values = {
        "reference": f"SYN-{row['id']}", "occurred_at": row["date_start"] + "Z",
        "occurred_until": row["date_end"] + "Z" if row["date_end"] else "",
        "date_precision": row["date_prec"], "category": HXL_CATEGORY[row["type_of_violence"]],
        "title": row["dyad_name"], "actor1": row["side_a"], "actor2": row["side_b"],
        "killed": row["best"], "civilians_killed": row["deaths_civilians"],
        "admin1": row["adm_1"], "admin2": row["adm_2"], "location_name": row["where_coordinates"],
        "latitude": row["latitude"], "longitude": row["longitude"],
        "location_precision": row["where_prec"], "description": row["where_description"],
        "source_reference": row["source_article"], "reliability": "B", "credibility": "3",
    }  # fmt: skip
    return [values[name] for name, _tag in HXL_COLUMNS]


def write_format(path: Path, count: int, kind: str, seed: int = 4) -> None:
    """``count`` synthetic events as a GED file, an ACLED export or an HXL-tagged table."""
    if kind == "ged":
        write_events(path, count, seed)
        return
    ref = load_reference()
    convert: Callable[[dict[str, str]], list[str]] = _acled if kind == "acled" else _hxl
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        if kind == "acled":
            writer.writerow(ACLED_HEADER)
        else:
            writer.writerow([name for name, _tag in HXL_COLUMNS])
            writer.writerow([tag for _name, tag in HXL_COLUMNS])
        for row in _events(ref, count, seed):
            writer.writerow(convert(dict(zip(ref.header, row, strict=True))))


def count_rows(path: Path) -> int:
    """Data rows of a CSV file (records, not lines: quoted values may span lines)."""
    with path.open(newline="", encoding="utf-8") as handle:
        return max(sum(1 for _ in csv.reader(handle)) - 1, 0)
