"""Helpers shared by the tests/test_progress_*.py files (the benchmarks app; named "progress" so
they are not confused with the performance scripts in ``benchmarks/``): a benchmark with one
indicator and readings from the mission and from independent sources (Capstone §10.2)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from bluehelmet.benchmarks import models as m

D = datetime.date


def benchmark(mission: Any, code: str = "B1", area: str = "security", **extra: Any) -> Any:
    return m.Benchmark.objects.create(
        mission=mission,
        code=code,
        title=extra.pop("title", f"Benchmark {code}"),
        area=area,
        **extra,
    )


def indicator(bench: Any, name: str = "Civilians killed per quarter", **extra: Any) -> Any:
    fields = {
        "unit": "people",
        "baseline": Decimal(120),
        "target": Decimal(20),
        "direction": "decrease",
        **extra,
    }
    return m.Indicator.objects.create(benchmark=bench, name=name, **fields)


def observe(ind: Any, day: Any, value: Any, kind: str, source: str, **extra: Any) -> Any:
    independent = extra.pop("independent", kind not in m.MISSION_SOURCES)
    return m.Observation.objects.create(
        indicator=ind,
        observed_on=day,
        value=Decimal(value),
        source_kind=kind,
        source_name=source,
        independent=independent,
        **extra,
    )


def optimistic_indicator(mission: Any) -> Any:
    """The mission reads killings falling fast; two independent sources see them flat."""
    ind = indicator(benchmark(mission))
    for day, own, ngo, survey in (
        (D(2026, 3, 31), 80, 110, 112),
        (D(2026, 6, 30), 60, 108, 105),
    ):
        observe(ind, day, own, "self_assessment", "Mission self-assessment")
        observe(ind, day, ngo, "independent_research", "Conflict research institute")
        observe(ind, day, survey, "survey", "Household survey")
    return ind
