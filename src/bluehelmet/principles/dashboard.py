"""The principles dashboard data for one mission (Capstone §3.1, §2.3).

Everything is read through the caller's restricted querysets: a user without the confidential
clearance gets empty sections, never counts of records they may not see.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from bluehelmet.core.audit import log_reads
from bluehelmet.core.models import Mission
from bluehelmet.principles import models as m
from bluehelmet.principles.rules import consent, impartiality, protection


def principles_summary(
    mission: Mission, user: Any, as_of: datetime.date | None = None
) -> dict[str, Any]:
    as_of = as_of or timezone.now().date()
    events_list = list(
        m.ConsentEvent.objects.restrict(user)
        .filter(mission=mission)
        .select_related("party", "org_unit")
    )
    readings = consent.readings(events_list, as_of)
    violations = (
        m.Violation.objects.restrict(user)
        .filter(mission=mission)
        .select_related("party")
        .prefetch_related("responses")
    )
    flags = list(
        m.ReviewFlag.objects.restrict(user)
        .filter(mission=mission, status=m.FlagStatus.OPEN)
        .order_by("report_id", "code")
    )
    alerts = list(
        m.ProtectionAlert.objects.restrict(user).filter(mission=mission).select_related("threat")
    )
    # Strictly confidential flags and alerts shown on the dashboard are logged as reads (§7.2).
    log_reads(user, [*flags, *alerts])
    now = datetime.datetime.combine(as_of, datetime.time.max, tzinfo=datetime.UTC)
    now = min(now, timezone.now())
    return {
        "mission": mission.code,
        "as_of": as_of.isoformat(),
        "consent": {
            "window_days": consent.WINDOW_DAYS,
            "readings": [r.as_dict() for r in readings],
            "withdrawals": [r.as_dict() for r in readings if r.flags],
            "series": consent.series(events_list, as_of),
        },
        "impartiality": {"parties": [p.as_dict() for p in impartiality.compare(violations)]},
        "review_flags": [_flag(f) for f in flags],
        "protection": protection.metrics(alerts, now),
    }


def _flag(flag: m.ReviewFlag) -> dict[str, Any]:
    return {
        "id": flag.pk,
        "report": flag.report_id,
        "code": flag.code,
        "rule_name": flag.rule_name,
        "citation": flag.citation,
        "explanation": flag.explanation,
    }
