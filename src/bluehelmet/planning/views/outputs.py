"""The plan's other views: who does what (matrix), timeline, revision history with the
changes between any two revisions, and the export (CSV and a printable page) (Capstone §5.2)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from bluehelmet.core.audit import log_reads
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.planning import tree
from bluehelmet.planning.diff import compare
from bluehelmet.planning.export import plan_csv
from bluehelmet.planning.queries import revision_numbered, revisions
from bluehelmet.planning.views.plan import chosen_revision


class PlanPageView(LoginRequiredMixin, View):
    template_name = ""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        revision = chosen_revision(request, mission)
        objs = tree.objectives(revision, request.user) if revision else []
        log_reads(request.user, objs)
        context = {"mission": mission, "revision": revision, "objectives": objs}
        context.update(self.page_context(revision, objs))
        return render(request, self.template_name, context)

    def page_context(self, revision: Any, objs: list[Any]) -> dict[str, Any]:
        return {}


class PlanMatrixView(PlanPageView):
    template_name = "planning/matrix.html"

    def page_context(self, revision: Any, objs: list[Any]) -> dict[str, Any]:
        if revision is None:
            return {}
        return {"matrix": tree.matrix(revision, objs, timezone.now().date())}


class PlanTimelineView(PlanPageView):
    template_name = "planning/timeline.html"

    def page_context(self, revision: Any, objs: list[Any]) -> dict[str, Any]:
        return {"timeline": tree.timeline(objs)}


class PlanPrintView(PlanPageView):
    template_name = "planning/print.html"

    def page_context(self, revision: Any, objs: list[Any]) -> dict[str, Any]:
        return {"levels": tree.level_counts(objs), "today": timezone.now().date()}


class PlanExportView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        revision = chosen_revision(request, mission)
        objs = tree.objectives(revision, request.user) if revision else []
        log_reads(request.user, objs)
        body = plan_csv(revision, objs) if revision else ""
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        number = revision.number if revision else 0
        response["Content-Disposition"] = (
            f'attachment; filename="{mission.code}-plan-r{number}.csv"'
        )
        return response


class PlanHistoryView(LoginRequiredMixin, View):
    """``/missions/<code>/plan/history/?from=a&to=b``: every revision, and what changed."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        rows = list(revisions(mission, request.user).select_related("mandate", "adopted_by"))
        diff = None
        if len(rows) >= 2:
            a = request.GET.get("from") or rows[1].number
            b = request.GET.get("to") or rows[0].number
            diff = compare(
                revision_numbered(mission, request.user, a),
                revision_numbered(mission, request.user, b),
            )
        context = {"mission": mission, "revisions": rows, "diff": diff}
        return render(request, "planning/history.html", context)
