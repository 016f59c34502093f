"""A mission's mandate page, its change form and its history (Capstone §1.4, §4.3).

A mandate change goes through ``do_change_mandate`` only; refusals answer 400 with the reason
and write nothing. Every record shown comes from a ``restrict``-ed queryset.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.core.audit import log_reads
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.doctrine.models import TaskGroup, TaskType
from bluehelmet.mandates.actions import do_change_mandate
from bluehelmet.mandates.forms import (
    MandateChangeForm,
)
from bluehelmet.mandates.history import history, history_csv
from bluehelmet.mandates.models import (
    Consultation,
    Mandate,
    MandatedTask,
    Resolution,
)
from bluehelmet.mandates.views.strength import STRENGTH_LABELS


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
        except ActionError as exc:
            form.add_error(None, exc.message)
            messages.error(request, exc.message)
            return self.render_page(mission, form, status=exc.status)
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
