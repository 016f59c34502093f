"""The principles app's panel on the mission overview: de facto withdrawals of consent (§3.1)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from bluehelmet.core.models import Mission
from bluehelmet.principles import models as m


def consent_withdrawals(user: Any, mission: Mission) -> list[dict[str, Any]]:
    """De facto withdrawals of consent as of today, as ``user`` may see the events."""
    from bluehelmet.principles.rules import consent

    events = (
        m.ConsentEvent.objects.restrict(user)
        .filter(mission=mission)
        .select_related("party", "org_unit")
    )
    today = timezone.now().date()
    return [r.as_dict() for r in consent.readings(events, today) if r.flags]


def consent_withdrawal_panel(request: HttpRequest, mission: Mission) -> dict[str, Any] | None:
    withdrawals = consent_withdrawals(request.user, mission)
    if not withdrawals:
        return None
    return {"mission": mission, "consent_withdrawals": withdrawals}
