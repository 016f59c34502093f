"""Conduct figures on the headquarters overview (Capstone §3.2, §7.1): the mission's
misconduct allegations as the suppressed aggregate every viewer of the mission may read
(``conduct.figures``: fewer than 5 is never shown as a number), with the rate per 100
personnel deployed. No case, name or text reaches this cell."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bluehelmet.conduct.figures import mission_figures
from bluehelmet.core.models import Mission
from bluehelmet.core.registry import HqCell, HqColumn, registry


def conduct_cell(user: Any, mission: Mission) -> HqCell | None:
    figures = mission_figures(mission, user=user)
    if figures is None:
        return None
    total = figures.total
    text = total.text
    if total.per_100 is not None:
        text = _("%(count)s (%(rate)s per 100 personnel)") % {
            "count": total.text,
            "rate": total.per_100,
        }
    url = reverse("mission-conduct", kwargs={"code": mission.code})
    value = {"count": total.count, "suppressed": total.suppressed or None, "per_100": total.per_100}
    return HqCell(text, value, total.count, url)


def register() -> None:
    registry.add_hq_column(
        HqColumn(
            "conduct",
            gettext_lazy("Misconduct allegations"),
            conduct_cell,
            weight=85,
            help=gettext_lazy("All allegations recorded; fewer than 5 is not shown (§3.2)."),
        )
    )
