"""Conduct figures in the periodic report to the Council (Capstone §3.2, §9.1): the suppressed
aggregates every viewer of the mission may read (``conduct.figures``), never a case."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.conduct.figures import compute, mission_figures


def conduct_paragraphs(mission: Any, start: Any, end: Any, user: Any) -> list[str] | None:
    figures = compute(mission) if user is None else mission_figures(mission, user=user)
    if figures is None:
        return None
    total = figures.total
    lead = _("Misconduct allegations recorded to date: %(total)s.") % {"total": total.text}
    if total.per_100 is not None:
        lead += " " + _("That is %(rate)s per 100 personnel deployed.") % {"rate": total.per_100}
    by_category = "; ".join(f"{c.label}: {c.text}" for c in figures.by_category)
    return [
        lead,
        _("By category: %(list)s.") % {"list": by_category},
        _(
            "Counts under 5 are not given, and a second figure is withheld where the first "
            "could be worked out from it."
        ),
    ]
