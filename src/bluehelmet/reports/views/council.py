"""Report pages: the list, the report with its versions, the actions, the outputs (§4.3)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from bluehelmet.core.audit import log_reads
from bluehelmet.core.errors import ActionError
from bluehelmet.core.permissions import Action
from bluehelmet.core.tables import Column, object_url
from bluehelmet.core.views import generic
from bluehelmet.deployment.views.base import DeploymentEditView, DeploymentListView
from bluehelmet.reports import actions
from bluehelmet.reports.filtersets import CouncilReportFilterSet
from bluehelmet.reports.forms import CouncilReportForm
from bluehelmet.reports.models import CouncilReport, CouncilReportVersion, ReportStatus
from bluehelmet.reports.views.common import download

REPORT_COLUMNS = (
    Column("title", link=True),
    Column("symbol"),
    Column("assessment", sort="assessment__title"),
    Column("status"),
    Column("cleared_on"),
)


class CouncilReportListView(DeploymentListView):
    model = CouncilReport
    filterset_class = CouncilReportFilterSet
    columns = REPORT_COLUMNS
    select_related = ("assessment",)


class CouncilReportDetailView(generic.ObjectDetailView):
    model = CouncilReport
    template_name = "reports/report_detail.html"
    select_related = ("assessment", "cleared_by")
    fields = ("assessment", "symbol", "status", "cleared_on", "cleared_by", "sensitivity")

    def extra_context(self, obj: Any) -> dict[str, Any]:
        versions = list(obj.versions.restrict(self.request.user).order_by("-number"))
        cleared = obj.status == ReportStatus.CLEARED
        frozen = {"edit_url": None, "delete_url": None} if cleared else {}  # §4.3: as sent
        return {
            "versions": versions,
            "latest": versions[0] if versions else None,
            "cleared": cleared,
            "can_change": generic.can_act_on(self.request.user, obj, Action.CHANGE),
            **frozen,
        }


class CouncilReportEditView(DeploymentEditView):
    model = CouncilReport
    form_class = CouncilReportForm


class CouncilReportActionView(generic.ScopedView):
    """POST ``assemble`` (a new version) or ``clear`` (freeze the report)."""

    model = CouncilReport
    action = Action.CHANGE

    def post(self, request: HttpRequest, pk: int, verb: str) -> HttpResponse:
        report = get_object_or_404(self.get_queryset(), pk=pk)
        user: Any = request.user
        try:
            if verb == "assemble":
                version = actions.do_assemble_council_report(report, acting_user=user)
                messages.success(request, _("Version %(n)d assembled.") % {"n": version.number})
            elif verb == "clear":
                actions.do_clear_council_report(report, acting_user=user)
                messages.success(request, _("The report is cleared and frozen."))
        except ActionError as exc:
            messages.error(request, exc.message)
        return HttpResponseRedirect(object_url(report) or "/")


def _version(request: HttpRequest, pk: int, number: int) -> CouncilReportVersion:
    versions = CouncilReportVersion.objects.restrict(request.user).select_related("report")
    version = get_object_or_404(versions, report_id=pk, number=number)
    log_reads(request.user, [version])
    return version


class CouncilReportVersionView(generic.ScopedView):
    """One version as a page, ``?format=pdf`` or ``?format=docx`` as a file."""

    model = CouncilReportVersion

    def get(self, request: HttpRequest, pk: int, number: int) -> HttpResponse:
        version = _version(request, pk, number)
        fmt = request.GET.get("format", "")
        if fmt in {"pdf", "docx"}:
            return self.download(version, fmt)
        context = {
            "report": version.report,
            "report_url": object_url(version.report),
            "version": version,
            "content": version.content,
            "title": version.content.get("title", str(version.report)),
        }
        return render(request, "reports/version.html", context)

    def download(self, version: CouncilReportVersion, fmt: str) -> HttpResponse:
        return download(version, fmt, f"report-{version.report_id}")
