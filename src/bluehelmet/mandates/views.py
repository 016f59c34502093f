"""Mandate pages: a mission's mandate and its history (Capstone §1.4), the strength and
mandate-resource gap (§4.2), consultations with contributors (§4.3), and the record lists.

A mandate change goes through ``do_change_mandate`` only; refusals answer 400 with the reason
and write nothing. Every record shown comes from a ``restrict``-ed queryset.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views import View

from bluehelmet.core.audit import log_reads
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.tables import Cell, Column
from bluehelmet.core.views import generic
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.doctrine.models import TaskGroup, TaskType
from bluehelmet.mandates import filtersets as fs
from bluehelmet.mandates import gap
from bluehelmet.mandates.actions import MandateError, do_change_mandate
from bluehelmet.mandates.forms import (
    ConsultationForm,
    ConsultationRecordForm,
    MandateChangeForm,
    ThresholdForm,
)
from bluehelmet.mandates.history import history, history_csv
from bluehelmet.mandates.models import (
    Consultation,
    ConsultationStatus,
    Mandate,
    MandatedTask,
    Resolution,
)

STRENGTH_LABELS = {
    "troops": _l("Troops"),
    "police": _l("Police"),
    "military_observers": _l("Military observers"),
}
MONTHS_PER_PAGE = 24


def all_task_types() -> list[TaskType]:
    return list(TaskType.objects.select_related("category").order_by("category__order", "order"))


def visible_mandates(user: Any, mission: Mission) -> list[Mandate]:
    tasks = MandatedTask.objects.restrict(user).select_related("task_type__category")
    return list(
        Mandate.objects.restrict(user)
        .filter(mission=mission)
        .select_related("resolution")
        .prefetch_related(Prefetch("tasks", queryset=tasks), "joint_resolutions")
        .order_by("-version")
    )


def tasks_by_group(tasks: list[MandatedTask]) -> list[dict[str, Any]]:
    """A version's tasks under the doctrine's groups (Capstone §1.4, §2.3-2.5)."""
    grouped: dict[str, list[MandatedTask]] = defaultdict(list)
    for t in tasks:
        grouped[t.task_type.category.group].append(t)
    return [
        {
            "label": label,
            "tasks": sorted(
                grouped[value], key=lambda t: (t.task_type.category.order, t.task_type.order)
            ),
        }
        for value, label in TaskGroup.choices
        if grouped.get(value)
    ]


def cross_cutting(tasks: list[MandatedTask], types: list[TaskType]) -> list[dict[str, Any]]:
    """Resolutions 1325, 1612 and 1674: is the matching thematic task in the mandate?"""
    present = {t.task_type.code for t in tasks}
    return [
        {"resolution": t.cross_cutting_resolution, "task": t, "present": t.code in present}
        for t in sorted(types, key=lambda t: t.cross_cutting_resolution)
        if t.cross_cutting_resolution
    ]


def strength_change(row: dict[str, Any], previous: dict[str, Any] | None) -> list[dict[str, Any]]:
    if previous is None:
        return []
    changes = []
    for cat, label in STRENGTH_LABELS.items():
        before, after = previous[f"authorised_{cat}"], row[f"authorised_{cat}"]
        if before != after:
            changes.append({"label": label, "before": before, "after": after})
    return changes


def version_rows(user: Any, mission: Mission, types: dict[str, TaskType]) -> list[dict[str, Any]]:
    """Each visible version, newest first, with its diff in words and its strength change."""
    mandates = visible_mandates(user, mission)
    rows = {r["version"]: r for r in history(mission, user)}
    ordered = sorted(rows)
    result = []
    for mandate in mandates:
        row = rows[mandate.version]
        index = ordered.index(mandate.version)
        previous = rows[ordered[index - 1]] if index else None
        diff = mandate.diff or {}
        result.append(
            {
                "mandate": mandate,
                "resolutions": ([mandate.resolution] if mandate.resolution_id else [])
                + sorted(mandate.joint_resolutions.all(), key=lambda r: r.number),
                "added": [types.get(c, c) for c in diff.get("tasks_added", [])],
                "removed": [types.get(c, c) for c in diff.get("tasks_removed", [])],
                "chapter_vii": diff.get("chapter_vii"),
                "all_necessary_means": diff.get("all_necessary_means"),
                "strength": {label: row[f"authorised_{c}"] for c, label in STRENGTH_LABELS.items()},
                "strength_change": strength_change(row, previous),
                "first": previous is None,
            }
        )
    return result


def current_version(versions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The version in force today, else the latest recorded."""
    for v in versions:
        if v["mandate"].is_current:
            return v
    return versions[0] if versions else None


