"""Lists, details and forms of benchmarks, indicators, observations and readiness assessments
(Capstone §10.2). Indicators are added from their benchmark, observations from their indicator;
their mission is their parent's."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.benchmarks import filtersets as fs
from bluehelmet.benchmarks import forms, lessons
from bluehelmet.benchmarks import models as m
from bluehelmet.benchmarks.actions import BenchmarkErrorCode
from bluehelmet.core.errors import ActionError
from bluehelmet.core.permissions import Action
from bluehelmet.core.tables import Cell, Column, display, object_url
from bluehelmet.core.views import generic

MISSION = Column("mission", sort="mission__code")
BENCHMARK_COLUMNS = (
    Column("__str__", label=_l("Benchmark"), sort="code", link=True),
    Column("area"),
    Column("template", sort=None),
    Column("target_date"),
    MISSION,
)
INDICATOR_COLUMNS = (
    Column("name", link=True),
    Column("benchmark", sort="benchmark__code"),
    Column("level"),
    Column("unit"),
    Column("baseline", css="num"),
    Column("target", css="num"),
    Column("threshold", css="num"),
    Column("direction"),
    # The label of the indicator source (``core.registry``), not its code.
    Column("get_computation_display", label=_l("Computed from"), sort="computation"),
    Column("admin1"),
    MISSION,
)
OBSERVATION_COLUMNS = (
    Column("observed_on", link=True),
    Column("indicator", sort="indicator__name"),
    Column("value", css="num"),
    Column("source_kind"),
    Column("source_name"),
    Column("independent"),
    MISSION,
)
LESSON_COLUMNS = (
    Column("title", link=True),
    Column("kind"),
    Column("written_on"),
    Column("author", sort="author__username"),
    MISSION,
)
READINESS_COLUMNS = (
    Column("__str__", label=_l("Assessment"), sort=None, link=True),
    Column("area"),
    Column("admin1"),
    Column("level"),
    Column("assessed_on"),
    MISSION,
)


class ChildEditView(generic.ParentScopedEditView):
    """Add or edit a record whose mission is its parent's (``parent``: the field naming it)."""

    parent: str = "benchmark"
    parent_model: Any = m.Benchmark


class BenchmarkListView(generic.ObjectListView):
    model = m.Benchmark
    filterset_class = fs.BenchmarkFilterSet
    columns = BENCHMARK_COLUMNS
    select_related = ("mission", "template")


class BenchmarkDetailView(generic.ObjectDetailView):
    model = m.Benchmark
    related = ((_l("Indicators"), "indicators", INDICATOR_COLUMNS),)


class BenchmarkEditView(generic.ObjectEditView):
    model = m.Benchmark
    form_class = forms.BenchmarkForm


class IndicatorListView(generic.ObjectListView):
    model = m.Indicator
    filterset_class = fs.IndicatorFilterSet
    columns = INDICATOR_COLUMNS
    select_related = ("mission", "benchmark")

    def add_url(self) -> str | None:
        return None  # added from its benchmark's page


class IndicatorDetailView(generic.ObjectDetailView):
    model = m.Indicator
    related = ((_l("Observations"), "observations", OBSERVATION_COLUMNS),)

    def field_rows(self, obj: Any) -> list[tuple[str, Cell]]:
        """``computation`` shows the indicator source's label, not its code."""
        rows = super().field_rows(obj)
        label = str(m.Indicator._meta.get_field("computation").verbose_name)
        label = label[:1].upper() + label[1:]
        shown = Cell(display(obj.get_computation_display()), None, obj.computation)
        return [(name, shown if name == label else cell) for name, cell in rows]


class IndicatorEditView(ChildEditView):
    model = m.Indicator
    form_class = forms.IndicatorForm


class ObservationListView(generic.ObjectListView):
    model = m.Observation
    filterset_class = fs.ObservationFilterSet
    columns = OBSERVATION_COLUMNS
    select_related = ("mission", "indicator")

    def add_url(self) -> str | None:
        return None  # added from its indicator's page


class ObservationDetailView(generic.ObjectDetailView):
    model = m.Observation


class ObservationEditView(ChildEditView):
    model = m.Observation
    form_class = forms.ObservationForm
    parent, parent_model = "indicator", m.Indicator


class ReadinessAssessmentListView(generic.ObjectListView):
    model = m.ReadinessAssessment
    filterset_class = fs.ReadinessAssessmentFilterSet
    columns = READINESS_COLUMNS
    select_related = ("mission",)


class ReadinessAssessmentDetailView(generic.ObjectDetailView):
    model = m.ReadinessAssessment


class ReadinessAssessmentEditView(generic.ObjectEditView):
    model = m.ReadinessAssessment
    form_class = forms.ReadinessAssessmentForm


class LessonLearnedListView(generic.ObjectListView):
    model = m.LessonLearned
    filterset_class = fs.LessonLearnedFilterSet
    columns = LESSON_COLUMNS
    select_related = ("mission", "author")


class LessonLearnedDetailView(generic.ObjectDetailView):
    """The lesson and the records it is about that the reader may see, and a form to link one."""

    model = m.LessonLearned
    template_name = "benchmarks/lesson_detail.html"

    def extra_context(self, obj: Any) -> dict[str, Any]:
        return {
            "about": lessons.visible_links(obj, self.request.user),
            "areas": list(obj.areas.all()),
            "link_form": forms.LinkLessonForm(),
        }


class LessonLearnedEditView(generic.ObjectEditView):
    model = m.LessonLearned
    form_class = forms.LessonLearnedForm


class LessonLinkView(generic.ScopedView):
    """POST-only: link the lesson to a record (``<app>.<model>:<id>``)."""

    model = m.LessonLearned
    action = Action.CHANGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        lesson = self.get_object()
        form = forms.LinkLessonForm(request.POST)
        try:
            if not form.is_valid():
                raise ActionError(
                    BenchmarkErrorCode.INVALID, _("Name the record: <app>.<model>:<id>.")
                )
            lessons.do_link_lesson(lesson, form.cleaned_data["record"], acting_user=request.user)
            messages.success(request, _("Linked."))
        except ActionError as exc:
            messages.error(request, exc.message)
        return HttpResponseRedirect(object_url(lesson) or "/")
