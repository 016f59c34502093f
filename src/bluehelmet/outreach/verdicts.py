"""The outreach flags of one mission as a reader may see them (Capstone §9.1-9.2, §7.2): every
rule on every record the reader may see, each flag marked with the decision taken on it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from bluehelmet.core.parameters import parameter
from bluehelmet.core.verdicts import RuleVerdict
from bluehelmet.outreach import rules
from bluehelmet.outreach.models import (
    ActionItem,
    ImpactIndicator,
    ImpactObservation,
    OutreachVerdictOverride,
    Rumour,
)
from bluehelmet.principles.overrides import describe

Overrides = dict[tuple[str, str], OutreachVerdictOverride]


def scoped(queryset: Any, user: Any) -> Any:
    """What ``user`` may see; the system (``None``: the demo) reads everything."""
    return queryset if user is None else queryset.restrict(user)


def overrides_for(mission: Any, user: Any) -> Overrides:
    rows = scoped(OutreachVerdictOverride.objects, user).filter(mission=mission)
    return {(o.rule, o.subject): o for o in rows.select_related("decided_by")}


def mark(verdict: RuleVerdict, overrides: Overrides) -> RuleVerdict:
    found = overrides.get((verdict.code, verdict.subject)) if verdict.flagged else None
    verdict.override = describe(found) if found is not None else None  # type: ignore[arg-type]
    return verdict


@dataclass
class Judged:
    """A record and its verdict."""

    record: Any
    verdict: RuleVerdict
    extra: dict[str, Any] = field(default_factory=dict)


def judge_impact(mission: Any, user: Any, overrides: Overrides | None = None) -> list[Judged]:
    indicators = list(
        scoped(ImpactIndicator.objects, user).filter(mission=mission).select_related("org_unit")
    )
    seen = scoped(ImpactObservation.objects, user).filter(indicator__in=indicators)
    readings: dict[int, list[ImpactObservation]] = defaultdict(list)
    for o in seen.order_by("observed_on", "pk"):
        readings[o.indicator_id].append(o)
    overrides = overrides_for(mission, user) if overrides is None else overrides
    return [
        Judged(
            i, mark(rules.impact_breach(i, readings[i.pk]), overrides), {"readings": readings[i.pk]}
        )
        for i in indicators
    ]


def judge_actions(mission: Any, user: Any, overrides: Overrides | None = None) -> list[Judged]:
    today = timezone.localdate()
    items = scoped(ActionItem.objects, user).filter(mission=mission).select_related("meeting")
    overrides = overrides_for(mission, user) if overrides is None else overrides
    return [Judged(i, mark(rules.action_overdue(i, today), overrides)) for i in items]


def judge_rumours(mission: Any, user: Any, overrides: Overrides | None = None) -> list[Judged]:
    now, hours = timezone.now(), parameter(mission.pk, rules.RESPONSE_KEY)
    found = scoped(Rumour.objects, user).filter(mission=mission)
    overrides = overrides_for(mission, user) if overrides is None else overrides
    return [Judged(r, mark(rules.rumour_unanswered(r, now, hours), overrides)) for r in found]


def open_flags(judged: list[Judged]) -> list[Judged]:
    """Flags standing: flagged and not dismissed with a reason."""
    return [j for j in judged if j.verdict.flagged and not j.verdict.dismissed]
