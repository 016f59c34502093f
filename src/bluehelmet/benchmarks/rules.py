"""Rules on benchmark indicators (Capstone §10.2), judged on one indicator's observations.

Each rule is a small function of an ``IndicatorReadings`` returning verdicts in plain words:
``flagged`` when it finds the indicator wanting, ``met`` when it does not. They advise; a leader
may accept or dismiss a flag with a recorded reason (``actions.do_override_benchmark_verdict``),
shown beside it as for every app's verdicts (``principles.overrides.describe``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.benchmarks.models import Indicator, Observation, SourceKind
from bluehelmet.core.registry import ParameterSpec
from bluehelmet.core.verdicts import FLAGGED, MET, RuleVerdict
from bluehelmet.planning.models import Direction, IndicatorLevel

CITE = "Capstone §10.2"
# A self-assessment is compared with independent readings taken this many days either side.
PAIR_DAYS = 45
# Over-optimism is "persistent" when the latest this many comparisons all show it.
PERSISTENT = 2

WINDOW_KEY, MARGIN_KEY = "benchmark-window-days", "benchmark-margin-percent"
WINDOW = ParameterSpec(
    WINDOW_KEY,
    _l("Days of observations an indicator is judged on"),
    180,
    _l("days"),
    30,
    730,
    CITE,
    _l(
        "How far back the sources of the latest reading are counted; the doctrine asks for "
        "independent validation, not for a period."
    ),
    weight=80,
)
MARGIN = ParameterSpec(
    MARGIN_KEY,
    _l("Gap between readings that counts (per cent of the way to the target)"),
    10,
    _l("%"),
    1,
    100,
    CITE,
    _l(
        "A self-assessment this much better than independent readings is over-optimistic; a "
        "reading this much worse than the source's previous one is a deterioration."
    ),
    weight=81,
)


IndicatorVerdict = RuleVerdict  # an indicator verdict: the shared shape (core.verdicts)


@dataclass
class IndicatorReadings:
    """What the rules read: one indicator, its observations oldest first, and the numbers the
    mission judges by."""

    indicator: Indicator
    observations: list[Observation]
    window_days: int = 180
    margin: Decimal = Decimal("0.10")

    @property
    def subject(self) -> str:
        return f"indicator:{self.indicator.pk}"

    def span(self, reference: Decimal) -> Decimal:
        """The distance readings are measured in: baseline to target, or the reading itself."""
        ind = self.indicator
        if ind.baseline is not None and ind.baseline != ind.target:
            return abs(ind.target - ind.baseline)
        return max(abs(reference), Decimal(1))

    def better_by(self, mine: Decimal, theirs: Decimal) -> Decimal:
        """How much better ``mine`` reads than ``theirs``, as a share of the span."""
        ind, span = self.indicator, self.span(theirs)
        if ind.direction == Direction.MAINTAIN:
            return (abs(theirs - ind.target) - abs(mine - ind.target)) / span
        sign = 1 if ind.direction == Direction.INCREASE else -1
        return sign * (mine - theirs) / span


def _v(code: str, name: str, flagged: bool, text: str, subject: str) -> IndicatorVerdict:
    return IndicatorVerdict(code, name, FLAGGED if flagged else MET, text, CITE, subject)


def outcome_not_input(r: IndicatorReadings) -> list[IndicatorVerdict]:
    """Indicators measure outcomes, not what the mission puts in or turns out (§10.2)."""
    level = r.indicator.level
    flagged = level != IndicatorLevel.OUTCOME
    text = (
        _(
            "“%(n)s” counts the mission's %(l)s, not a change in the country: it shows effort, "
            "not progress."
        )
        % {"n": r.indicator.name, "l": r.indicator.get_level_display().lower() + "s"}
        if flagged
        else _("It measures an outcome.")
    )
    return [_v("not-outcome", _("Measures an outcome"), flagged, text, r.subject)]


def independent_sources(r: IndicatorReadings) -> list[IndicatorVerdict]:
    """At least two sources independent of the mission back the latest readings (§10.2)."""
    name = _("Two independent sources")
    if not r.observations:
        text = _("No observation yet: it cannot be judged.")
        return [_v("few-sources", name, True, text, r.subject)]
    since = r.observations[-1].observed_on - datetime.timedelta(days=r.window_days)
    recent = [o for o in r.observations if o.observed_on >= since]
    sources = sorted({o.source_name for o in recent if o.independent})
    if len(sources) >= 2:
        text = _("Independent sources: %(s)s.") % {"s": ", ".join(sources)}
        return [_v("few-sources", name, False, text, r.subject)]
    text = _(
        "In the %(d)d days to %(last)s it rests on %(n)d independent source(s)%(who)s; at least "
        "two are needed before progress is claimed."
    ) % {
        "d": r.window_days,
        "last": r.observations[-1].observed_on,
        "n": len(sources),
        "who": f" ({sources[0]})" if sources else "",
    }
    return [_v("few-sources", name, True, text, r.subject)]


def comparisons(r: IndicatorReadings) -> list[tuple[Observation, Decimal, Decimal]]:
    """Each self-assessment with the mean of the independent readings near it, oldest first."""
    independent = [o for o in r.observations if o.independent]
    found = []
    for own in r.observations:
        if own.source_kind != SourceKind.SELF_ASSESSMENT:
            continue
        near = [
            o.value for o in independent if abs((o.observed_on - own.observed_on).days) <= PAIR_DAYS
        ]
        if near:
            mean = sum(near, Decimal(0)) / len(near)
            found.append((own, mean, r.better_by(own.value, mean)))
    return found


def over_optimism(r: IndicatorReadings) -> list[IndicatorVerdict]:
    """The mission's self-assessment is compared with independent readings; persistent
    over-optimism is flagged (§10.2)."""
    name = _("Self-assessment agrees with independent sources")
    pairs = comparisons(r)
    if not pairs:
        return []
    latest = pairs[-PERSISTENT:]
    flagged = len(latest) == PERSISTENT and all(gap > r.margin for _o, _m, gap in latest)
    own, theirs, gap = pairs[-1]
    text = _(
        "On %(d)s the mission read %(mine)s where independent sources read %(theirs)s "
        "(%(gap)s%% of the way to the target apart)."
    ) % {
        "d": own.observed_on,
        "mine": own.value,
        "theirs": round(theirs, 2),
        "gap": round(gap * 100),
    }
    if flagged:
        text = _("Over-optimistic in the last %(n)d comparisons. ") % {"n": PERSISTENT} + text
    return [_v("over-optimism", name, flagged, text, r.subject)]


def _beyond_threshold(ind: Indicator, value: Decimal) -> bool:
    if ind.threshold is None:
        return False
    if ind.direction == Direction.DECREASE:
        return value > ind.threshold
    if ind.direction == Direction.INCREASE:
        return value < ind.threshold
    return abs(value - ind.target) > abs(ind.threshold - ind.target)


def deterioration(r: IndicatorReadings) -> list[IndicatorVerdict]:
    """A reading worse than its source's previous one, or beyond the threshold, must be in the
    next report: deterioration is reported, never hidden (§10.2)."""
    name = _("No deterioration")
    if not r.observations:
        return []
    worse: list[str] = []
    for source in {o.source_name for o in r.observations}:
        own = [o for o in r.observations if o.source_name == source]
        last = own[-1]
        if len(own) > 1 and r.better_by(last.value, own[-2].value) < -r.margin:
            worse.append(
                _("%(s)s: %(a)s on %(da)s, %(b)s on %(db)s")
                % {
                    "s": source,
                    "a": own[-2].value,
                    "da": own[-2].observed_on,
                    "b": last.value,
                    "db": last.observed_on,
                }
            )
        elif _beyond_threshold(r.indicator, last.value):
            worse.append(
                _("%(s)s: %(b)s on %(db)s, beyond the threshold of %(t)s")
                % {"s": source, "b": last.value, "db": last.observed_on, "t": r.indicator.threshold}
            )
    latest = r.observations[-1].observed_on
    subject = f"{r.subject}|since:{latest.isoformat()}"
    if not worse:
        return [_v("deterioration", name, False, _("No source reads worse."), subject)]
    text = _("Worse: %(w)s. It must appear in the next report to the Council.") % {
        "w": "; ".join(sorted(worse))
    }
    return [_v("deterioration", name, True, text, subject)]


RULES: tuple[Callable[[IndicatorReadings], list[IndicatorVerdict]], ...] = (
    outcome_not_input,
    independent_sources,
    over_optimism,
    deterioration,
)
RULE_CODES = ("not-outcome", "few-sources", "over-optimism", "deterioration")
