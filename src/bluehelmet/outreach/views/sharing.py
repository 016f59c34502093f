"""Recording information given to a partner (Capstone §7.2): the form offers the partners the
user may see; the action applies the partner-safe rule and refuses with the reason."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _

from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission, Partner
from bluehelmet.core.permissions import Action
from bluehelmet.core.tables import object_url
from bluehelmet.core.views import generic
from bluehelmet.outreach import actions
from bluehelmet.outreach import models as m
from bluehelmet.outreach.forms import ShareForm


class ShareWithPartnerView(generic.ScopedView):
    """``/sharing-records/add/``: what was given to which partner (``?meeting=<id>`` ties it to
    a meeting the user may see)."""

    model = m.SharingRecord
    action = Action.ADD

    def partners(self) -> Any:
        missions = Mission.objects.restrict(self.request.user, Action.ADD)
        return Partner.objects.restrict(self.request.user).filter(mission__in=missions)

    def meeting(self) -> Any:
        raw = self.request.POST.get("meeting") or self.request.GET.get("meeting") or ""
        if not raw.isdigit():
            return None
        visible = m.CoordinationMeeting.objects.restrict(self.request.user)
        return visible.filter(pk=int(raw)).first()

    def render_form(self, form: ShareForm, status: int = 200) -> HttpResponse:
        context = {**self.base_context(), "form": form, "meeting": self.meeting()}
        return render(self.request, "outreach/share.html", context, status=status)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render_form(ShareForm(partners=self.partners()))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ShareForm(request.POST, partners=self.partners())
        if not form.is_valid():
            messages.error(request, _("Nothing was shared: correct the fields marked below."))
            return self.render_form(form, status=400)
        try:
            sharing = actions.do_share_with_partner(
                **form.cleaned_data, meeting=self.meeting(), acting_user=request.user
            )
        except ActionError as exc:
            form.add_error(None, exc.message)
            return self.render_form(form, status=exc.status)
        messages.success(request, _("Sharing recorded."))
        return HttpResponseRedirect(object_url(sharing) or "/")
