"""Crisis pages (Capstone §7.2: the JOC is the mission's crisis coordination hub): open a crisis,
keep its log (append-only), hand out tasks and follow their status, close it.

Opening and closing go through ``do_open_crisis`` / ``do_close_crisis``; a log entry or a task
takes the crisis's mission and sensitivity, and needs the right to add records at that class.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from bluehelmet.core.audit import log_reads
from bluehelmet.core.errors import ActionError
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.tables import Column
from bluehelmet.core.views import generic
from bluehelmet.operations import actions as act
from bluehelmet.operations import filtersets as fs
from bluehelmet.operations import models as m
from bluehelmet.operations.forms import (
    CrisisCloseForm,
    CrisisForm,
    CrisisLogForm,
    CrisisTaskForm,
    TaskStatusForm,
)
from bluehelmet.operations.views.common import DetailActionView

CRISIS_COLUMNS = (
    Column("title", link=True),
    Column("mission", sort="mission__code"),
    Column("status"),
    Column("opened_at"),
    Column("closed_at"),
    Column("sensitivity"),
)


class CrisisListView(generic.ObjectListView):
    model = m.Crisis
    filterset_class = fs.CrisisFilterSet
    columns = CRISIS_COLUMNS
    select_related = ("mission",)


class CrisisOpenView(generic.ObjectEditView):
    """Opening a crisis is an action: it writes the first log entry and one audit entry."""

    model = m.Crisis
    form_class = CrisisForm

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.make_form(self.get_instance(), request.POST)
        if not form.is_valid():
            messages.error(request, _("The crisis was not opened: correct the fields below."))
            return self.render_form(form, status=400)
        data = form.cleaned_data
        try:
            crisis = act.do_open_crisis(
                data["mission"],
                data["title"],
                acting_user=request.user,
                description=data.get("description", ""),
                sensitivity=int(data.get("sensitivity") or 0),
            )
        except ActionError as exc:
            form.add_error(None, exc.message)
            return self.render_form(form, status=exc.status)
        messages.success(request, _("Crisis opened: %(t)s.") % {"t": crisis.title})
        return redirect("crisis-detail", pk=crisis.pk)


class CrisisEditView(generic.ObjectEditView):
    """Correct the title or the situation text; state changes go through the actions."""

    model = m.Crisis
    form_class = CrisisForm


def may_add_to(user: Any, crisis: m.Crisis) -> bool:
    return user_can(user, Action.ADD, crisis.mission_id, crisis.sensitivity)


class CrisisDetailView(generic.ObjectDetailView):
    """The crisis with its log, its tasks and the forms to extend them while it is open."""

    model = m.Crisis
    template_name = "operations/crisis_detail.html"
    select_related = ("mission",)
    fields = ("title", "description", "status", "opened_at", "closed_at", "mission", "sensitivity")
    error = ""
    log_form: CrisisLogForm | None = None
    task_form: CrisisTaskForm | None = None
    close_form: CrisisCloseForm | None = None

    def extra_context(self, obj: Any) -> dict[str, Any]:
        user = self.request.user
        entries = list(obj.log_entries.restrict(user).select_related("author"))
        tasks = list(obj.tasks.restrict(user).select_related("assigned_to"))
        log_reads(user, [*entries, *tasks])
        is_open = obj.status == m.CrisisStatus.OPEN
        adding = is_open and may_add_to(user, obj)
        changeable = set(
            m.CrisisTask.objects.restrict(user, Action.CHANGE)
            .filter(crisis=obj)
            .values_list("pk", flat=True)
        )
        return {
            "entries": entries,
            "task_rows": [
                {"task": t, "form": TaskStatusForm(initial={"status": t.status}, prefix=f"t{t.pk}")}
                if t.pk in changeable
                else {"task": t, "form": None}
                for t in tasks
            ],
            "log_form": (self.log_form or CrisisLogForm()) if adding else None,
            "task_form": (self.task_form or CrisisTaskForm(crisis=obj, user=user))
            if adding
            else None,
            "close_form": (self.close_form or CrisisCloseForm())
            if is_open and generic.can_act_on(user, obj, Action.CHANGE)
            else None,
            "open_tasks": sum(1 for t in tasks if t.status in {"todo", "in_progress"}),
            "error": self.error,
        }


class CrisisLogView(DetailActionView, CrisisDetailView):
    """POST a log entry (append-only; refused once the crisis is closed)."""

    act_with = Action.VIEW  # adding is checked against the crisis's class below

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        crisis = self.get_object()
        if not may_add_to(request.user, crisis):
            return self.again(request, _("Your role does not add to this crisis log."), 403)
        form = CrisisLogForm(request.POST)
        if not form.is_valid():
            return self.again(request, _("The entry was not logged."), 400, log_form=form)
        author: Any = request.user
        entry = m.CrisisLogEntry(
            crisis=crisis,
            mission_id=crisis.mission_id,
            sensitivity=crisis.sensitivity,
            kind=form.cleaned_data["kind"],
            text=form.cleaned_data["text"],
            author=author,
        )
        try:
            entry.full_clean()
        except ValidationError as exc:
            status = 409 if crisis.status == m.CrisisStatus.CLOSED else 400
            return self.again(request, " ".join(exc.messages), status, log_form=form)
        entry.save()
        messages.success(request, _("Logged."))
        return redirect("crisis-detail", pk=crisis.pk)


class CrisisTaskAddView(DetailActionView, CrisisDetailView):
    act_with = Action.VIEW  # adding is checked against the crisis's class below

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        crisis = self.get_object()
        if not may_add_to(request.user, crisis):
            return self.again(request, _("Your role does not hand out tasks here."), 403)
        if crisis.status != m.CrisisStatus.OPEN:
            return self.again(request, _("The crisis is closed."), 409)
        form = CrisisTaskForm(request.POST, crisis=crisis, user=request.user)
        if not form.is_valid():
            return self.again(request, _("The task was not added."), 400, task_form=form)
        task = form.save()
        messages.success(request, _("Task added: %(t)s.") % {"t": task.title})
        return redirect("crisis-detail", pk=crisis.pk)


class CrisisCloseView(DetailActionView, CrisisDetailView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        crisis = self.target()
        form = CrisisCloseForm(request.POST)
        if not form.is_valid():
            return self.again(request, _("The crisis was not closed."), 400, close_form=form)
        try:
            act.do_close_crisis(
                crisis, acting_user=request.user, summary=form.cleaned_data["summary"]
            )
        except ActionError as exc:
            return self.again(request, exc.message, exc.status)
        messages.success(request, _("Crisis closed."))
        return redirect("crisis-detail", pk=crisis.pk)


class CrisisTaskStatusView(DetailActionView, CrisisDetailView):
    """POST ``crisis-tasks/<pk>/status/``: move one task on; answers on its crisis's page."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        tasks = m.CrisisTask.objects.restrict(request.user, Action.CHANGE)
        task = get_object_or_404(tasks.select_related("crisis"), pk=kwargs["pk"])
        self.kwargs = {"pk": task.crisis_id}
        form = TaskStatusForm(request.POST, prefix=f"t{task.pk}")
        if not form.is_valid():
            form = TaskStatusForm(request.POST)  # also accept an unprefixed field
            if not form.is_valid():
                return self.again(request, _("Choose a valid task status."), 400)
        task.status = form.cleaned_data["status"]
        task.save()
        messages.success(
            request, _("%(t)s: %(s)s.") % {"t": task.title, "s": task.get_status_display()}
        )
        return redirect("crisis-detail", pk=task.crisis_id)


class CrisisDeleteView(generic.ObjectDeleteView):
    model = m.Crisis