class MandatePageView(LoginRequiredMixin, View):
    """``/missions/<code>/mandate/``: current mandate, history with diffs, change form."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        return self.render_page(mission)

    def change_form(self, mission: Mission, types: list[TaskType], current: Any) -> Any:
        if not user_can(self.request.user, Action.MANDATE, mission.pk):
            return None
        initial: dict[str, Any] = {}
        if current is not None:
            m = current["mandate"]
            initial = {
                "tasks": [t.task_type.code for t in m.tasks.all()],
                "priority_tasks": [
                    t.task_type.code for t in m.tasks.all() if t.priority == "priority"
                ],
                "chapter_vii": m.chapter_vii,
                "all_necessary_means": m.all_necessary_means,
            }
        return MandateChangeForm(initial=initial, task_types=types)

    def render_page(
        self, mission: Mission, form: MandateChangeForm | None = None, status: int = 200
    ) -> HttpResponse:
        user = self.request.user
        types = all_task_types()
        versions = version_rows(user, mission, {t.code: t for t in types})
        current = current_version(versions)
        tasks = list(current["mandate"].tasks.all()) if current else []
        consultations = list(
            Consultation.objects.restrict(user)
            .filter(mission=mission)
            .select_related("mandate")
            .order_by("-due_on")[:20]
        )
        log_reads(user, [*(v["mandate"] for v in versions), *tasks, *consultations])
        context = {
            "mission": mission,
            "title": _("Mandate of %(code)s") % {"code": mission.code},
            "versions": versions,
            "current": current,
            "task_groups": tasks_by_group(tasks),
            "cross_cutting": cross_cutting(tasks, types),
            "consultations": consultations,
            "form": form or self.change_form(mission, types, current),
        }
        return render(self.request, "mandates/mandate.html", context, status=status)


class MandateChangeView(MandatePageView):
    """POST: record a new version through ``do_change_mandate`` (Capstone §1.4, §4.3)."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        return redirect("mission-mandate", code=code)

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        if not user_can(request.user, Action.MANDATE, mission.pk):
            raise Http404
        form = MandateChangeForm(request.POST, task_types=all_task_types())
        if not form.is_valid():
            messages.error(request, _("The mandate change was not recorded: correct the form."))
            return self.render_page(mission, form, status=400)
        try:
            mandate = self.record(mission, form.cleaned_data)
        except MandateError as exc:
            form.add_error(None, exc.message)
            messages.error(request, exc.message)
            return self.render_page(mission, form, status=400)
        messages.success(
            request,
            _("Mandate version %(v)d recorded (%(basis)s).")
            % {"v": mandate.version, "basis": mandate.basis},
        )
        return redirect("mission-mandate", code=mission.code)

    def record(self, mission: Mission, data: dict[str, Any]) -> Mandate:
        """One transaction: a resolution first mentioned here is kept only if the change is."""
        with transaction.atomic():
            resolution = None
            if data.get("resolution"):
                resolution, _created = Resolution.objects.get_or_create(
                    number=data["resolution"], defaults={"chapter_vii": data["chapter_vii"]}
                )
            return do_change_mandate(
                mission,
                resolution,
                acting_user=self.request.user,
                effective_from=data["effective_from"],
                task_codes=data["tasks"],
                chapter_vii=data["chapter_vii"],
                all_necessary_means=data["all_necessary_means"],
                summary=data.get("summary", ""),
                priorities=data.get("priority_tasks", []),
                basis_reference=data.get("basis_reference", ""),
            )


