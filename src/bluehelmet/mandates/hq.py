"""What the mandates app adds to the headquarters overview (Capstone §4.2, §4.3, §7.1): the
latest month's deployed against authorised strength, the gap ratio compared across missions,
and the consultations with contributors that are overdue. Read through ``restrict(user)``."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bluehelmet.core.models import Mission
from bluehelmet.core.registry import HqCell, HqChart, HqColumn, HqSeries, registry
from bluehelmet.mandates.gap import CATEGORIES, GapMonth, gap_series
from bluehelmet.mandates.panels import overdue_consultations

LOW_RATIO = 0.8  # the gap rule's default threshold (mandates.gap.DEFAULT_THRESHOLDS)


def latest_strength(user: Any, mission: Mission) -> tuple[int, int] | None:
    """(deployed, authorised) of the latest month with both, summed over the categories."""
    series: list[GapMonth] = gap_series(mission, user)
    for month in reversed(series):
        pairs: list[tuple[int, int]] = []
        for c in CATEGORIES:
            deployed, authorised = month.deployed[c], month.authorised[c]
            if deployed is not None and authorised:
                pairs.append((deployed, authorised))
        if pairs:
            return sum(d for d, _a in pairs), sum(a for _d, a in pairs)
    return None


def strength_cell(user: Any, mission: Mission) -> HqCell | None:
    found = latest_strength(user, mission)
    if found is None:
        return None
    deployed, authorised = found
    ratio = deployed / authorised
    text = _("%(deployed)s of %(authorised)s (%(pct)s %%)") % {
        "deployed": f"{deployed:,}",
        "authorised": f"{authorised:,}",
        "pct": round(ratio * 100),
    }
    url = reverse("mission-strength", kwargs={"code": mission.code})
    return HqCell(text, round(ratio, 3), ratio, url, "warn" if ratio < LOW_RATIO else "")


def consultations_cell(user: Any, mission: Mission) -> HqCell:
    count = len(overdue_consultations(user, mission))
    url = reverse("mission-detail", kwargs={"code": mission.code})
    return HqCell(str(count), count, count, url, "bad" if count else "")


def gap_ratio_series(user: Any, missions: list[Mission]) -> list[HqSeries]:
    out = []
    for mission in missions:
        found = latest_strength(user, mission)
        if found:
            out.append(HqSeries(mission.code, [("ratio", round(found[0] / found[1], 3))]))
    return out


def register() -> None:
    registry.add_hq_column(
        HqColumn(
            "strength",
            gettext_lazy("Deployed of authorised"),
            strength_cell,
            weight=20,
            help=gettext_lazy("Uniformed personnel, latest month reported (Capstone §4.2)."),
        ),
        HqColumn(
            "overdue-consultations",
            gettext_lazy("Overdue consultations"),
            consultations_cell,
            weight=50,
        ),
    )
    registry.add_hq_chart(
        HqChart(
            "strength-gap",
            gettext_lazy("Deployed against authorised strength"),
            gap_ratio_series,
            unit=gettext_lazy("ratio, latest month"),
            note=gettext_lazy("Below 0.8 the mandate's resources fall short (Capstone §4.2)."),
            weight=10,
        ),
    )
