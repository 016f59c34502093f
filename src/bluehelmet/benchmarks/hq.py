"""Transition readiness on the headquarters overview (Capstone §10.1-10.2, §7.1): the latest
readiness assessment of each benchmark area, counted by level, as the user may see them."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bluehelmet.benchmarks.models import BenchmarkArea, ReadinessLevel
from bluehelmet.benchmarks.readiness import latest_assessments
from bluehelmet.core.models import Mission
from bluehelmet.core.registry import HqCell, HqColumn, registry


def readiness_cell(user: Any, mission: Mission) -> HqCell | None:
    by_area = [a for a in latest_assessments(mission, user) if not a.admin1]
    if not by_area:
        return None
    levels = Counter(a.level for a in by_area)
    text = _("%(ready)d ready, %(partly)d partly, %(not)d not ready of %(areas)d areas") % {
        "ready": levels[ReadinessLevel.READY],
        "partly": levels[ReadinessLevel.PARTLY_READY],
        "not": levels[ReadinessLevel.NOT_READY],
        "areas": len(BenchmarkArea),
    }
    value = {str(level): levels[level] for level in ReadinessLevel}
    url = reverse("mission-readiness", kwargs={"code": mission.code})
    share = levels[ReadinessLevel.READY] / len(BenchmarkArea)
    return HqCell(text, value, share, url)


def register() -> None:
    registry.add_hq_column(
        HqColumn(
            "readiness",
            gettext_lazy("Transition readiness"),
            readiness_cell,
            weight=80,
            help=gettext_lazy("Latest assessment per benchmark area (Capstone §10.2)."),
        )
    )
