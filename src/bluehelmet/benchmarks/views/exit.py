"""Pages of the way out (Capstone §10.1-10.2, §6.1): the hand-over plan and the liquidation
asset register, records of the lifecycle app (whose gates read them) shown and edited here,
beside the readiness they serve; approving and completing a disposal are actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views import View

from bluehelmet.benchmarks import forms
from bluehelmet.core.errors import ActionError
from bluehelmet.core.tables import Column
from bluehelmet.core.views import generic
from bluehelmet.core.views.missions import get_mission
from bluehelmet.lifecycle import filtersets as fs
from bluehelmet.lifecycle.actions import do_approve_asset_disposal, do_complete_asset_disposal
from bluehelmet.lifecycle.models import AssetDisposal, HandoverItem

MISSION = Column("mission", sort="mission__code")
HANDOVER_COLUMNS = (
    Column("responsibility", link=True),
    Column("receiver_kind"),
    Column("receiver"),
    Column("admin1"),
    Column("planned_on"),
    Column("status"),
    Column("completed_on"),
    MISSION,
)
DISPOSAL_COLUMNS = (
    Column("__str__", label=_l("Asset"), sort="asset", link=True),
    Column("category"),
    Column("value", css="num"),
    Column("method"),
    Column("recipient"),
    Column("status"),
    MISSION,
)


class HandoverItemListView(generic.ObjectListView):
    model = HandoverItem
    filterset_class = fs.HandoverItemFilterSet
    columns = HANDOVER_COLUMNS
    select_related = ("mission",)


class HandoverItemDetailView(generic.ObjectDetailView):
    model = HandoverItem


class HandoverItemEditView(generic.ObjectEditView):
    model = HandoverItem
    form_class = forms.HandoverItemForm


class AssetDisposalListView(generic.ObjectListView):
    model = AssetDisposal
    filterset_class = fs.AssetDisposalFilterSet
    columns = DISPOSAL_COLUMNS
    select_related = ("mission",)


class AssetDisposalDetailView(generic.ObjectDetailView):
    model = AssetDisposal


class AssetDisposalEditView(generic.ObjectEditView):
    model = AssetDisposal
    form_class = forms.AssetDisposalForm


class AssetDisposalStepView(LoginRequiredMixin, View):
    """POST-only: approve or complete one disposal (``verb``), back to the readiness page."""

    def post(self, request: HttpRequest, code: str, verb: str) -> HttpResponse:
        mission = get_mission(request, code)
        found = get_object_or_404(
            AssetDisposal.objects.restrict(request.user).filter(mission=mission),
            pk=request.POST.get("disposal") or 0,
        )
        try:
            if verb == "approve":
                do_approve_asset_disposal(found, acting_user=request.user)
                messages.success(request, _("Disposal approved."))
            elif verb == "complete":
                do_complete_asset_disposal(found, acting_user=request.user)
                messages.success(request, _("Disposal recorded as completed."))
            else:
                messages.error(request, _("No such action."))
        except ActionError as exc:
            messages.error(request, exc.message)
        url = reverse("mission-readiness", kwargs={"code": mission.code})
        return HttpResponseRedirect(f"{url}#asset-register")
