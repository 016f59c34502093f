"""Lists and details of resolutions, mandate versions, mandated tasks and consultations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.tables import Cell, Column
from bluehelmet.core.views import generic
from bluehelmet.mandates import filtersets as fs
from bluehelmet.mandates.consultations import due_explanation
from bluehelmet.mandates.forms import (
    ConsultationForm,
    ConsultationRecordForm,
)
from bluehelmet.mandates.models import (
    Consultation,
    ConsultationStatus,
    Mandate,
    MandatedTask,
    Resolution,
)
from bluehelmet.mandates.views.mandate import all_task_types


@dataclass(frozen=True)
class StatusColumn(Column):
    """A consultation's status (due, held, overdue), styled by ``status-<value>``."""

    def cell(self, obj: Any) -> Cell:
        status = obj.status
        return Cell(str(ConsultationStatus(status).label), None, status, f"status status-{status}")


RESOLUTION_COLUMNS = (
    Column("text_reference", link=True, label=_l("Resolution"), sort="number"),
    Column("adopted_on"),
    Column("chapter_vii", label=_l("Chapter VII")),
    Column("title"),
    Column("source"),
)
MANDATE_COLUMNS = (
    Column("__str__", label=_l("Mandate version"), sort=None, link=True),
    Column("mission", sort="mission__code"),
    Column("version"),
    Column("basis", label=_l("Basis"), sort=None),
    Column("effective_from"),
    Column("effective_to"),
    Column("chapter_vii"),
    Column("all_necessary_means", label=_l("All necessary means")),
    Column("source"),
)
TASK_COLUMNS = (
    Column("task_type.name", label=_l("Task"), sort="task_type__name", link=True),
    Column("task_type.category", label=_l("Category"), sort="task_type__category__name"),
    Column("mission", sort="mission__code"),
    Column("mandate", sort="mandate__version"),
    Column("priority"),
    Column("wording", sort=None),
    Column("sensitivity"),
)
CONSULTATION_COLUMNS = (
    Column("trigger", link=True),
    Column("mission", sort="mission__code"),
    Column("due_on"),
    StatusColumn("status", label=_l("Status"), sort=None),
    Column("held_on"),
    Column("mandate", sort="mandate__version"),
    Column("reason", sort=None),
)


class ResolutionListView(generic.ObjectListView):
    model = Resolution
    filterset_class = fs.ResolutionFilterSet
    columns = RESOLUTION_COLUMNS


class ResolutionDetailView(generic.ObjectDetailView):
    model = Resolution
    fields = ("number", "adopted_on", "chapter_vii", "title", "text_reference", "source")
    related = ((_l("Mandate versions resting on it"), "mandates", MANDATE_COLUMNS),)


class MandateListView(generic.ObjectListView):
    model = Mandate
    filterset_class = fs.MandateFilterSet
    columns = MANDATE_COLUMNS
    select_related = ("mission", "resolution")


class MandateDetailView(generic.ObjectDetailView):
    model = Mandate
    template_name = "mandates/mandate_detail.html"
    select_related = ("mission", "resolution")
    fields = (
        "mission",
        "version",
        "resolution",
        "basis_reference",
        "effective_from",
        "effective_to",
        "chapter_vii",
        "all_necessary_means",
        "summary",
        "source",
        "sensitivity",
    )
    related = (
        (_l("Tasks"), "tasks", TASK_COLUMNS[:2] + TASK_COLUMNS[4:6]),
        (_l("Consultations"), "consultations", CONSULTATION_COLUMNS),
    )

    def extra_context(self, obj: Any) -> dict[str, Any]:
        types = {t.code: t for t in all_task_types()}
        diff = obj.diff or {}
        return {
            "joint": list(obj.joint_resolutions.all()),
            "added": [types.get(c, c) for c in diff.get("tasks_added", [])],
            "removed": [types.get(c, c) for c in diff.get("tasks_removed", [])],
            "diff": diff,
        }


class MandatedTaskListView(generic.ObjectListView):
    model = MandatedTask
    filterset_class = fs.MandatedTaskFilterSet
    columns = TASK_COLUMNS
    select_related = ("mission", "mandate__mission", "mandate__resolution", "task_type__category")


class MandatedTaskDetailView(generic.ObjectDetailView):
    model = MandatedTask
    select_related = ("mission", "mandate__mission", "task_type")
    fields = ("mandate", "task_type", "priority", "wording", "mission", "sensitivity")


class ConsultationListView(generic.ObjectListView):
    model = Consultation
    filterset_class = fs.ConsultationFilterSet
    columns = CONSULTATION_COLUMNS
    select_related = ("mission", "mandate__mission", "mandate__resolution")
    template_name = "mandates/consultation_list.html"

    def get_filterset(self, queryset: Any) -> Any:
        filterset = super().get_filterset(queryset)
        filterset.form.fields["status"].label = _l("Status")  # the filter has no model field
        return filterset


class ConsultationDetailView(generic.ObjectDetailView):
    model = Consultation
    template_name = "mandates/consultation_detail.html"
    select_related = ("mission", "mandate__mission", "mandate__resolution")
    fields = ("trigger", "due_on", "held_on", "reason", "summary", "mandate", "mission")

    def extra_context(self, obj: Any) -> dict[str, Any]:
        return {
            "countries": list(obj.countries.all()),
            "status": obj.status,
            "due_explanation": due_explanation(obj),
        }


class ConsultationAddView(generic.ObjectEditView):
    model = Consultation
    form_class = ConsultationForm


class ConsultationEditView(generic.ObjectEditView):
    model = Consultation
    form_class = ConsultationRecordForm
