"""The drawdown plan's pages (Capstone §6.1: withdrawal): contingents to repatriate and sites
to close, records of the lifecycle app (whose liquidation gate reads them) shown here beside the
hand-over plan, and read against the deployed-strength series of the mandates app."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.errors import ActionError
from bluehelmet.core.forms import ScopedModelForm
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action
from bluehelmet.core.tables import Column, object_url
from bluehelmet.core.views import generic
from bluehelmet.core.views.current import get_current_mission
from bluehelmet.lifecycle.actions import do_complete_drawdown_step
from bluehelmet.lifecycle.filtersets import DrawdownStepFilterSet
from bluehelmet.lifecycle.models import DrawdownStep
from bluehelmet.mandates.models import DeployedStrength

UNIFORMED = ("troops", "police", "military_observers")
DRAWDOWN_COLUMNS = (
    Column("__str__", label=_l("Step"), sort="planned_on", link=True),
    Column("kind"),
    Column("personnel", css="num"),
    Column("planned_on"),
    Column("completed_on"),
    Column("mission", sort="mission__code"),
)


class DrawdownStepForm(ScopedModelForm):
    """Completion is the action on the step's page, not a field."""

    class Meta:
        model = DrawdownStep
        fields = [
            "mission",
            "kind",
            "contingent",
            "org_unit",
            "personnel",
            "planned_on",
            "notes",
            "sensitivity",
        ]


def strength_outlook(mission: Any, user: Any) -> dict[str, Any] | None:
    """The last deployed uniformed strength and what is left once the plan's open steps the
    user may see are carried out (the strength series the drawdown reads against)."""
    latest = DeployedStrength.objects.restrict(user).filter(mission=mission).order_by("-month")
    month = latest.first()
    if month is None:
        return None
    deployed = sum(getattr(month, c) or 0 for c in UNIFORMED)
    steps = DrawdownStep.objects.restrict(user).filter(mission=mission, completed_on__isnull=True)
    leaving = sum(s.personnel for s in steps)
    last = steps.order_by("-planned_on").values_list("planned_on", flat=True).first()
    return {
        "month": month.month,
        "deployed": deployed,
        "leaving": leaving,
        "remaining": max(deployed - leaving, 0),
        "until": last,
    }


class DrawdownStepListView(generic.ObjectListView):
    model = DrawdownStep
    filterset_class = DrawdownStepFilterSet
    columns = DRAWDOWN_COLUMNS
    select_related = ("mission", "contingent", "org_unit")
    template_name = "benchmarks/drawdown_list.html"

    def extra_context(self) -> dict[str, Any]:
        code = self.request.GET.get("mission", "")
        visible = Mission.objects.restrict(self.request.user)
        mission = visible.filter(code=code).first() if code else None
        mission = mission or get_current_mission(self.request)
        outlook = strength_outlook(mission, self.request.user) if mission else None
        return {"outlook": outlook, "outlook_mission": mission}


class DrawdownStepDetailView(generic.ObjectDetailView):
    model = DrawdownStep
    template_name = "benchmarks/drawdown_detail.html"
    select_related = ("mission", "contingent", "org_unit")

    def extra_context(self, obj: Any) -> dict[str, Any]:
        can = generic.can_act_on(self.request.user, obj, Action.CHANGE)
        return {"can_complete": can and not obj.done}


class DrawdownStepEditView(generic.ObjectEditView):
    model = DrawdownStep
    form_class = DrawdownStepForm


class DrawdownStepCompleteView(generic.ScopedView):
    """POST: carry the step out (the contingent repatriated, or the site closed)."""

    model = DrawdownStep
    action = Action.CHANGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        step = get_object_or_404(self.get_queryset(), pk=pk)
        try:
            do_complete_drawdown_step(step, acting_user=request.user)  # type: ignore[arg-type]
            messages.success(request, _("Step carried out."))
        except ActionError as exc:
            messages.error(request, exc.message)
        return HttpResponseRedirect(object_url(step) or "/")
