"""The principles app's panel on the mission overview: de facto withdrawals of consent (§3.1).

A withdrawal a reviewer dismissed with a reason is left out of the warning, which says how many
were dismissed; the dashboard shows them with who decided, when and why.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from bluehelmet.core import parameters
from bluehelmet.core.audit import log_reads
from bluehelmet.core.models import Mission
from bluehelmet.principles import models as m
from bluehelmet.principles import overrides


def consent_withdrawals(user: Any, mission: Mission) -> list[dict[str, Any]]:
    """De facto withdrawals of consent as of today, as ``user`` may see the events, each with
    the decision on it (``dismissed`` when a reviewer dismissed it)."""
    from bluehelmet.principles.rules import consent

    events = (
        m.ConsentEvent.objects.restrict(user)
        .filter(mission=mission)
        .select_related("party", "org_unit")
    )
    today = timezone.now().date()
    settings = consent.settings_from(parameters.values(mission))
    flagged = [r.as_dict() for r in consent.readings(events, today, **settings) if r.flags]
    if flagged:
        decisions = overrides.for_mission(mission, user)
        log_reads(user, decisions.values())
        overrides.annotate_consent(flagged, decisions)
    return flagged


def consent_withdrawal_panel(request: HttpRequest, mission: Mission) -> dict[str, Any] | None:
    flagged = consent_withdrawals(request.user, mission)
    if not flagged:
        return None
    standing = [w for w in flagged if not w["dismissed"]]
    return {
        "mission": mission,
        "consent_withdrawals": standing,
        "dismissed_count": len(flagged) - len(standing),
    }
