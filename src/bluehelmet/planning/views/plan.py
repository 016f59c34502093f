"""The mission plan page: the revision as a tree, its coverage verdicts and the decisions on
them, drafting and adopting revisions (Capstone §5.1-5.2, §7.2)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.core.audit import log_reads
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.planning import actions, tree
from bluehelmet.planning.coverage import judge_plan, open_flags, overrides_for
from bluehelmet.planning.forms import AdoptRevisionForm, DraftRevisionForm, OverrideForm
from bluehelmet.planning.models import ConceptOfOperations, PlanReview
from bluehelmet.planning.queries import current_revision, draft_revision, revision_numbered


def plan_url(mission: Mission, revision: Any = None) -> str:
    url = reverse("mission-plan", kwargs={"code": mission.code})
    return f"{url}?revision={revision.number}" if revision is not None else url


def chosen_revision(request: HttpRequest, mission: Mission) -> Any:
    number = request.GET.get("revision")
    if number:
        return revision_numbered(mission, request.user, number)
    return current_revision(mission, request.user)


class MissionPlanView(LoginRequiredMixin, View):
    """``/missions/<code>/plan/`` (``?revision=n``): the plan tree and its verdicts."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        revision = chosen_revision(request, mission)
        return render(request, "planning/plan.html", self.context(mission, revision))

    def context(self, mission: Mission, revision: Any) -> dict[str, Any]:
        user: Any = self.request.user
        objs = tree.objectives(revision, user) if revision else []
        log_reads(user, [revision, *objs] if revision else [])
        verdicts = (
            judge_plan(revision, timezone.now().date(), overrides_for(mission.pk, user))
            if revision
            else []
        )
        draft = draft_revision(mission, user)
        can_add = user_can(user, Action.ADD, mission.pk)
        return {
            "mission": mission,
            "revision": revision,
            "objectives": objs,
            "levels": tree.level_counts(objs),
            "verdicts": verdicts,
            "flags": open_flags(verdicts),
            "draft": draft,
            "can_change": user_can(user, Action.CHANGE, mission.pk),
            "draft_form": DraftRevisionForm() if can_add and draft is None else None,
            "adopt_form": AdoptRevisionForm()
            if revision is not None and revision.is_draft
            else None,
            "reviews": list(PlanReview.objects.restrict(user).filter(mission=mission)[:10]),
            "concepts": list(
                ConceptOfOperations.objects.restrict(user).filter(mission=mission)[:10]
            ),
            "today": timezone.now().date(),
        }


class MissionPlanActionView(LoginRequiredMixin, View):
    """POST-only: draft a revision, adopt the draft, decide on a verdict (``verb``)."""

    def post(self, request: HttpRequest, code: str, verb: str) -> HttpResponse:
        mission = get_mission(request, code)
        try:
            done, target = self.perform(request, mission, verb)
        except ActionError as exc:
            messages.error(request, exc.message)
            return HttpResponseRedirect(plan_url(mission))
        messages.success(request, done)
        return HttpResponseRedirect(plan_url(mission, target))

    def perform(self, request: HttpRequest, mission: Mission, verb: str) -> tuple[str, Any]:
        handler = {"draft": self.draft, "adopt": self.adopt, "override": self.override}.get(verb)
        if handler is None:
            raise ActionError(actions.PlanningErrorCode.INVALID, _("No such action."))
        return handler(request, mission)

    def draft(self, request: HttpRequest, mission: Mission) -> tuple[str, Any]:
        form = DraftRevisionForm(request.POST)
        if not form.is_valid():
            raise ActionError(actions.PlanningErrorCode.INVALID, _("Give the revision a title."))
        revision = actions.do_draft_revision(mission, **form.cleaned_data, acting_user=request.user)
        return _("Revision %(n)d drafted.") % {"n": revision.number}, revision

    def adopt(self, request: HttpRequest, mission: Mission) -> tuple[str, Any]:
        form = AdoptRevisionForm(request.POST)
        revision = revision_numbered(mission, request.user, request.POST.get("revision"))
        if not form.is_valid():
            raise ActionError(actions.PlanningErrorCode.INVALID, _("Give the adoption date."))
        actions.do_adopt_revision(revision, **form.cleaned_data, acting_user=request.user)
        return _("Revision %(n)d adopted.") % {"n": revision.number}, revision

    def override(self, request: HttpRequest, mission: Mission) -> tuple[str, Any]:
        form = OverrideForm(request.POST)
        if not form.is_valid():
            raise ActionError(actions.PlanningErrorCode.INVALID, _("Give the reason."))
        actions.do_override_plan_verdict(mission, **form.cleaned_data, acting_user=request.user)
        shown = request.POST.get("revision")  # back to the revision the decision was taken on
        revision = revision_numbered(mission, request.user, shown) if shown else None
        return _("Decision recorded with its reason."), revision
