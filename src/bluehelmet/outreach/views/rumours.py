"""The rumour page with the incidents it preceded, and the map of rumours over time
(Capstone §9.2). Linking goes through ``actions.do_link_rumour_incidents``."""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.core.audit import log_reads
from bluehelmet.core.errors import ActionError
from bluehelmet.core.parameters import parameter
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.tables import object_url
from bluehelmet.core.views import generic
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.outreach import actions, maps, rules
from bluehelmet.outreach import models as m
from bluehelmet.outreach.verdicts import mark, overrides_for

MAX_PERIOD_DAYS = 3660


class RumourDetailView(generic.ObjectDetailView):
    """The rumour, its verdict, the incidents linked to it and those that may be."""

    model = m.Rumour
    template_name = "outreach/rumour_detail.html"

    def extra_context(self, obj: Any) -> dict[str, Any]:
        user = self.request.user
        linked = list(obj.incidents.restrict(user).order_by("occurred_at"))
        candidates = list(
            actions.incidents_after(obj, user).exclude(pk__in=[i.pk for i in linked])[:50]
        )
        log_reads(user, linked + candidates)
        hours = parameter(obj.mission_id, rules.RESPONSE_KEY)
        verdict = rules.rumour_unanswered(obj, timezone.now(), hours)
        return {
            "linked": linked,
            "candidates": candidates,
            "window_days": parameter(obj.mission_id, rules.WINDOW_KEY),
            "verdicts": [mark(verdict, overrides_for(obj.mission, user))],
            "mission": obj.mission,
            "can_change": user_can(user, Action.CHANGE, obj.mission_id, obj.sensitivity),
            "next": object_url(obj),
        }


class RumourLinkView(generic.ScopedView):
    """POST-only: link the rumour to the incidents that followed it (all, or those ticked)."""

    model = m.Rumour
    action = Action.CHANGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        rumour = self.get_object()
        chosen = request.POST.getlist("incident")
        try:
            if any(not c.isdigit() for c in chosen):
                raise ActionError(actions.OutreachErrorCode.INVALID, _("Choose incidents."))
            ids = [int(c) for c in chosen] or None
            found = actions.do_link_rumour_incidents(
                rumour, incident_ids=ids, acting_user=request.user
            )
            messages.success(request, _("Linked to %(n)d incidents.") % {"n": len(found)})
        except ActionError as exc:
            messages.error(request, exc.message)
        return HttpResponseRedirect(object_url(rumour) or "/")


def period(request: HttpRequest) -> tuple[datetime.date, datetime.date, str]:
    """The ``since``/``until`` dates asked for (default: the last 90 days), and an error."""
    today = timezone.localdate()
    try:
        until = datetime.date.fromisoformat(request.GET.get("until") or today.isoformat())
        since_raw = request.GET.get("since") or (until - datetime.timedelta(days=90)).isoformat()
        since = datetime.date.fromisoformat(since_raw)
    except ValueError:
        return today - datetime.timedelta(days=90), today, _("Dates are YYYY-MM-DD.")
    if since > until or (until - since).days > MAX_PERIOD_DAYS:
        return today - datetime.timedelta(days=90), today, _("Choose a period of up to ten years.")
    return since, until, ""


class MissionRumourMapView(LoginRequiredMixin, View):
    """``/missions/<code>/rumours/map/``: the rumours of a period on the map, by month."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        since, until, error = period(request)
        found = list(
            m.Rumour.objects.restrict(request.user)
            .filter(mission=mission, heard_at__date__gte=since, heard_at__date__lte=until)
            .order_by("-heard_at", "pk")
        )
        log_reads(request.user, found)
        months = Counter(r.heard_at.strftime("%Y-%m") for r in found)
        context = {
            "mission": mission,
            "since": since,
            "until": until,
            "error": error,
            "rumours": found[:100],
            "count": len(found),
            "months": sorted(months.items()),
            "small_map": maps.rumour_map(mission, found),
        }
        return render(request, "outreach/rumour_map.html", context, status=400 if error else 200)
