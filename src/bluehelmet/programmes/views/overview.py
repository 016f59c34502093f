"""The programmes overview of one mission (Capstone §2.4-2.5, §10.2): the key figures of each
programme, the open rule flags with the decisions on them, and the POST-only actions the
overview and the record pages call (decide on a flag, approve, complete and hand over a QIP,
refer a child, link explosive incidents)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.core.audit import log_reads
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import AdminArea, Mission, Partner
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.generic import safe_next
from bluehelmet.core.views.missions import get_mission
from bluehelmet.programmes import actions, elections, figures, pictures, state, verdicts
from bluehelmet.programmes.forms import HandOverForm, OverrideForm
from bluehelmet.programmes.models import (
    DdrParticipant,
    DdrSite,
    HazardArea,
    QuickImpactProject,
    StateService,
)


def overview_url(mission: Mission) -> str:
    return reverse("mission-programmes", kwargs={"code": mission.code})


def overview_map(mission: Mission, user: Any) -> dict[str, Any] | None:
    """The small map of what the user may see: hazard areas, DDR sites, polling centres."""
    areas = list(AdminArea.objects.filter(country=mission.host_country, level=1))
    hazards = list(HazardArea.objects.restrict(user).filter(mission=mission))
    sites = list(DdrSite.objects.restrict(user).filter(mission=mission))
    risks = elections.mission_risks(mission, user, timezone.now().date())
    return pictures.programmes_map(areas, hazards, sites, risks)


class MissionProgrammesView(LoginRequiredMixin, View):
    """``/missions/<code>/programmes/``: figures by programme and the open flags."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        user: Any = request.user
        judged = verdicts.judge_mission(mission, user)
        log_reads(user, [record for record, _v in judged])
        context = {
            "mission": mission,
            "figures": figures.mission_figures(mission, user),
            "flags": verdicts.with_urls([(r, v) for r, v in judged if v.flagged]),
            "open_flags": len(verdicts.open_flags(judged)),
            "can_change": user_can(user, Action.CHANGE, mission.pk),
            "can_add": user_can(user, Action.ADD, mission.pk),
            "here": request.path,
            "presence": state.presence_matrix(mission, user),
            "map": overview_map(mission, user),
            "services": StateService.choices,
        }
        return render(request, "programmes/overview.html", context)


class MissionProgrammesActionView(LoginRequiredMixin, View):
    """POST-only: ``verb`` is one of the handlers below; back to ``next`` or the overview."""

    def post(self, request: HttpRequest, code: str, verb: str) -> HttpResponse:
        mission = get_mission(request, code)
        handlers: dict[str, Callable[[HttpRequest, Mission], str]] = {
            "override": self.override,
            "approve": self.approve,
            "complete": self.complete,
            "handover": self.handover,
            "refer": self.refer,
            "link": self.link,
        }
        try:
            if verb not in handlers:
                raise ActionError(actions.ProgrammeErrorCode.INVALID, _("No such action."))
            messages.success(request, handlers[verb](request, mission))
        except ActionError as exc:
            messages.error(request, exc.message)
        return HttpResponseRedirect(safe_next(request, overview_url(mission)))

    @staticmethod
    def _qip(request: HttpRequest, mission: Mission) -> QuickImpactProject:
        found = QuickImpactProject.objects.restrict(request.user).filter(mission=mission)
        return get_object_or_404(found, pk=request.POST.get("qip") or 0)  # type: ignore[no-any-return]

    def override(self, request: HttpRequest, mission: Mission) -> str:
        form = OverrideForm(request.POST)
        if not form.is_valid():
            raise ActionError(actions.ProgrammeErrorCode.INVALID, _("Give the reason."))
        actions.do_override_programme_verdict(
            mission, **form.cleaned_data, acting_user=request.user
        )
        return _("Decision recorded with its reason.")

    def approve(self, request: HttpRequest, mission: Mission) -> str:
        actions.do_approve_quick_impact_project(
            self._qip(request, mission), acting_user=request.user
        )
        return _("Project approved.")

    def complete(self, request: HttpRequest, mission: Mission) -> str:
        actions.do_complete_quick_impact_project(
            self._qip(request, mission), acting_user=request.user
        )
        return _("Project completed.")

    def handover(self, request: HttpRequest, mission: Mission) -> str:
        form = HandOverForm(request.POST)
        to = form.cleaned_data["to"] if form.is_valid() else ""
        qip = self._qip(request, mission)
        actions.do_hand_over_quick_impact_project(qip, to=to, acting_user=request.user)
        return _("Project handed over.")

    def refer(self, request: HttpRequest, mission: Mission) -> str:
        found = DdrParticipant.objects.restrict(request.user).filter(mission=mission)
        child = get_object_or_404(found, pk=request.POST.get("participant") or 0)
        raw = request.POST.get("partner") or ""
        partner = None
        if raw:
            partners = Partner.objects.restrict(request.user).filter(mission=mission)
            partner = get_object_or_404(partners, pk=raw if raw.isdigit() else 0)
        actions.do_refer_ddr_child(child, partner=partner, acting_user=request.user)
        return _("Referral to child protection recorded.")

    def link(self, request: HttpRequest, mission: Mission) -> str:
        made = actions.do_link_explosive_incidents(mission, acting_user=request.user)
        return _("%(n)d explosive incident(s) newly linked to hazard areas.") % {"n": made}
