"""Transition readiness by benchmark area and by admin area (Capstone §10.2, §6.1): the latest
assessment of each, beside the state of the indicators that should back it, the hand-over plan
by province and the liquidation asset register in sums."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from bluehelmet.benchmarks.models import BenchmarkArea, ReadinessAssessment
from bluehelmet.benchmarks.verdicts import JudgedIndicator, judge_mission, scoped
from bluehelmet.lifecycle.models import (
    AssetDisposal,
    DisposalMethod,
    DisposalStatus,
    HandoverItem,
    HandoverStatus,
)


def latest_assessments(mission: Any, user: Any) -> list[ReadinessAssessment]:
    """The newest assessment of each area the user may see (older ones are history)."""
    rows = scoped(ReadinessAssessment.objects, user).filter(mission=mission)
    latest: dict[tuple[str, str], ReadinessAssessment] = {}
    for row in rows.order_by("assessed_on", "pk"):
        latest[(row.area, row.admin1)] = row
    return list(latest.values())


def _assessment(found: ReadinessAssessment | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {
        "id": found.pk,
        "level": found.level,
        "level_label": str(found.get_level_display()),
        "assessed_on": found.assessed_on.isoformat(),
        "rationale": found.rationale,
    }


def by_area(
    latest: list[ReadinessAssessment], judged: list[JudgedIndicator]
) -> list[dict[str, Any]]:
    """Each benchmark area: its latest assessment and its indicators' open flags."""
    rows = []
    for area in BenchmarkArea:
        mine = [j for j in judged if j.indicator.benchmark.area == area]
        found = next((a for a in latest if a.area == area), None)
        rows.append(
            {
                "area": area.value,
                "label": str(area.label),
                "assessment": _assessment(found),
                "indicators": len(mine),
                "open_flags": sum(len(j.flags) for j in mine),
            }
        )
    return rows


def by_admin_area(latest: list[ReadinessAssessment]) -> list[dict[str, Any]]:
    return [
        {"admin1": a.admin1, "assessment": _assessment(a)}
        for a in sorted(latest, key=lambda a: a.admin1)
        if a.admin1
    ]


def summary(mission: Any, user: Any) -> dict[str, Any]:
    latest = latest_assessments(mission, user)
    judged = judge_mission(mission, user)
    return {
        "mission": mission.code,
        "areas": by_area(latest, judged),
        "admin_areas": by_admin_area(latest),
    }


def handover_by_area(items: list[HandoverItem]) -> dict[str, dict[str, int]]:
    """Per province (``""``: nationwide), how many items are planned and handed over."""
    found: dict[str, dict[str, int]] = {}
    for item in items:
        row = found.setdefault(item.admin1, {"items": 0, "handed_over": 0})
        row["items"] += 1
        row["handed_over"] += item.status == HandoverStatus.HANDED_OVER
    return found


def asset_totals(assets: list[AssetDisposal]) -> list[dict[str, Any]]:
    """Value of the register by disposal method, the undecided last."""
    values: dict[str, Decimal] = {}
    counts: Counter[str] = Counter()
    for a in assets:
        key = a.method if a.status != DisposalStatus.UNDECIDED else ""
        values[key] = values.get(key, Decimal(0)) + a.value
        counts[key] += 1
    labels = {**{m.value: str(m.label) for m in DisposalMethod}, "": "—"}
    return [
        {"method": labels[k], "assets": counts[k], "value": values.get(k, Decimal(0))}
        for k in [*DisposalMethod.values, ""]
        if counts[k]
    ]
