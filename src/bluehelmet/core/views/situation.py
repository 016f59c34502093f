"""``/missions/<code>/now/``: the mission's situation now, for the JOC and the leadership.

Like the mission overview, the page knows no area app: it renders the "situation panels" the
apps register (``registry.add_situation_panel``), each with its own context function that
scopes what it reads with ``restrict`` and logs strictly confidential reads. The JOC officer,
the Head of Mission and the members of the Mission Leadership Team land here after login
(``HomeView``): Capstone §7.2, the JOC keeps the mission's current situational awareness.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.core.models import Membership, Mission
from bluehelmet.core.registry import SITUATION_POSITIONS, registry, render_panels
from bluehelmet.core.views.current import set_current_mission

# Roles whose holders land on the situation page of their mission after login. Role codes
# rather than a Role column, as ``permissions.PARTNER_SAFE_ROLES``: a site's own JOC or
# leadership role is one line here.
SITUATION_ROLES = frozenset({"joc-officer", "head-of-mission", "mlt-member"})


def lands_on_situation(user: Any, mission: Mission) -> bool:
    """Whether ``user`` holds a JOC or leadership role in ``mission`` (active membership)."""
    if user is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user=user, mission=mission, active=True, role__code__in=SITUATION_ROLES
    ).exists()


def situation_panels(request: HttpRequest, mission: Mission) -> dict[str, list[str]]:
    """Each position's registered panels rendered with their own context (``None``: left out)."""
    return {
        f"{position}_panels": render_panels(request, mission, registry.situation_panels(position))
        for position in SITUATION_POSITIONS
    }


class SituationView(LoginRequiredMixin, View):
    """The last 24 hours and 7 days of the mission, and what waits for an answer."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        from bluehelmet.core.views.missions import get_mission

        mission = get_mission(request, code)
        set_current_mission(request, mission)
        context = {
            "mission": mission,
            "title": _("Situation now · %(code)s") % {"code": mission.code},
            "now": timezone.now(),
            **situation_panels(request, mission),
        }
        return render(request, "core/situation.html", context)
