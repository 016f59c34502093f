"""``/missions/<code>/parameters/``: the numbers the mission's rules judge by (``core.parameters``).

Everyone who sees the mission sees its parameters, their defaults and who changed them and why;
Headquarters roles with ``change`` get a form per parameter (``do_set_mission_parameter``).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views import View

from bluehelmet.core import parameters
from bluehelmet.core.actions import do_set_mission_parameter
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission


class ParameterForm(forms.Form):
    key = forms.CharField(max_length=80, widget=forms.HiddenInput)
    value = forms.IntegerField(label=_l("Value"))
    reason = forms.CharField(
        label=_l("Reason"), max_length=2000, required=False, widget=forms.TextInput
    )


class MissionParametersView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        return self.show(request, mission)

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        form = ParameterForm(request.POST)
        if not form.is_valid():
            return self.show(request, mission, _("Give a whole number and the reason."), 400)
        data = form.cleaned_data
        try:
            do_set_mission_parameter(
                mission, data["key"], data["value"], acting_user=request.user, reason=data["reason"]
            )
        except ActionError as exc:
            return self.show(request, mission, exc.message, exc.status, data["key"])
        messages.success(request, _("Parameter saved: %(key)s.") % {"key": data["key"]})
        return redirect("mission-parameters", code=mission.code)

    def show(
        self,
        request: HttpRequest,
        mission: Mission,
        error: str = "",
        status: int = 200,
        failed: str = "",
    ) -> HttpResponse:
        context: dict[str, Any] = {
            "mission": mission,
            "title": _("Parameters of %(code)s") % {"code": mission.code},
            "parameters": parameters.listing(mission),
            "can_change": parameters.may_set(request.user),
            "error": error,
            "failed": failed,
        }
        return render(request, "core/mission_parameters.html", context, status=status)
