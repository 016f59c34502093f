"""The mission's support dashboard (Capstone §8.1-8.3) and the logistics request page with its
steps and the incidents on its route; decisions on verdicts are taken from the dashboard."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views import View

from bluehelmet.core.errors import ActionError
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.tables import object_url
from bluehelmet.core.views import generic
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.support import actions, dashboard, forms
from bluehelmet.support import models as m
from bluehelmet.support.routes import incidents_on_route
from bluehelmet.support.verdicts import judge_mission


def dashboard_url(mission: Any) -> str:
    return reverse("mission-support", kwargs={"code": mission.code})


class MissionSupportView(LoginRequiredMixin, View):
    """``/missions/<code>/support/``: countdowns, serviceability, open requests, premises,
    training, and every verdict with its decision."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        user: Any = request.user
        today = timezone.now().date()
        judged = judge_mission(mission, user, today)
        figures = dashboard.summary(mission, user, today)
        context = {
            "mission": mission,
            "figures": figures,
            "judged": judged,
            "sections": [
                ("contracts", _("Self-sufficiency and UN contracts"), "§8.1", judged.contracts),
                ("equipment", _("Contingent-owned equipment"), "§8.1", judged.equipment),
                ("premises", _("Premises and security standards"), "§8.3", judged.premises),
                ("security", _("Designated Official"), "§8.3", judged.security),
                ("training", _("Training of rotations"), "§8.2, §3.2", judged.training),
            ],
            "can_change": user_can(user, Action.CHANGE, mission.pk),
            "can_add": user_can(user, Action.ADD, mission.pk),
        }
        return render(request, "support/dashboard.html", context)


class MissionSupportActionView(LoginRequiredMixin, View):
    """POST-only: record a decision on a verdict, with its reason."""

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        form = forms.OverrideForm(request.POST)
        try:
            if not form.is_valid():
                raise ActionError(actions.SupportErrorCode.INVALID, _("Give the reason."))
            actions.do_override_support_verdict(
                mission, **form.cleaned_data, acting_user=request.user
            )
            messages.success(request, _("Decision recorded with its reason."))
        except ActionError as exc:
            messages.error(request, exc.message)
        return HttpResponseRedirect(dashboard_url(mission) + "#support-verdicts")


class SupplyRequestDetailView(generic.ObjectDetailView):
    """A logistics request, its steps (approve, reject, fulfil) and, for a movement, the JOC
    incidents near its route."""

    model = m.SupplyRequest
    template_name = "support/supplyrequest_detail.html"
    select_related = ("mission", "requesting_unit", "origin", "destination")

    def extra_context(self, obj: Any) -> dict[str, Any]:
        user: Any = self.request.user
        near = incidents_on_route(obj, user=user) if obj.kind == m.RequestKind.MOVEMENT else []
        return {
            "can_step": user_can(user, Action.CHANGE, obj.mission_id, obj.sensitivity),
            "route_incidents": near,
            "today": timezone.now().date(),
        }


STEPS = {
    "approve": (actions.do_approve_supply_request, _l("Approved.")),
    "reject": (actions.do_reject_supply_request, _l("Rejected.")),
    "fulfil": (actions.do_fulfil_supply_request, _l("Fulfilled.")),
}


class SupplyRequestStepView(generic.ScopedView):
    """POST-only: the joint logistics centre's step on a request; a refusal is shown, never a
    traceback."""

    model = m.SupplyRequest

    def post(self, request: HttpRequest, pk: int, step: str) -> HttpResponse:
        found = self.get_object()
        if step not in STEPS:
            messages.error(request, _("No such step."))
            return HttpResponseRedirect(object_url(found) or "/")
        action, done = STEPS[step]
        try:
            action(found, acting_user=request.user)
            messages.success(request, str(done))
        except ActionError as exc:
            messages.error(request, exc.message)
        return HttpResponseRedirect(object_url(found) or "/")
