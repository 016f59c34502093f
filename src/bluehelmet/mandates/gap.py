"""The mandate-resource gap (Capstone §4.2: a clear, achievable mandate with resources to match).

For each month: authorised and deployed strength per category, their ratio, and the tasks in
force. A run of months below the threshold is flagged with a sentence a mission leader can read.
Thresholds come from ``settings.BLUEHELMET_GAP_THRESHOLDS`` and may be overridden per query.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from bluehelmet.core.models import Mission
from bluehelmet.doctrine.models import TaskType
from bluehelmet.mandates.models import AuthorisedStrength, DeployedStrength, Mandate

CATEGORIES = ("troops", "police", "military_observers")
LABELS = {
    "troops": gettext_lazy("troops"),
    "police": gettext_lazy("police"),
    "military_observers": gettext_lazy("military observers"),
}
POC_TAMM_FLAG = "prociv"  # the taxonomy's protection-of-civilians task (Capstone §2.3, res. 1674)
DEFAULT_THRESHOLDS = {"ratio": 0.8, "min_months": 3}


@dataclass(frozen=True)
class Thresholds:
    ratio: float = 0.8
    min_months: int = 3

    @classmethod
    def from_settings(cls, **overrides: Any) -> Thresholds:
        base = {**DEFAULT_THRESHOLDS, **getattr(settings, "BLUEHELMET_GAP_THRESHOLDS", {})}
        base.update({k: v for k, v in overrides.items() if v is not None})
        ratio, months = float(base["ratio"]), int(base["min_months"])
        if not 0 < ratio <= 1 or months < 1:
            raise ValueError(_("The ratio must be in (0, 1] and the months at least 1."))
        return cls(ratio, months)


@dataclass
class GapMonth:
    month: datetime.date
    authorised: dict[str, int | None]
    deployed: dict[str, int | None]
    ratio: dict[str, float | None]
    tasks: list[str] = field(default_factory=list)
    chapter_vii: bool = False


@dataclass(frozen=True)
class GapFlag:
    category: str
    start: datetime.date
    end: datetime.date
    months: int
    lowest_ratio: float
    mean_ratio: float
    explanation: str
    citation: str = "Capstone §4.2"


def _mandate_on(mandates: list[Mandate], day: datetime.date) -> Mandate | None:
    for m in mandates:
        if m.effective_from <= day and (m.effective_to is None or m.effective_to >= day):
            return m
    return None


def _authorised_on(
    periods: list[AuthorisedStrength], day: datetime.date
) -> AuthorisedStrength | None:
    # The latest period that has started wins: an open-ended older period yields to a newer one.
    for p in reversed(periods):
        if p.effective_from <= day and (p.effective_to is None or p.effective_to >= day):
            return p
    return None


def gap_series(mission: Mission, user: Any = None) -> list[GapMonth]:
    """Monthly figures; with ``user``, only what that user may see feeds the series."""

    def visible(qs: Any) -> Any:
        return qs.restrict(user) if user is not None else qs

    periods = list(
        visible(AuthorisedStrength.objects.filter(mission=mission)).order_by("effective_from")
    )
    mandates = list(
        visible(Mandate.objects.filter(mission=mission)).prefetch_related("tasks__task_type")
    )
    series = []
    for d in visible(DeployedStrength.objects.filter(mission=mission)).order_by("month"):
        auth = _authorised_on(periods, d.month)
        mandate = _mandate_on(mandates, d.month)
        authorised = {c: getattr(auth, c) if auth else None for c in CATEGORIES}
        deployed = {c: getattr(d, c) for c in CATEGORIES}
        ratio = {c: _ratio(deployed[c], authorised[c]) for c in CATEGORIES}
        tasks = sorted(t.task_type.code for t in mandate.tasks.all()) if mandate else []
        series.append(
            GapMonth(
                d.month, authorised, deployed, ratio, tasks, bool(mandate and mandate.chapter_vii)
            )
        )
    return series


def _ratio(deployed: int | None, authorised: int | None) -> float | None:
    """Deployed over authorised; None where nothing is authorised (no ceiling, no gap)."""
    return (deployed or 0) / authorised if authorised else None


def gap_flags(series: list[GapMonth], thresholds: Thresholds) -> list[GapFlag]:
    flags = [
        _flag(category, run)
        for category in CATEGORIES
        for run in _low_runs(series, category, thresholds.ratio)
        if len(run) >= thresholds.min_months
    ]
    return sorted(flags, key=lambda f: (f.start, f.category))


def _low_runs(series: list[GapMonth], category: str, ratio: float) -> list[list[GapMonth]]:
    """Runs of consecutive calendar months whose ratio is below ``ratio``."""
    runs: list[list[GapMonth]] = []
    for month in series:
        value = month.ratio[category]
        if value is None or value >= ratio:
            continue
        if runs and _next_month(runs[-1][-1].month) == month.month:
            runs[-1].append(month)
        else:
            runs.append([month])
    return runs


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _flag(category: str, run: list[GapMonth]) -> GapFlag:
    ratios = [m.ratio[category] or 0.0 for m in run]
    mean = sum(ratios) / len(ratios)
    kind = _mandate_words(run)
    text = _(
        "%(kind)s with %(pct)d%% of authorised %(cat)s deployed on average for %(n)d months "
        "(%(start)s to %(end)s; lowest %(low)d%%)."
    ) % {
        "kind": kind,
        "pct": round(mean * 100),
        "cat": LABELS[category],
        "n": len(run),
        "start": f"{run[0].month:%Y-%m}",
        "end": f"{run[-1].month:%Y-%m}",
        "low": round(min(ratios) * 100),
    }
    return GapFlag(
        category, run[0].month, run[-1].month, len(run), round(min(ratios), 3), round(mean, 3), text
    )


def _mandate_words(run: list[GapMonth]) -> str:
    chapter_vii = any(m.chapter_vii for m in run)
    poc_codes = set(TaskType.objects.filter(tamm_flag=POC_TAMM_FLAG).values_list("code", flat=True))
    poc = any(poc_codes & set(m.tasks) for m in run)
    n_tasks = max((len(m.tasks) for m in run), default=0)
    if chapter_vii and poc:
        words = _("Chapter VII protection-of-civilians mandate")
    elif chapter_vii:
        words = _("Chapter VII mandate")
    elif poc:
        words = _("Protection-of-civilians mandate")
    else:
        words = _("Mandate")
    if n_tasks:
        words += " " + ngettext("(%(n)d task)", "(%(n)d tasks)", n_tasks) % {"n": n_tasks}
    return str(words)
