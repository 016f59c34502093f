"""Situation and flash report pages (Capstone §7.2: the JOC collates situation reports; §6.3:
reporting lines). Compiling, publishing and issuing go through the ``do_`` actions; a
published SITREP or an issued flash report is final.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.utils.translation import ngettext

from bluehelmet.core.audit import log_reads
from bluehelmet.core.errors import ActionError
from bluehelmet.core.permissions import Action
from bluehelmet.core.tables import Column, Table, object_url
from bluehelmet.core.views import generic
from bluehelmet.operations import actions as act
from bluehelmet.operations import filtersets as fs
from bluehelmet.operations import models as m
from bluehelmet.operations.forms import FlashReportForm, SituationReportForm
from bluehelmet.operations.views.common import DetailActionView, DraftOnlyEditView

SITREP_COLUMNS = (
    Column("__str__", label=_l("Report"), sort="report_date", link=True),
    Column("report_date"),
    Column("org_unit", label=_l("Sector"), sort="org_unit__name"),
    Column("status"),
    Column("published_at"),
    Column("sensitivity"),
)
SITREP_INCIDENT_COLUMNS = (
    Column("occurred_at"),
    Column("title", link=True),
    Column("category.name", label=_l("Category"), sort=None),
    Column("location_name"),
    Column("actor1"),
    Column("killed", css="num"),
    Column("civilians_killed", css="num"),
    Column("verification_status"),
    Column("sensitivity"),
)
FLASH_COLUMNS = (
    Column("title", link=True),
    Column("mission", sort="mission__code"),
    Column("org_unit"),
    Column("status"),
    Column("issued_at"),
    Column("created_at"),
    Column("sensitivity"),
)
INCIDENT_LIMIT = 1000


class SituationReportListView(generic.ObjectListView):
    model = m.SituationReport
    filterset_class = fs.SituationReportFilterSet
    columns = SITREP_COLUMNS
    select_related = ("mission", "org_unit")


class SituationReportEditView(DraftOnlyEditView):
    model = m.SituationReport
    form_class = SituationReportForm
    final_message = _l("This report is published and final; write a new one for corrections.")


def sitrep_summary(incidents: Any) -> list[dict[str, Any]]:
    """Counts and casualties by category over the incidents the reader may see."""
    return list(
        incidents.order_by()
        .values("category__name")
        .annotate(count=Count("id"), killed=Sum("killed"), civilians_killed=Sum("civilians_killed"))
        .order_by("-count", "category__name")
    )


class SituationReportDetailView(generic.ObjectDetailView):
    """The SITREP: period, sector, the JOC's assessment, its incidents and the actions."""

    model = m.SituationReport
    template_name = "operations/sitrep_detail.html"
    select_related = ("mission", "org_unit", "published_by")
    fields = (
        "report_date",
        "org_unit",
        "period_start",
        "period_end",
        "status",
        "published_at",
        "published_by",
        "mission",
        "sensitivity",
        "updated_at",
    )
    error = ""

    def extra_context(self, obj: Any) -> dict[str, Any]:
        visible = obj.incidents.restrict(self.request.user).select_related("category")
        rows = list(visible.order_by("occurred_at", "pk")[:INCIDENT_LIMIT])
        log_reads(self.request.user, rows)
        can_change = generic.can_act_on(self.request.user, obj, Action.CHANGE)
        draft = obj.status == m.ReportStatus.DRAFT
        return {
            "incident_table": Table(m.Incident, SITREP_INCIDENT_COLUMNS, rows),
            "incident_count": visible.count(),
            "summary": sitrep_summary(visible),
            "can_act": can_change and draft,
            "edit_url": self.edit_url_if(can_change and draft, obj),
            "error": self.error,
        }

    @staticmethod
    def edit_url_if(allowed: bool, obj: Any) -> str | None:
        return object_url(obj, "edit") if allowed else None


class SituationReportPrintView(SituationReportDetailView):
    template_name = "operations/sitrep_print.html"


class SituationReportActionView(DetailActionView, SituationReportDetailView):
    """POST ``compile`` or ``publish``."""

    verb = ""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        report = self.target()
        try:
            if self.verb == "compile":
                count = act.do_compile_situation_report(report, acting_user=request.user)
                note = ngettext(
                    "Compiled: %(n)d incident of the period.",
                    "Compiled: %(n)d incidents of the period.",
                    count,
                ) % {"n": count}
            else:
                act.do_publish_situation_report(report, acting_user=request.user)
                note = _("Published.")
        except ActionError as exc:
            return self.again(request, exc.message, exc.status)
        messages.success(request, note)
        return redirect("situationreport-detail", pk=report.pk)


class SituationReportDeleteView(generic.ObjectDeleteView):
    model = m.SituationReport


class FlashReportListView(generic.ObjectListView):
    model = m.FlashReport
    filterset_class = fs.FlashReportFilterSet
    columns = FLASH_COLUMNS
    select_related = ("mission", "org_unit")


class FlashReportEditView(DraftOnlyEditView):
    model = m.FlashReport
    form_class = FlashReportForm
    final_message = _l("This flash report is issued and final; follow up in the next SITREP.")


class FlashReportDetailView(generic.ObjectDetailView):
    model = m.FlashReport
    template_name = "operations/flash_detail.html"
    select_related = ("mission", "org_unit", "incident")
    fields = (
        "title",
        "summary",
        "org_unit",
        "incident",
        "status",
        "issued_at",
        "created_at",
        "mission",
        "sensitivity",
    )
    error = ""

    def extra_context(self, obj: Any) -> dict[str, Any]:
        can_change = generic.can_act_on(self.request.user, obj, Action.CHANGE)
        draft = obj.status == m.FlashStatus.DRAFT
        return {
            "can_issue": can_change and draft,
            "edit_url": object_url(obj, "edit") if can_change and draft else None,
            "error": self.error,
        }


class FlashReportIssueView(DetailActionView, FlashReportDetailView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        flash = self.target()
        try:
            act.do_issue_flash_report(flash, acting_user=request.user)
        except ActionError as exc:
            return self.again(request, exc.message, exc.status)
        messages.success(request, _("Flash report issued."))
        return redirect("flashreport-detail", pk=flash.pk)


class FlashReportDeleteView(generic.ObjectDeleteView):
    model = m.FlashReport
