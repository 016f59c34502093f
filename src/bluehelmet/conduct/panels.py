"""The conduct app's panel on the mission overview (Capstone §3.2): the figures, suppressed,
for every role that views the mission; never a case."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from bluehelmet.conduct.figures import THRESHOLD, mission_figures
from bluehelmet.core.models import Mission


def conduct_panel(request: HttpRequest, mission: Mission) -> dict[str, Any] | None:
    found = mission_figures(mission, user=request.user)
    if found is None or found.total.count == 0:
        return None
    return {"mission": mission, "figures": found, "threshold": THRESHOLD}
