"""The mission's support picture (Capstone §8.1-8.3), read once for the dashboard page, its
API and the overview panel: self-sufficiency countdowns, serviceability by contingent over
time, open and overdue logistics requests by unit, premises compliance, training compliance
and every verdict."""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from django.utils import timezone

from bluehelmet.core.audit import log_reads
from bluehelmet.support import models as m
from bluehelmet.support import readings
from bluehelmet.support.training import training_compliance
from bluehelmet.support.verdicts import SupportJudgement, judge_mission


def countdowns(mission: Any, user: Any, today: datetime.date) -> list[dict[str, Any]]:
    """Each contingent's self-sufficiency: the day UN contracts must take over, days left, and
    the status of its rations, water and fuel contracts."""
    periods = readings.scoped(m.SelfSufficiency.objects, user).filter(mission=mission)
    periods = list(periods.select_related("contingent").prefetch_related("contracts"))
    log_reads(user, periods)
    rows = []
    for p in periods:
        contracts = {c.commodity: c for c in p.contracts.all()}
        ends = p.ends_on
        rows.append(
            {
                "id": p.pk,
                "contingent": str(p.contingent),
                "days": p.days,
                "ends_on": ends.isoformat() if ends else None,
                "days_left": (ends - today).days if ends else None,
                "contracts": {
                    c.value: contracts[c.value].status if c.value in contracts else None
                    for c in m.Commodity
                },
                "contract_labels": [
                    str(contracts[c.value].get_status_display()) if c.value in contracts else ""
                    for c in m.Commodity
                ],
            }
        )
    return sorted(rows, key=lambda r: (r["days_left"] is None, r["days_left"] or 0))


def serviceability(mission: Any, user: Any) -> list[dict[str, Any]]:
    """Per MOU, every inspection's serviceable share, oldest first (the line of the chart)."""
    return [
        {
            "lease": lease_id,
            "contingent": found[0].contingent,
            "points": [
                {"on": r.inspected_on.isoformat() if r.inspected_on else None, "percent": r.percent}
                for r in found
            ],
        }
        for lease_id, found in readings.serviceability_history(mission, user).items()
        if found
    ]


def requests_by_unit(mission: Any, user: Any, today: datetime.date) -> list[dict[str, Any]]:
    """Open and overdue logistics requests per requesting unit, most overdue first."""
    is_open, overdue = readings.open_requests_q(today)
    seen = readings.scoped(m.SupplyRequest.objects, user).filter(mission=mission)
    opened = Counter(seen.filter(is_open).values_list("requesting_unit__name", flat=True))
    late = Counter(seen.filter(overdue).values_list("requesting_unit__name", flat=True))
    rows = [{"unit": u, "open": n, "overdue": late.get(u, 0)} for u, n in opened.items()]
    return sorted(rows, key=lambda r: (-r["overdue"], -r["open"], r["unit"]))


def summary(mission: Any, user: Any, today: datetime.date | None = None) -> dict[str, Any]:
    """Everything the dashboard shows, JSON-ready."""
    day = today or timezone.now().date()
    judged: SupportJudgement = judge_mission(mission, user, day)
    return {
        "mission": mission.code,
        "today": day.isoformat(),
        "countdowns": countdowns(mission, user, day),
        "serviceability": serviceability(mission, user),
        "requests_by_unit": requests_by_unit(mission, user, day),
        "training": [c.as_dict() for c in training_compliance(mission, user=user, today=day)],
        "open_flags": len(judged.open_flags),
        "verdicts": {
            "contracts": [v.as_dict() for v in judged.contracts],
            "equipment": [v.as_dict() for v in judged.equipment],
            "premises": [v.as_dict() for v in judged.premises],
            "security": [v.as_dict() for v in judged.security],
            "training": [v.as_dict() for v in judged.training],
        },
    }
