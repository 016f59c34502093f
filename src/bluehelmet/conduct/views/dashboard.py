"""The conduct dashboard of a mission (Capstone §3.2): the figures for every role that views
the mission, and, for the case roles only, the open cases and their overdue steps."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from bluehelmet.conduct import figures, rules
from bluehelmet.conduct.access import sees_cases
from bluehelmet.conduct.models import MisconductAllegation, Stage
from bluehelmet.conduct.training import contingent_rows
from bluehelmet.core.audit import log_reads
from bluehelmet.core.models import Mission
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission


def overdue_cases(mission: Mission, user: Any) -> list[dict[str, Any]]:
    """Open cases of ``mission`` the user may see, each with its open flags (case roles)."""
    cases = MisconductAllegation.objects.restrict(user).filter(mission=mission)
    found = []
    for case in cases.exclude(stage=Stage.CLOSED).select_related("contingent"):
        flags = rules.open_flags(rules.timeline(case))
        if flags:
            found.append({"case": case, "flags": flags})
    log_reads(user, [row["case"] for row in found])
    return found


class MissionConductView(LoginRequiredMixin, View):
    """``/missions/<code>/conduct/``: figures for all; overdue cases for the case roles."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        found = figures.mission_figures(mission, user=request.user)
        if found is None:
            raise Http404
        case_role = sees_cases(request.user, mission.pk)
        context = {
            "mission": mission,
            "figures": found,
            "threshold": figures.THRESHOLD,
            "sees_cases": case_role,
            "overdue": overdue_cases(mission, request.user) if case_role else [],
            "contingent_rows": contingent_rows(mission, found, user=request.user),
        }
        return render(request, "conduct/dashboard.html", context)
