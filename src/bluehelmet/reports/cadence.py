"""How often the Secretary-General reported on a mission, measured from real report metadata
(Capstone §7.1: Headquarters reports to the Council on each mission; §9.1, §10.1).

The PACT 2.0 dataset (Otto et al., doi:10.7910/DVN/TQ8ETA; ``pact2_sg_reports_start.csv`` in
the shared peacekeeping data, semicolon-separated) lists the reports on 25 missions with their
dates. A mission's cadence is the median number of days between two consecutive reports; the
default cadence of a new mission's calendar is the median of those medians, stored below as a
constant so that a server without the data still has it (a test recomputes it from the file).
"""

from __future__ import annotations

import csv
import datetime
import itertools
import statistics
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

# The median, over the 21 missions with two reports or more, of each mission's median gap.
MEASURED_CADENCE_DAYS = 91
MIN_CADENCE_DAYS, MAX_CADENCE_DAYS = 7, 366


def report_dates(rows: Iterable[dict[str, str]]) -> dict[str, list[datetime.date]]:
    """Each mission's report dates, sorted and without repeats. The mission is the part of
    ``report_namePKO`` before the first underscore (``UNMIK_S/2003/113``); rows without a
    readable date are left out (the file has none today, but a later release might)."""
    found: dict[str, set[datetime.date]] = defaultdict(set)
    for row in rows:
        mission = (row.get("report_namePKO") or "").split("_", 1)[0].strip()
        try:
            day = datetime.date.fromisoformat((row.get("reportDate") or "").strip())
        except ValueError:
            continue
        if mission:
            found[mission].add(day)
    return {m: sorted(days) for m, days in found.items()}


def median_gaps(dates: dict[str, list[datetime.date]]) -> dict[str, float]:
    """Median days between consecutive reports, for missions with at least two reports."""
    gaps = {}
    for mission, days in dates.items():
        between = [(b - a).days for a, b in itertools.pairwise(days)]
        if between:
            gaps[mission] = float(statistics.median(between))
    return gaps


def measure(path: Path) -> dict[str, float]:
    """Per mission, the median gap between reports in a PACT 2.0 ``reports_start`` file."""
    with path.open(encoding="utf-8", newline="") as handle:
        return median_gaps(report_dates(csv.DictReader(handle, delimiter=";")))


def typical_cadence(gaps: dict[str, float]) -> int:
    """The median of the missions' medians, in whole days (the calendar's default)."""
    if not gaps:
        return MEASURED_CADENCE_DAYS
    return round(statistics.median(gaps.values()))
