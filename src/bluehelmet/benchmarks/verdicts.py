"""Judging a mission's indicators (Capstone §10.2): every rule on every indicator the reader may
see, read from the observations the reader may see, each flag marked with the decision taken on
it. What a report to the Council must carry is read here too."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bluehelmet.benchmarks.models import BenchmarkVerdictOverride, Indicator, Observation
from bluehelmet.benchmarks.rules import (
    MARGIN_KEY,
    RULES,
    WINDOW_KEY,
    IndicatorReadings,
    IndicatorVerdict,
)
from bluehelmet.core.parameters import parameter
from bluehelmet.principles.overrides import describe

Overrides = dict[tuple[str, str], BenchmarkVerdictOverride]


@dataclass
class JudgedIndicator:
    indicator: Indicator
    observations: list[Observation]
    verdicts: list[IndicatorVerdict]

    @property
    def flags(self) -> list[IndicatorVerdict]:
        return [v for v in self.verdicts if v.flagged and not v.dismissed]


def scoped(queryset: Any, user: Any) -> Any:
    """What ``user`` may see; the system (``None``: the demo, a report job) reads everything."""
    return queryset if user is None else queryset.restrict(user)


def overrides_for(mission_id: int, user: Any) -> Overrides:
    rows = scoped(BenchmarkVerdictOverride.objects, user).filter(mission_id=mission_id)
    return {(o.rule, o.subject): o for o in rows.select_related("decided_by")}


def judge(readings: IndicatorReadings, overrides: Overrides) -> list[IndicatorVerdict]:
    verdicts = [v for rule in RULES for v in rule(readings)]
    for v in verdicts:
        found = overrides.get((v.code, v.subject)) if v.flagged else None
        v.override = describe(found) if found is not None else None  # type: ignore[arg-type]
    return verdicts


def judge_mission(mission: Any, user: Any, indicators: Any = None) -> list[JudgedIndicator]:
    """Every indicator of ``mission`` the user may see (or ``indicators``), judged."""
    if indicators is None:
        indicators = scoped(Indicator.objects, user).filter(mission=mission)
    indicators = list(indicators.select_related("benchmark", "mission"))
    seen = scoped(Observation.objects, user).filter(indicator__in=indicators)
    by_indicator: dict[int, list[Observation]] = defaultdict(list)
    for o in seen.order_by("observed_on", "pk"):
        by_indicator[o.indicator_id].append(o)
    window = parameter(mission.pk, WINDOW_KEY)
    margin = Decimal(parameter(mission.pk, MARGIN_KEY)) / 100
    overrides = overrides_for(mission.pk, user)
    judged = []
    for ind in indicators:
        readings = IndicatorReadings(ind, by_indicator[ind.pk], window, margin)
        judged.append(JudgedIndicator(ind, readings.observations, judge(readings, overrides)))
    return judged


def must_report(judged: list[JudgedIndicator]) -> list[JudgedIndicator]:
    """Indicators whose deterioration stands (flagged and not dismissed with a reason): the next
    report to the Council may not leave them out (Capstone §10.2)."""
    return [j for j in judged if any(v.code == "deterioration" for v in j.flags)]
