"""The mission-overview panel of the reports app: when the next periodic report to the Council
is due, or how late it is (Capstone §7.1, §9.1)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from bluehelmet.core.models import Mission
from bluehelmet.reports.duedates import due_status


def reporting_panel(request: HttpRequest, mission: Mission) -> dict[str, Any] | None:
    status = due_status(mission, request.user)
    if status.next_due is None:
        return None
    return {"mission": mission, "status": status}
