"""The mission's outreach flags for the leadership (Capstone §9.1-9.2, §7.2): impact breaches
with their places on the map, unanswered high-risk rumours, overdue action items; each flag
accepted or dismissed with a reason (``actions.do_override_outreach_verdict``)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.core.audit import log_reads
from bluehelmet.core.errors import ActionError
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.outreach import actions, maps
from bluehelmet.outreach.forms import OverrideForm
from bluehelmet.outreach.verdicts import (
    judge_actions,
    judge_impact,
    judge_rumours,
    open_flags,
    overrides_for,
)


def flags_url(mission: Any) -> str:
    return reverse("mission-outreach-flags", kwargs={"code": mission.code})


class MissionOutreachFlagsView(LoginRequiredMixin, View):
    """``/missions/<code>/outreach/``: every flag the reader may see, open ones first."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        user: Any = request.user
        overrides = overrides_for(mission, user)
        groups = {
            "impact": [j for j in judge_impact(mission, user, overrides) if j.verdict.flagged],
            "rumours": [j for j in judge_rumours(mission, user, overrides) if j.verdict.flagged],
            "actions": [j for j in judge_actions(mission, user, overrides) if j.verdict.flagged],
        }
        log_reads(user, [j.record for group in groups.values() for j in group])
        breached = [j.record for j in open_flags(groups["impact"])]
        context = {
            "mission": mission,
            **groups,
            "open_count": sum(len(open_flags(g)) for g in groups.values()),
            "small_map": maps.impact_map(mission, breached, _("Threshold breached")),
            "can_change": user_can(user, Action.CHANGE, mission.pk),
            "next": flags_url(mission),
        }
        return render(request, "outreach/flags.html", context)


class MissionOutreachOverrideView(LoginRequiredMixin, View):
    """POST-only: accept or dismiss one flag with a reason, then back to where it was shown."""

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        form = OverrideForm(request.POST)
        try:
            if not form.is_valid():
                raise ActionError(actions.OutreachErrorCode.INVALID, _("Give the reason."))
            actions.do_override_outreach_verdict(
                mission, **form.cleaned_data, acting_user=request.user
            )
            messages.success(request, _("Decision recorded with its reason."))
        except ActionError as exc:
            messages.error(request, exc.message)
        target = request.POST.get("next") or ""
        allowed = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
        return HttpResponseRedirect(target if allowed and target else flags_url(mission))
