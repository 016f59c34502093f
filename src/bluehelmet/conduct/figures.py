"""Misconduct figures for everyone with view rights in a mission (Capstone §3.2: the mission's
credibility is answered for in public; the UN publishes such counts by contributing country).

``mission_figures`` counts cases by category and by contingent, and per 100 personnel deployed.
It reads the cases itself (not through ``restrict``: the reader need not see any case) and
returns numbers and labels only, never a case, a reference, a name or a word of free text.

Small counts are suppressed so that no reader can single out a case: a count from 1 to 4 reads
"fewer than 5" (primary suppression). Where a group (the categories, or the contingents) has
exactly one suppressed cell, the total would give it away by subtraction, so the smallest other
non-zero cell of that group is withheld too (secondary suppression). A total from 1 to 4
suppresses the whole table, zeros included (a zero beside a small total would say where the few
cases are). Rates of suppressed cells are withheld with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _

from bluehelmet.conduct.models import MisconductAllegation, MisconductCategory
from bluehelmet.core.models import Contingent, ContingentStatus, Mission
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.mandates.models import DeployedStrength

THRESHOLD = 5
PRIMARY, SECONDARY = "primary", "secondary"


@dataclass
class Cell:
    """One figure: ``count`` is None when suppressed (``suppressed`` says why)."""

    label: str
    count: int | None
    strength: int | None = None
    suppressed: str = ""

    @property
    def text(self) -> str:
        if self.suppressed == PRIMARY:
            return _("fewer than 5")
        if self.suppressed == SECONDARY:
            return _("withheld")
        return str(self.count)

    @property
    def per_100(self) -> str | None:
        if self.count is None or not self.strength:
            return None
        rate = Decimal(self.count * 100) / Decimal(self.strength)
        return str(rate.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "count": self.count,
            "text": self.text,
            "suppressed": self.suppressed,
            "strength": self.strength,
            "per_100": self.per_100,
        }


@dataclass
class ConductFigures:
    mission: str
    total: Cell
    by_category: list[Cell] = field(default_factory=list)
    by_contingent: list[Cell] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "mission": self.mission,
            "threshold": THRESHOLD,
            "total": self.total.as_dict(),
            "by_category": [c.as_dict() for c in self.by_category],
            "by_contingent": [c.as_dict() for c in self.by_contingent],
        }


def suppress(cells: list[Cell], total: int) -> list[Cell]:
    """Primary then secondary suppression of one group whose cells add up to ``total``."""
    raw = {id(c): c.count or 0 for c in cells}
    for cell in cells:
        if (0 < total < THRESHOLD) or (0 < raw[id(cell)] < THRESHOLD):
            cell.count, cell.suppressed = None, PRIMARY
    hidden = [c for c in cells if c.suppressed]
    if len(hidden) == 1:
        others = [c for c in cells if not c.suppressed and raw[id(c)] > 0]
        if others:
            smallest = min(others, key=lambda c: raw[id(c)])
            smallest.count, smallest.suppressed = None, SECONDARY
    return cells


def personnel_deployed(mission: Mission) -> int | None:
    """The latest monthly deployed strength (mandates), else the deployed contingents' sum."""
    latest = DeployedStrength.objects.filter(mission=mission).order_by("-month").first()
    if latest is not None:
        figures = [latest.troops, latest.police, latest.military_observers, latest.civilians]
        if any(f is not None for f in figures):
            return sum(f or 0 for f in figures)
    deployed = Contingent.objects.filter(mission=mission, status=ContingentStatus.DEPLOYED)
    return sum(deployed.values_list("strength", flat=True)) or None


def _counts(mission: Mission, key: str) -> dict[Any, int]:
    rows = MisconductAllegation._base_manager.filter(mission=mission).values(key)
    return {r[key]: r["n"] for r in rows.annotate(n=Count("pk")).order_by()}


def compute(mission: Mission) -> ConductFigures:
    """The figures, suppressed; for callers that checked the reader's right to them."""
    by_cat = _counts(mission, "category")
    total = sum(by_cat.values())
    strength = personnel_deployed(mission)
    categories = [
        Cell(str(label), by_cat.get(value, 0), strength)
        for value, label in MisconductCategory.choices
    ]
    by_cont = _counts(mission, "contingent")
    contingents = Contingent.objects.filter(mission=mission).order_by("name")
    rows = [
        Cell(c.name, by_cont.get(c.pk, 0), c.strength)
        for c in contingents
        if c.status != ContingentStatus.PLEDGED or by_cont.get(c.pk)
    ]
    rows.append(
        Cell(_("Not in a contingent (civilians, individual officers)"), by_cont.get(None, 0))
    )
    total_cell = Cell(_("All categories"), total, strength)
    if 0 < total < THRESHOLD:
        total_cell.count, total_cell.suppressed = None, PRIMARY
    return ConductFigures(
        mission.code, total_cell, suppress(categories, total), suppress(rows, total)
    )


def mission_figures(mission: Mission, *, user: Any) -> ConductFigures | None:
    """The figures for ``user``, or None if the user may not view the mission at all."""
    if not user_can(user, Action.VIEW, mission.pk, 0):
        return None
    return compute(mission)
