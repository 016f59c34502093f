"""Authorised against deployed strength and the mandate-resource gap (Capstone §4.2)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views import View

from bluehelmet.core.models import Mission
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.mandates import gap
from bluehelmet.mandates.forms import (
    ThresholdForm,
)

STRENGTH_LABELS = {
    "troops": _l("Troops"),
    "police": _l("Police"),
    "military_observers": _l("Military observers"),
}
MONTHS_PER_PAGE = 24


def visible_series(user: Any, mission: Mission) -> list[gap.GapMonth]:
    """``gap_series`` fed only by the records ``user`` may see (mission, sensitivity)."""
    return gap.gap_series(mission, user)


def chart_data(series: list[gap.GapMonth], thresholds: gap.Thresholds) -> dict[str, Any]:
    """What the strength chart script draws: one panel per category with any figure."""
    categories = []
    for cat in gap.CATEGORIES:
        authorised = [s.authorised[cat] for s in series]
        deployed = [s.deployed[cat] for s in series]
        if any(v is not None for v in [*authorised, *deployed]):
            categories.append(
                {
                    "key": cat,
                    "label": str(STRENGTH_LABELS[cat]),
                    "authorised": authorised,
                    "deployed": deployed,
                }
            )
    return {
        "months": [s.month.isoformat() for s in series],
        "categories": categories,
        "ratio": thresholds.ratio,
        "labels": {
            "authorised": _("Authorised"),
            "deployed": _("Deployed"),
            "threshold": _("%(pct)d%% of authorised") % {"pct": round(thresholds.ratio * 100)},
        },
    }


def month_rows(series: list[gap.GapMonth], ratio: float) -> list[dict[str, Any]]:
    rows = []
    for s in reversed(series):
        cells = []
        for cat in gap.CATEGORIES:
            r = s.ratio[cat]
            cells.append(
                {
                    "authorised": s.authorised[cat],
                    "deployed": s.deployed[cat],
                    "pct": None if r is None else round(r * 100),
                    "low": r is not None and r < ratio,
                }
            )
        rows.append({"month": s.month, "cells": cells, "tasks": len(s.tasks), "ch7": s.chapter_vii})
    return rows


class StrengthView(LoginRequiredMixin, View):
    """``/missions/<code>/strength/``: authorised against deployed, and the gap flags (§4.2)."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        form = ThresholdForm(request.GET)
        status, error = 200, ""
        thresholds = gap.Thresholds.from_settings()
        if form.is_valid():
            try:
                thresholds = gap.Thresholds.from_settings(**form.cleaned_data)
            except ValueError as exc:
                status, error = 400, str(exc)
        else:
            status = 400
            error = _("The thresholds were not applied: correct the values below.")
        form.fields["ratio"].widget.attrs["placeholder"] = str(thresholds.ratio)
        form.fields["min_months"].widget.attrs["placeholder"] = str(thresholds.min_months)
        series = visible_series(request.user, mission)
        flags = gap.gap_flags(series, thresholds) if status == 200 else []
        page = Paginator(month_rows(series, thresholds.ratio), MONTHS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context = {
            "mission": mission,
            "title": _("Strength and mandate-resource gap of %(code)s") % {"code": mission.code},
            "form": form,
            "error": error,
            "thresholds": thresholds,
            "ratio_pct": round(thresholds.ratio * 100),
            "flags": flags,
            "chart": chart_data(series, thresholds),
            "page_obj": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "category_labels": [STRENGTH_LABELS[c] for c in gap.CATEGORIES],
            "has_series": bool(series),
        }
        return render(request, "mandates/strength.html", context, status=status)
