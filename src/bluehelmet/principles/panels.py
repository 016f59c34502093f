"""The principles app's panels: de facto withdrawals of consent (§3.1) on the mission overview;
on the "situation now" page, the same withdrawals, the protection alerts not yet answered with
how long they have waited, and the open use-of-force review flags.

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
from bluehelmet.core.permissions import Action, Sensitivity, user_can
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


def _sees_principles(user: Any, mission: Mission) -> bool:
    """Principles records are at least confidential: below that clearance, no panel."""
    return user_can(user, Action.VIEW, mission.pk, Sensitivity.CONFIDENTIAL)


def consent_situation_panel(request: HttpRequest, mission: Mission) -> dict[str, Any] | None:
    """The withdrawals of consent on the situation page, "none" included."""
    if not _sees_principles(request.user, mission):
        return None
    flagged = consent_withdrawals(request.user, mission)
    standing = [w for w in flagged if not w["dismissed"]]
    return {
        "mission": mission,
        "consent_withdrawals": standing,
        "dismissed_count": len(flagged) - len(standing),
    }


def waiting_alerts(user: Any, mission: Mission) -> list[dict[str, Any]]:
    """Protection alerts not answered yet, longest waiting first, with the whole hours each
    has waited, as ``user`` may see them (the reads logged)."""
    alerts = list(
        m.ProtectionAlert.objects.restrict(user)
        .filter(mission=mission, responded_at__isnull=True)
        .select_related("threat")
        .order_by("received_at", "id")
    )
    log_reads(user, alerts)
    now = timezone.now()
    return [
        {"alert": a, "hours": max(0, int((now - a.received_at).total_seconds() // 3600))}
        for a in alerts
    ]


def waiting_alerts_panel(request: HttpRequest, mission: Mission) -> dict[str, Any] | None:
    if not _sees_principles(request.user, mission):
        return None
    return {"mission": mission, "waiting_alerts": waiting_alerts(request.user, mission)}


def open_flags_panel(request: HttpRequest, mission: Mission) -> dict[str, Any] | None:
    """Use-of-force review flags still open, oldest first."""
    if not _sees_principles(request.user, mission):
        return None
    flags = list(
        m.ReviewFlag.objects.restrict(request.user)
        .filter(mission=mission, status=m.FlagStatus.OPEN)
        .order_by("created_at", "id")
    )
    log_reads(request.user, flags)
    return {"mission": mission, "open_flags": flags}
