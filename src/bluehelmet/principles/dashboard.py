"""The principles dashboard data for one mission (Capstone §3.1, §2.3).

Everything is read through the caller's restricted querysets: a user without the confidential
clearance gets empty sections, never counts of records they may not see. The rules judge by the
mission's parameters (``core.parameters``), and each computed verdict carries the reviewer's
decision on it, if any (``principles.overrides``): overridden verdicts are marked, not hidden.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from bluehelmet.core import parameters
from bluehelmet.core.audit import log_reads
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, Sensitivity, user_can
from bluehelmet.principles import models as m
from bluehelmet.principles import overrides
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
    values = parameters.values(mission)
    consent_settings = consent.settings_from(values)
    readings = [r.as_dict() for r in consent.readings(events_list, as_of, **consent_settings)]
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
    decisions = overrides.for_mission(mission, user)
    # Strictly confidential flags, alerts and decisions shown are logged as reads (§7.2).
    log_reads(user, [*flags, *alerts, *decisions.values()])
    now = datetime.datetime.combine(as_of, datetime.time.max, tzinfo=datetime.UTC)
    now = min(now, timezone.now())
    overrides.annotate_consent(readings, decisions)
    gap = impartiality.settings_from(values)
    parties = [p.as_dict() for p in impartiality.compare(violations, **gap)]
    overrides.annotate_parties(parties, decisions)
    poc = protection.metrics(alerts, now, protection.Limits.from_values(values))
    overrides.annotate_alerts(poc["flags"], decisions)
    withdrawals = [r for r in readings if r["flags"]]
    can_override = user_can(user, Action.CHANGE, mission.pk, Sensitivity.CONFIDENTIAL)
    endpoint = reverse("api-mission-principles-overrides", kwargs={"code": mission.code})
    return {
        "mission": mission.code,
        "as_of": as_of.isoformat(),
        "can_override": can_override,
        "override_endpoint": endpoint if can_override else None,
        "parameters_url": reverse("api-mission-parameters", kwargs={"code": mission.code}),
        "consent": {
            **consent_settings,
            "readings": readings,
            "withdrawals": withdrawals,
            "dismissed": sum(r["dismissed"] for r in withdrawals),
            "series": consent.series(
                events_list,
                as_of,
                consent_settings["window_days"],
                min_restrictions=consent_settings["min_restrictions"],
            ),
        },
        "impartiality": {**gap, "parties": parties},
        "review_flags": [_flag(f) for f in flags],
        "protection": poc,
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
