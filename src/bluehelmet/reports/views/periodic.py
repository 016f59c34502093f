"""Periodic report pages (Capstone §9.1, §10.1; §7.1): the list with the reporting status and
a form to draft one, the report with its versions and actions, a version as a page, PDF or
DOCX, and the reporting calendars."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views import View

from bluehelmet.core.audit import log_reads
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action
from bluehelmet.core.tables import Column, object_url
from bluehelmet.core.views import generic
from bluehelmet.core.views.current import get_current_mission
from bluehelmet.reports import actions
from bluehelmet.reports.duedates import due_status
from bluehelmet.reports.filtersets import PeriodicReportFilterSet, ReportingCalendarFilterSet
from bluehelmet.reports.forms import PeriodicDraftForm, PeriodicReportForm, ReportingCalendarForm
from bluehelmet.reports.models import PeriodicReport, PeriodicReportVersion, ReportingCalendar
from bluehelmet.reports.views.common import download

MISSION = Column("mission", sort="mission__code")
PERIODIC_COLUMNS = (
    Column("title", link=True),
    Column("symbol"),
    Column("period_start"),
    Column("period_end"),
    Column("status"),
    Column("cleared_on"),
    MISSION,
)
CALENDAR_COLUMNS = (
    Column("__str__", label=_l("Calendar"), sort=None, link=True),
    Column("resolution", sort="resolution__number"),
    Column("starts_on"),
    Column("cadence_days", css="num"),
    MISSION,
)
STATUS_LIMIT = 20  # missions whose reporting status the list page shows


def statuses(request: HttpRequest) -> list[Any]:
    """The reporting status of the mission filtered on (or the current one), else of each
    mission the user may see."""
    visible = Mission.objects.restrict(request.user)
    code = request.GET.get("mission", "")
    chosen = visible.filter(code=code).first() if code else get_current_mission(request)
    missions = [chosen] if chosen else list(visible.order_by("code")[:STATUS_LIMIT])
    return [due_status(m, request.user) for m in missions]


class PeriodicReportListView(generic.ObjectListView):
    model = PeriodicReport
    filterset_class = PeriodicReportFilterSet
    columns = PERIODIC_COLUMNS
    select_related = ("mission",)
    template_name = "reports/periodic_list.html"

    def extra_context(self) -> dict[str, Any]:
        form = PeriodicDraftForm(user=self.request.user, current=get_current_mission(self.request))
        can_draft = form.fields["mission"].queryset.exists()  # type: ignore[attr-defined]
        return {"draft_form": form if can_draft else None, "statuses": statuses(self.request)}


class PeriodicDraftView(LoginRequiredMixin, View):
    """POST: a new draft for the mission and period, its first version assembled; bad input is
    answered with the form and its errors (400), a refusal with its reason and status."""

    def get(self, request: HttpRequest) -> HttpResponse:
        form = PeriodicDraftForm(user=request.user, current=get_current_mission(request))
        return self.page(request, form)

    def post(self, request: HttpRequest) -> HttpResponse:
        form = PeriodicDraftForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.page(request, form, 400)
        data = form.cleaned_data
        try:
            version = actions.do_draft_periodic_report(
                data["mission"],
                data["period_start"],
                data["period_end"],
                title=data["title"],
                language=data["language"],
                acting_user=request.user,  # type: ignore[arg-type]
            )
        except ActionError as exc:
            form.add_error(None, exc.message)
            return self.page(request, form, exc.status)
        messages.success(request, _("Draft assembled from the records (version 1)."))
        return HttpResponseRedirect(object_url(version.report) or "/")

    def page(self, request: HttpRequest, form: Any, status: int = 200) -> HttpResponse:
        context = {"form": form, "title": _("Draft a periodic report")}
        return render(request, "reports/periodic_draft.html", context, status=status)


class PeriodicReportDetailView(generic.ObjectDetailView):
    model = PeriodicReport
    template_name = "reports/periodic_detail.html"
    select_related = ("mission", "cleared_by")
    fields = (
        "mission",
        "symbol",
        "period_start",
        "period_end",
        "status",
        "cleared_on",
        "cleared_by",
        "sensitivity",
    )

    def extra_context(self, obj: Any) -> dict[str, Any]:
        versions = list(obj.versions.restrict(self.request.user).order_by("-number"))
        log_reads(self.request.user, versions[:1])
        latest = versions[0] if versions else None
        can_change = generic.can_act_on(self.request.user, obj, Action.CHANGE)
        missing = []
        if latest is not None and can_change and not obj.cleared:
            visible = actions.visible_indicators(self.request.user, actions.left_out(obj, latest))
            missing = list(visible)
        frozen = {"edit_url": None, "delete_url": None} if obj.cleared else {}
        return {
            "versions": versions,
            "latest": latest,
            "cleared": obj.cleared,
            "can_change": can_change,
            "missing": missing,
            **frozen,
        }


class PeriodicReportEditView(generic.ObjectEditView):
    """Add or edit a report; a cleared report is frozen (409 with the reason on the form)."""

    model = PeriodicReport
    form_class = PeriodicReportForm

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.frozen(request) or super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.frozen(request) or super().post(request, *args, **kwargs)

    def frozen(self, request: HttpRequest) -> HttpResponse | None:
        if self.creating:
            return None
        instance = self.get_instance()
        if not instance.cleared:
            return None
        reason = _("The report is cleared and frozen: it cannot be changed.")
        form = self.make_form(instance, request.POST if request.method == "POST" else None)
        if form.is_bound:
            form.is_valid()  # errors are added to a cleaned form; the model may say it too
            if not form.non_field_errors():
                form.add_error(None, reason)
        else:
            messages.error(request, reason)
        return self.render_form(form, status=409)


class PeriodicReportActionView(generic.ScopedView):
    """POST ``assemble`` (a new version) or ``clear`` (freeze the report)."""

    model = PeriodicReport
    action = Action.CHANGE

    def post(self, request: HttpRequest, pk: int, verb: str) -> HttpResponse:
        report = get_object_or_404(self.get_queryset(), pk=pk)
        user: Any = request.user
        try:
            if verb == "assemble":
                version = actions.do_assemble_periodic_report(report, acting_user=user)
                messages.success(request, _("Version %(n)d assembled.") % {"n": version.number})
            elif verb == "clear":
                actions.do_clear_periodic_report(report, acting_user=user)
                messages.success(request, _("The report is cleared and frozen."))
            else:
                messages.error(request, _("Unknown action."))
        except ActionError as exc:
            messages.error(request, exc.message)
        return HttpResponseRedirect(object_url(report) or "/")


class PeriodicReportVersionView(generic.ScopedView):
    """One version as a page, ``?format=pdf`` or ``?format=docx`` as a file."""

    model = PeriodicReportVersion

    def get(self, request: HttpRequest, pk: int, number: int) -> HttpResponse:
        found = self.get_queryset().select_related("report")
        version = get_object_or_404(found, report_id=pk, number=number)
        log_reads(request.user, [version])
        fmt = request.GET.get("format", "")
        if fmt in {"pdf", "docx"}:
            return download(version, fmt, f"periodic-report-{pk}")
        context = {
            "report": version.report,
            "report_url": object_url(version.report),
            "version": version,
            "content": version.content,
            "title": version.content.get("title", str(version.report)),
        }
        return render(request, "reports/version.html", context)


class ReportingCalendarListView(generic.ObjectListView):
    model = ReportingCalendar
    filterset_class = ReportingCalendarFilterSet
    columns = CALENDAR_COLUMNS
    select_related = ("mission", "resolution")


class ReportingCalendarDetailView(generic.ObjectDetailView):
    model = ReportingCalendar
    select_related = ("mission", "resolution")
    template_name = "reports/calendar_detail.html"

    def extra_context(self, obj: Any) -> dict[str, Any]:
        return {"status": due_status(obj.mission, self.request.user)}


class ReportingCalendarEditView(generic.ObjectEditView):
    model = ReportingCalendar
    form_class = ReportingCalendarForm
