"""Lists, details and forms of the plan's records (Capstone §5.1-5.2, §4.3). The parts of a
revision are added to a draft from the plan page; their mission is their parent's."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.errors import ActionError
from bluehelmet.core.permissions import Action
from bluehelmet.core.tables import Column, object_url
from bluehelmet.core.views import generic
from bluehelmet.core.views.missions import get_mission
from bluehelmet.planning import actions, forms
from bluehelmet.planning import filtersets as fs
from bluehelmet.planning import models as m
from bluehelmet.planning.views.plan import plan_url

INDICATOR_COLUMNS = (
    Column("name", link=True),
    Column("level"),
    Column("result", sort="result__code"),
    Column("unit"),
    Column("baseline", css="num"),
    Column("target", css="num"),
    Column("direction"),
    Column("frequency"),
    Column("source"),
    Column("mission", sort="mission__code"),
)
FRAMEWORK_COLUMNS = (
    Column("name", link=True),
    Column("kind"),
    Column("owner"),
    Column("reference"),
    Column("starts_on"),
    Column("ends_on"),
    Column("mission", sort="mission__code"),
)
CONCEPT_COLUMNS = (
    Column("__str__", label=_l("Concept"), sort=None, link=True),
    Column("title"),
    Column("issued_on"),
    Column("consultation", sort=None),
    Column("mission", sort="mission__code"),
)


class PlanPartEditView(generic.ObjectEditView):
    """Add or edit a part of a draft revision; ``parent`` is the GET/POST field naming it."""

    parent: str = "revision"
    parent_model: Any = m.PlanRevision

    def parent_object(self) -> Any:
        if not self.creating:
            return self.get_instance().owning_revision()
        raw = self.request.POST.get(self.parent) or self.request.GET.get(self.parent)
        if not str(raw or "").isdigit():
            raise Http404
        found = self.parent_model.objects.restrict(self.request.user).filter(pk=raw).first()
        if found is None:
            raise Http404
        return found

    def fixed_mission(self) -> Any:
        return self.parent_object().mission

    def success_url(self, obj: Any) -> str:
        revision = obj.owning_revision()
        return generic.safe_next(
            self.request, f"{plan_url(obj.mission, revision)}#objective-{_code(obj)}"
        )


def _code(obj: Any) -> str:
    objective = getattr(obj, "objective", None) or getattr(
        getattr(obj, "result", None), "objective", None
    )
    return getattr(objective or obj, "code", "")


class StrategicObjectiveEditView(PlanPartEditView):
    model = m.StrategicObjective
    form_class = forms.StrategicObjectiveForm


class StrategicObjectiveDetailView(generic.ObjectDetailView):
    model = m.StrategicObjective
    select_related = ("revision", "mission")


class PlanActorEditView(PlanPartEditView):
    model = m.PlanActor
    form_class = forms.PlanActorForm
    parent, parent_model = "objective", m.StrategicObjective


class PlanActorDetailView(generic.ObjectDetailView):
    model = m.PlanActor
    fields = ("objective", "role", "component", "org_unit", "partner", "contribution", "mission")


class ExpectedResultEditView(PlanPartEditView):
    model = m.ExpectedResult
    form_class = forms.ExpectedResultForm
    parent, parent_model = "objective", m.StrategicObjective


class ExpectedResultDetailView(generic.ObjectDetailView):
    model = m.ExpectedResult


class ResultIndicatorEditView(PlanPartEditView):
    model = m.ResultIndicator
    form_class = forms.ResultIndicatorForm
    parent, parent_model = "result", m.ExpectedResult


class ResultIndicatorDetailView(generic.ObjectDetailView):
    model = m.ResultIndicator


class ResultIndicatorListView(generic.ObjectListView):
    model = m.ResultIndicator
    filterset_class = fs.ResultIndicatorFilterSet
    columns = INDICATOR_COLUMNS
    select_related = ("mission", "result")

    def add_url(self) -> str | None:
        return None  # added to a result of a draft, from the plan page


class FrameworkLinkEditView(PlanPartEditView):
    model = m.FrameworkLink
    form_class = forms.FrameworkLinkForm
    parent, parent_model = "objective", m.StrategicObjective


class FrameworkLinkDetailView(generic.ObjectDetailView):
    model = m.FrameworkLink


class ParallelFrameworkListView(generic.ObjectListView):
    model = m.ParallelFramework
    filterset_class = fs.ParallelFrameworkFilterSet
    columns = FRAMEWORK_COLUMNS
    select_related = ("mission",)


class ParallelFrameworkDetailView(generic.ObjectDetailView):
    model = m.ParallelFramework


class ParallelFrameworkEditView(generic.ObjectEditView):
    model = m.ParallelFramework
    form_class = forms.ParallelFrameworkForm


class ConceptOfOperationsListView(generic.ObjectListView):
    model = m.ConceptOfOperations
    filterset_class = fs.ConceptOfOperationsFilterSet
    columns = CONCEPT_COLUMNS
    select_related = ("mission", "consultation")

    def add_url(self) -> str | None:
        return None  # issued from a mission's page: it opens the §4.3 consultation


class ConceptOfOperationsDetailView(generic.ObjectDetailView):
    model = m.ConceptOfOperations
    fields = (
        "mission",
        "kind",
        "version",
        "title",
        "summary",
        "changes",
        "issued_on",
        "consultation",
    )


class PlanRevisionDetailView(generic.ScopedView):
    """A revision's page is the plan page showing that revision."""

    model = m.PlanRevision

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        revision = self.get_object()
        return HttpResponseRedirect(plan_url(revision.mission, revision))


class ConceptIssueView(generic.ScopedView):
    """``/missions/<code>/concepts/issue/``: a new concept of operations version (§4.3)."""

    model = m.ConceptOfOperations
    action = Action.ADD

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        return self.render_form(mission, forms.ConceptForm())

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        form = forms.ConceptForm(request.POST)
        if not form.is_valid():
            return self.render_form(mission, form, 400)
        try:
            concept = actions.do_issue_concept(
                mission, **form.cleaned_data, acting_user=request.user
            )
        except ActionError as exc:
            form.add_error(None, exc.message)
            return self.render_form(mission, form, exc.status)
        messages.success(
            request,
            _("%(c)s issued; the consultation with contributors is open.") % {"c": concept},
        )
        return HttpResponseRedirect(object_url(concept) or reverse("conceptofoperations-list"))

    def render_form(self, mission: Any, form: Any, status: int = 200) -> HttpResponse:
        context = {"mission": mission, "form": form, "title": _("Issue a concept of operations")}
        return render(self.request, "planning/concept_form.html", context, status=status)
