"""The deployment clock as drawn on the mission overview and the lifecycle page (Capstone §6.2)."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from bluehelmet.core.models import Mission
from bluehelmet.lifecycle.clock import DeploymentClock, deployment_clock


def clock_context(clock: DeploymentClock) -> dict[str, Any]:
    """Positions (in %) for drawing the clock as a bar against its 30/90-day target."""
    elapsed = clock.elapsed_days or 0
    scale = max(math.ceil(max(clock.target_days, elapsed, 1) * 1.15), 1)
    target_on = clock.mandate_on + timedelta(days=clock.target_days) if clock.mandate_on else None
    return {
        "clock": clock,
        "elapsed_pct": round(min(max(elapsed, 0), scale) / scale * 100, 1),
        "target_pct": round(clock.target_days / scale * 100, 1),
        "target_on": target_on,
        "scale_days": scale,
        "today": timezone.now().date(),
    }


def deployment_clock_panel(request: HttpRequest, mission: Mission) -> dict[str, Any]:
    """Mission overview panel: days from the mandate to initial operating capability."""
    return clock_context(deployment_clock(mission))
