"""The deployment clock on the headquarters overview (Capstone §6.2, §7.1): how far each
mission is from the initial operating capability it must reach after its mandate."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bluehelmet.core.models import Mission
from bluehelmet.core.registry import HqCell, HqColumn, registry
from bluehelmet.lifecycle.clock import deployment_clock

WORDS = {
    "no_mandate": gettext_lazy("no mandate date"),
    "running": gettext_lazy("running"),
    "overdue": gettext_lazy("overdue"),
    "met": gettext_lazy("met"),
    "missed": gettext_lazy("missed"),
}


def clock_cell(user: Any, mission: Mission) -> HqCell:
    clock = deployment_clock(mission)
    url = reverse("mission-lifecycle", kwargs={"code": mission.code})
    word = str(WORDS.get(clock.status, clock.status))
    if clock.elapsed_days is None:
        return HqCell(word, None, None, url)
    text = _("%(word)s: day %(days)d of %(target)d") % {
        "word": word,
        "days": clock.elapsed_days,
        "target": clock.target_days,
    }
    tone = "bad" if clock.late else ("good" if clock.status == "met" else "")
    return HqCell(
        text, {"status": clock.status, "days": clock.elapsed_days}, clock.elapsed_days, url, tone
    )


def register() -> None:
    registry.add_hq_column(
        HqColumn(
            "deployment-clock",
            gettext_lazy("Deployment clock"),
            clock_cell,
            weight=15,
            help=gettext_lazy("Days from the mandate to initial operating capability (§6.2)."),
        )
    )
