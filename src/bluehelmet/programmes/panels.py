"""The programmes' panel on the mission overview: the open rule flags of its programmes
(Capstone §2.4-2.5, §7.2), so that a child not referred or a QIP not coordinated with the
humanitarian country team is seen without opening the programmes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from bluehelmet.core.audit import log_reads
from bluehelmet.core.models import Mission
from bluehelmet.programmes.verdicts import judge_mission, open_flags, with_urls


def programme_flags_panel(request: HttpRequest, mission: Mission) -> dict[str, Any] | None:
    """The flags no one has dismissed on the records the user may see; nothing if none."""
    flags = open_flags(judge_mission(mission, request.user))
    if not flags:
        return None
    log_reads(request.user, [record for record, _v in flags])
    return {"mission": mission, "programme_flags": with_urls(flags)}