class MandateHistoryCsvView(LoginRequiredMixin, View):
    """The mandate history as CSV (the same rows as ``/api/missions/<code>/mandate-history/``)."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        response = HttpResponse(
            history_csv(history(mission, request.user)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{mission.code}-mandate-history.csv"'
        )
        return response


def visible_series(user: Any, mission: Mission) -> list[gap.GapMonth]:
    """``gap_series`` fed only by the records ``user`` may see (mission, sensitivity)."""
    return gap.gap_series(mission, user)


def chart_data(series: list[gap.GapMonth], thresholds: gap.Thresholds) -> dict[str, Any]:
    """What the strength chart script draws: one panel per category with any figure."""
    categories = []
    for cat in gap.CATEGORIES:
        authorised = [s.authorised[cat] for s in series]
        deployed = [s.deployed[cat] for s in series]
        if any(v is not None for v in [*authorised, *deployed]):
            categories.append(
                {
                    "key": cat,
                    "label": str(STRENGTH_LABELS[cat]),
                    "authorised": authorised,
                    "deployed": deployed,
                }
            )
    return {
        "months": [s.month.isoformat() for s in series],
        "categories": categories,
        "ratio": thresholds.ratio,
        "labels": {
            "authorised": _("Authorised"),
            "deployed": _("Deployed"),
            "threshold": _("%(pct)d%% of authorised") % {"pct": round(thresholds.ratio * 100)},
        },
    }


def month_rows(series: list[gap.GapMonth], ratio: float) -> list[dict[str, Any]]:
    rows = []
    for s in reversed(series):
        cells = []
        for cat in gap.CATEGORIES:
            r = s.ratio[cat]
            cells.append(
                {
                    "authorised": s.authorised[cat],
                    "deployed": s.deployed[cat],
                    "pct": None if r is None else round(r * 100),
                    "low": r is not None and r < ratio,
                }
            )
        rows.append({"month": s.month, "cells": cells, "tasks": len(s.tasks), "ch7": s.chapter_vii})
    return rows


class StrengthView(LoginRequiredMixin, View):
    """``/missions/<code>/strength/``: authorised against deployed, and the gap flags (§4.2)."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        form = ThresholdForm(request.GET)
        status, error = 200, ""
        thresholds = gap.Thresholds.from_settings()
        if form.is_valid():
            try:
                thresholds = gap.Thresholds.from_settings(**form.cleaned_data)
            except ValueError as exc:
                status, error = 400, str(exc)
        else:
            status = 400
            error = _("The thresholds were not applied: correct the values below.")
        form.fields["ratio"].widget.attrs["placeholder"] = str(thresholds.ratio)
        form.fields["min_months"].widget.attrs["placeholder"] = str(thresholds.min_months)
        series = visible_series(request.user, mission)
        flags = gap.gap_flags(series, thresholds) if status == 200 else []
        page = Paginator(month_rows(series, thresholds.ratio), MONTHS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context = {
            "mission": mission,
            "title": _("Strength and mandate-resource gap of %(code)s") % {"code": mission.code},
            "form": form,
            "error": error,
            "thresholds": thresholds,
            "ratio_pct": round(thresholds.ratio * 100),
            "flags": flags,
            "chart": chart_data(series, thresholds),
            "page_obj": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "category_labels": [STRENGTH_LABELS[c] for c in gap.CATEGORIES],
            "has_series": bool(series),
        }
        return render(request, "mandates/strength.html", context, status=status)


# --- record lists and pages (generic views, FilterSets from ``filtersets.py``) -------------


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
        return {"countries": list(obj.countries.all()), "status": obj.status}


class ConsultationAddView(generic.ObjectEditView):
    model = Consultation
    form_class = ConsultationForm


class ConsultationEditView(generic.ObjectEditView):
    model = Consultation
    form_class = ConsultationRecordForm
