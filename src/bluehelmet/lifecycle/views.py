"""The lifecycle page (Capstone §6.1-6.3): phase, history, gates, transition and milestones.

The page shows, for each phase the mission may move to, every gate check with its verdict and
citation. Deciding a transition goes through ``do_transition_mission_phase`` only; a refusal
answers 400 with the reasons, and gates may be overridden with a recorded reason.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, ClassVar

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import models
from django.forms import HiddenInput
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.core.audit import log_reads
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.phases import ORDER, Phase, next_phases
from bluehelmet.core.tables import register_url_kwargs
from bluehelmet.core.views import generic
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.lifecycle.actions import do_transition_mission_phase
from bluehelmet.lifecycle.clock import deployment_clock
from bluehelmet.lifecycle.forms import StartUpMilestoneForm, TransitionForm
from bluehelmet.lifecycle.gates import check_gates
from bluehelmet.lifecycle.models import PhaseTransition, StartUpMilestone
from bluehelmet.lifecycle.panels import clock_context

register_url_kwargs(StartUpMilestone, lambda ms: {"code": ms.mission.code, "pk": ms.pk})


def phase_sequence(current: str) -> list[dict[str, Any]]:
    labels = dict(Phase.choices)
    index = ORDER.index(current)
    return [
        {
            "value": p,
            "label": labels[p],
            "state": "done" if i < index else "current" if i == index else "future",
        }
        for i, p in enumerate(ORDER)
    ]


def transition_form(mission: Mission, phase: str, data: Any = None) -> TransitionForm:
    form = TransitionForm(
        data,
        current_phase=mission.phase,
        initial={"to_phase": phase},
        auto_id=f"id_{phase}_%s",
    )
    form.fields["to_phase"].widget = HiddenInput()
    return form


class LifecycleView(LoginRequiredMixin, View):
    """GET the page; POST to ``mission-transition`` decides a transition."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        return self.render_page(mission)

    def render_page(
        self,
        mission: Mission,
        *,
        bound: TransitionForm | None = None,
        error: ActionError | None = None,
        status: int = 200,
    ) -> HttpResponse:
        user = self.request.user
        can_transition = user_can(user, Action.TRANSITION, mission.pk)
        posted_phase = bound.data.get("to_phase") if bound is not None else None
        options = []
        for phase in next_phases(mission.phase):
            checks = check_gates(mission, phase, user)
            form = None
            if can_transition:
                form = (
                    bound
                    if bound is not None and posted_phase == phase
                    else transition_form(mission, phase)
                )
                if all(c.passed for c in checks):
                    form.fields.pop("override_reason", None)  # nothing to override
                else:  # overriding is deliberate: never without its reason
                    form.fields["override_reason"].required = True
            options.append(
                {
                    "phase": phase,
                    "label": Phase(phase).label,
                    "checks": checks,
                    "all_passed": all(c.passed for c in checks),
                    "form": form,
                    "error": error if posted_phase == phase else None,
                }
            )
        history = list(
            PhaseTransition.objects.restrict(user)
            .filter(mission=mission)
            .select_related("decided_by")
            .order_by("-effective_on", "-id")
        )
        milestones = list(StartUpMilestone.objects.restrict(user).filter(mission=mission))
        log_reads(user, [*history, *milestones])
        can_add_milestone = user_can(user, Action.ADD, mission.pk)
        context = {
            "mission": mission,
            "title": _("Lifecycle of %(code)s") % {"code": mission.code},
            "phases": phase_sequence(mission.phase),
            "options": options,
            "orphan_error": error
            if error and posted_phase not in next_phases(mission.phase)
            else None,
            "orphan_form": bound
            if bound is not None and posted_phase not in next_phases(mission.phase)
            else None,
            "can_transition": can_transition,
            "history": history,
            "milestones": milestones,
            "milestone_form": StartUpMilestoneForm(
                user=user, action=Action.ADD, fixed_mission=mission
            )
            if can_add_milestone
            else None,
            "can_change_milestones": user_can(user, Action.CHANGE, mission.pk),
            "can_delete_milestones": user_can(user, Action.DELETE, mission.pk),
            **clock_context(deployment_clock(mission)),
        }
        return render(self.request, "lifecycle/lifecycle.html", context, status=status)


class TransitionView(LifecycleView):
    """Decide a phase transition through the domain action; refusals answer 400."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        return redirect("mission-lifecycle", code=code)

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        if not user_can(request.user, Action.TRANSITION, mission.pk):
            raise Http404
        phase = request.POST.get("to_phase", "")
        form = transition_form(mission, phase, request.POST)
        if not form.is_valid():
            messages.error(request, _("The transition was not recorded: correct the form."))
            return self.render_page(mission, bound=form, status=400)
        data = form.cleaned_data
        try:
            transition = do_transition_mission_phase(
                mission,
                data["to_phase"],
                acting_user=request.user,
                effective_on=data["effective_on"],
                override_reason=data.get("override_reason", ""),
            )
        except ActionError as exc:
            messages.error(request, exc.message)
            return self.render_page(mission, bound=form, error=exc, status=exc.status)
        text = _("%(code)s moved to %(phase)s on %(date)s.") % {
            "code": mission.code,
            "phase": transition.get_to_phase_display(),
            "date": transition.effective_on,
        }
        if transition.overridden:
            text += " " + _("Gates overridden; the reason is kept in the history.")
        messages.success(request, text)
        return redirect("mission-lifecycle", code=mission.code)


class MilestoneMixin:
    """Milestones live under their mission's lifecycle page; the mission comes from the URL."""

    model: ClassVar[type[models.Model]] = StartUpMilestone
    kwargs: dict[str, Any]
    request: HttpRequest

    @cached_property
    def mission(self) -> Mission:
        return get_mission(self.request, self.kwargs["code"])

    def get_queryset(self) -> Any:
        return super().get_queryset().filter(mission=self.mission)  # type: ignore[misc]

    def list_url(self) -> str:
        return reverse("mission-lifecycle", kwargs={"code": self.mission.code})

    def fixed_mission(self) -> Mission:
        return self.mission


class MilestoneEditView(MilestoneMixin, generic.ObjectEditView):
    form_class = StartUpMilestoneForm

    def get_instance(self) -> Any:
        if self.creating:
            if not user_can(self.request.user, Action.ADD, self.mission.pk):
                raise Http404
            return StartUpMilestone(mission=self.mission)
        return self.get_object()


class MilestoneDeleteView(MilestoneMixin, generic.ObjectDeleteView):
    pass
