"""The mission's progress page: each benchmark's indicators drawn against baseline, target and
threshold, their verdicts and the decisions on them, the readings to take from live data; and
the readiness page, by benchmark area and on the map (Capstone §10.1-10.2)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.benchmarks import actions, pictures, readiness
from bluehelmet.benchmarks.forms import ComputeForm, OverrideForm
from bluehelmet.benchmarks.models import Benchmark, Indicator, Observation
from bluehelmet.benchmarks.verdicts import judge_mission, must_report
from bluehelmet.core.audit import log_reads
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import AdminArea, Mission
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.lifecycle.models import AssetDisposal, HandoverItem


def progress_url(mission: Mission) -> str:
    return reverse("mission-benchmarks", kwargs={"code": mission.code})


class MissionBenchmarksView(LoginRequiredMixin, View):
    """``/missions/<code>/benchmarks/``: benchmarks, indicators, charts and verdicts."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        user: Any = request.user
        judged = judge_mission(mission, user)
        benchmarks = list(Benchmark.objects.restrict(user).filter(mission=mission))
        shown = [*benchmarks, *(j.indicator for j in judged)]
        log_reads(user, shown + [o for j in judged for o in j.observations])
        rows = [
            {
                "benchmark": b,
                "indicators": [
                    {"judged": j, "chart": pictures.indicator_chart(j.indicator, j.observations)}
                    for j in judged
                    if j.indicator.benchmark_id == b.pk
                ],
            }
            for b in benchmarks
        ]
        context = {
            "mission": mission,
            "rows": rows,
            "must_report": must_report(judged),
            "open_flags": sum(len(j.flags) for j in judged),
            "can_change": user_can(user, Action.CHANGE, mission.pk),
            "can_add": user_can(user, Action.ADD, mission.pk),
        }
        return render(request, "benchmarks/progress.html", context)


class MissionBenchmarksActionView(LoginRequiredMixin, View):
    """POST-only: take a computed reading, re-run one, decide on a verdict (``verb``)."""

    def post(self, request: HttpRequest, code: str, verb: str) -> HttpResponse:
        mission = get_mission(request, code)
        handler = {"compute": self.compute, "rerun": self.rerun, "override": self.override}
        try:
            if verb not in handler:
                raise ActionError(actions.BenchmarkErrorCode.INVALID, _("No such action."))
            messages.success(request, handler[verb](request, mission))
        except ActionError as exc:
            messages.error(request, exc.message)
        return HttpResponseRedirect(progress_url(mission))

    def compute(self, request: HttpRequest, mission: Mission) -> str:
        indicator = get_object_or_404(
            Indicator.objects.restrict(request.user).filter(mission=mission),
            pk=request.POST.get("indicator") or 0,
        )
        form = ComputeForm(request.POST)
        day = form.cleaned_data.get("observed_on") if form.is_valid() else None
        made = actions.do_compute_observation(indicator, observed_on=day, acting_user=request.user)
        return _("Reading computed: %(v)s.") % {"v": made.value}

    def rerun(self, request: HttpRequest, mission: Mission) -> str:
        found = get_object_or_404(
            Observation.objects.restrict(request.user).filter(mission=mission),
            pk=request.POST.get("observation") or 0,
        )
        actions.do_rerun_observation(found, acting_user=request.user)
        return _("Query run again: %(v)s.") % {"v": found.value}

    def override(self, request: HttpRequest, mission: Mission) -> str:
        form = OverrideForm(request.POST)
        if not form.is_valid():
            raise ActionError(actions.BenchmarkErrorCode.INVALID, _("Give the reason."))
        actions.do_override_benchmark_verdict(
            mission, **form.cleaned_data, acting_user=request.user
        )
        return _("Decision recorded with its reason.")


class MissionReadinessView(LoginRequiredMixin, View):
    """``/missions/<code>/readiness/``: readiness by benchmark area and the map by admin area."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        user: Any = request.user
        latest = readiness.latest_assessments(mission, user)
        handover = list(HandoverItem.objects.restrict(user).filter(mission=mission))
        assets = list(AssetDisposal.objects.restrict(user).filter(mission=mission))
        log_reads(user, [*latest, *handover, *assets])
        areas = AdminArea.objects.filter(country=mission.host_country, level=1)
        levels = {a.admin1: a.level for a in latest if a.admin1}
        context = {
            "handover": handover,
            "handover_by_area": readiness.handover_by_area(handover),
            "assets": assets,
            "asset_totals": readiness.asset_totals(assets),
            "can_transition": user_can(user, Action.TRANSITION, mission.pk),
            "can_change": user_can(user, Action.CHANGE, mission.pk),
            "mission": mission,
            "areas": readiness.by_area(latest, judge_mission(mission, user)),
            "admin_areas": [a for a in latest if a.admin1],
            "map": pictures.readiness_map(
                list(areas), levels, readiness.handover_by_area(handover)
            ),
            "legend": pictures.legend(),
            "can_add": user_can(user, Action.ADD, mission.pk),
        }
        return render(request, "benchmarks/readiness.html", context)
