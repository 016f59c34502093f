"""Principles pages (Capstone §3.1, §2.3): the leadership dashboard, the review queue of
use-of-force flags, and the record lists, pages and forms staff use.

The dashboard draws on ``principles.dashboard.principles_summary`` (the same data as
``/api/missions/<code>/principles/``), so page and API agree. Every record comes from a
``restrict``-ed queryset: a user without the confidential clearance sees an empty dashboard
with a message, and any principles record answers 404.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views import View

from bluehelmet.core.audit import log_reads
from bluehelmet.core.errors import ActionError
from bluehelmet.core.permissions import Action, Sensitivity, user_can
from bluehelmet.core.tables import Column
from bluehelmet.core.validators import parse_day
from bluehelmet.core.views import generic
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.principles import actions as act
from bluehelmet.principles import filtersets as fs
from bluehelmet.principles import forms as f
from bluehelmet.principles import models as m
from bluehelmet.principles.dashboard import principles_summary

TREND_ARROWS = {"eroding": "↓", "improving": "↑", "steady": "→"}


def parse_as_of(raw: str | None) -> tuple[datetime.date | None, str]:
    """The ``as_of`` date of the query string, or an error message."""
    if not raw:
        return None, ""
    try:
        return parse_day(raw), ""
    except ValueError as exc:
        return None, _("%(reason)s Showing today instead.") % {"reason": exc}


def consent_grid(readings: list[dict[str, Any]]) -> dict[str, Any]:
    """Parties down, localities across: one cell per reading (a heat grid)."""
    localities = sorted({r["locality"] for r in readings})
    parties: dict[str, dict[str, Any]] = {}
    for r in readings:
        cell = {**r, "arrow": TREND_ARROWS[r["trend"]], "heat": heat(r["score"])}
        parties.setdefault(r["party"], {})[r["locality"]] = cell
    rows = [
        {"party": name, "cells": [cells.get(loc) for loc in localities]}
        for name, cells in sorted(parties.items())
    ]
    return {"localities": localities, "rows": rows}


def heat(score: int) -> str:
    if score <= -3:
        return "neg-strong"
    if score < 0:
        return "neg"
    if score > 0:
        return "pos"
    return "zero"


def flags_by_rule(flags: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for flag in flags:
        entry = out.setdefault(
            flag["code"],
            {"code": flag["code"], "rule_name": flag["rule_name"], "citation": flag["citation"]},
        )
        entry["count"] = entry.get("count", 0) + 1
    return sorted(out.values(), key=lambda e: e["code"])


def response_kinds() -> list[tuple[str, str]]:
    return [(str(v), str(label)) for v, label in m.ResponseKind.choices]


def impartiality_rows(parties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kinds = [k for k, _label in response_kinds()]
    return [
        {
            **p,
            "rate_pct": round(p["response_rate"] * 100),
            "by_kind": [p["responses"].get(k, 0) for k in kinds],
        }
        for p in parties
    ]


class DashboardView(LoginRequiredMixin, View):
    """``/missions/<code>/principles/``: is the mission keeping its principles (§3.1, §2.3)?"""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        as_of, error = parse_as_of(request.GET.get("as_of"))
        cleared = user_can(request.user, Action.VIEW, mission.pk, Sensitivity.CONFIDENTIAL)
        summary = principles_summary(mission, request.user, as_of)
        consent = summary["consent"]
        context = {
            "mission": mission,
            "title": _("Principles of %(code)s") % {"code": mission.code},
            "cleared": cleared,
            "error": error,
            "summary": summary,
            "grid": consent_grid(consent["readings"]),
            "withdrawals": consent["withdrawals"],
            "impartiality": impartiality_rows(summary["impartiality"]["parties"]),
            "response_kinds": response_kinds(),
            "flag_rules": flags_by_rule(summary["review_flags"]),
            "protection": summary["protection"],
            "can_override": summary["can_override"],
            "decisions": m.VerdictDecision.choices,
        }
        return render(request, "principles/dashboard.html", context, status=400 if error else 200)


class VerdictOverrideView(LoginRequiredMixin, View):
    """POST: accept or dismiss a consent, impartiality or protection verdict with a reason,
    through ``do_override_verdict``; back to the dashboard, where it shows the decision."""

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        form = f.VerdictOverrideForm(request.POST)
        back = generic.safe_next(request, reverse("mission-principles", args=[mission.code]))
        if not form.is_valid():
            return self.refuse(request, _("Choose a decision and give the reason."))
        try:
            act.do_override_verdict(mission, acting_user=request.user, **form.cleaned_data)
        except ActionError as exc:
            return self.refuse(request, exc.message, exc.status)
        messages.success(request, _("Decision recorded with its reason."))
        return redirect(back)

    def refuse(self, request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
        context = {"title": _("The decision was not recorded"), "message": message}
        return render(request, "refused.html", context, status=status)


# --- review queue ----------------------------------------------------------------------


class ReviewQueueView(LoginRequiredMixin, View):
    """``/review-flags/queue/``: open use-of-force flags with a close-with-reason form each."""

    def get(self, request: HttpRequest) -> HttpResponse:
        qs = (
            m.ReviewFlag.objects.restrict(request.user)
            .filter(status=m.FlagStatus.OPEN)
            .select_related("report", "mission")
            .order_by("mission__code", "report_id", "code")
        )
        if request.GET.get("mission"):
            qs = qs.filter(mission__code=request.GET["mission"].upper())
        if request.GET.get("code"):
            qs = qs.filter(code=request.GET["code"])
        flags = list(qs[:200])
        log_reads(request.user, flags)
        rows = [
            {
                "flag": flag,
                "can_close": user_can(
                    request.user, Action.CHANGE, flag.mission_id, flag.sensitivity
                ),
            }
            for flag in flags
        ]
        context = {"title": _("Use-of-force review queue"), "rows": rows, "form": f.FlagCloseForm()}
        return render(request, "principles/review_queue.html", context)


class FlagCloseView(LoginRequiredMixin, View):
    """POST: uphold or dismiss one flag with a reason, through ``do_close_review_flag``."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        flag = get_object_or_404(m.ReviewFlag.objects.restrict(request.user), pk=pk)
        form = f.FlagCloseForm(request.POST)
        back = generic.safe_next(request, "/review-flags/queue/")
        if not form.is_valid():
            return self.refuse(request, flag, _("Choose a decision and give the reason."))
        try:
            act.do_close_review_flag(
                flag,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                acting_user=request.user,
            )
        except ActionError as exc:
            return self.refuse(request, flag, exc.message, exc.status)
        messages.success(request, _("Flag closed: %(flag)s.") % {"flag": flag})
        return redirect(back)

    def refuse(
        self, request: HttpRequest, flag: m.ReviewFlag, message: str, status: int = 400
    ) -> HttpResponse:
        context = {"title": _("The flag was not closed"), "flag": flag, "error": message}
        return render(request, "principles/refused.html", context, status=status)


class AlertRespondView(LoginRequiredMixin, View):
    """GET/POST: record the response to a protection alert (``do_record_alert_response``)."""

    def get_alert(self, request: HttpRequest, pk: int) -> m.ProtectionAlert:
        return get_object_or_404(m.ProtectionAlert.objects.restrict(request.user), pk=pk)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.show(request, self.get_alert(request, pk), f.AlertResponseForm())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        alert = self.get_alert(request, pk)
        form = f.AlertResponseForm(request.POST)
        if not form.is_valid():
            return self.show(request, alert, form, 400)
        data = form.cleaned_data
        try:
            act.do_record_alert_response(
                alert,
                response_kind=data["response_kind"],
                responded_at=data.get("responded_at"),
                note=data.get("note", ""),
                acting_user=request.user,
            )
        except ActionError as exc:
            form.add_error(None, exc.message)
            return self.show(request, alert, form, exc.status)
        messages.success(request, _("Response recorded for %(alert)s.") % {"alert": alert})
        return redirect("protectionalert-detail", pk=alert.pk)

    def show(self, request: HttpRequest, alert: Any, form: Any, status: int = 200) -> HttpResponse:
        log_reads(request.user, [alert])
        context = {
            "title": _("Respond to %(alert)s") % {"alert": alert},
            "alert": alert,
            "form": form,
        }
        return render(request, "principles/alert_respond.html", context, status=status)


class ReportReviewView(LoginRequiredMixin, View):
    """POST: run the §3.1 review rules on a use-of-force report again."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = get_object_or_404(m.UseOfForceReport.objects.restrict(request.user), pk=pk)
        try:
            flags = act.do_review_use_of_force_report(report, acting_user=request.user)
        except ActionError as exc:
            messages.error(request, exc.message)
            return redirect("useofforcereport-detail", pk=pk)
        open_flags = [x for x in flags if x.status == m.FlagStatus.OPEN]
        messages.success(request, _("Review run: %(n)d open flags.") % {"n": len(open_flags)})
        return redirect("useofforcereport-detail", pk=pk)


# --- record lists, pages and forms -----------------------------------------------------

FLAG_COLUMNS = (
    Column("rule_name", link=True),
    Column("citation", sort=None),
    Column("status"),
    Column("explanation", sort=None),
    Column("decision_reason", sort=None),
)
REPORT_COLUMNS = (
    Column("__str__", label=_l("Report"), sort=None, link=True),
    Column("mission", sort="mission__code"),
    Column("occurred_at"),
    Column("level", sort="level__order"),
    Column("basis"),
    Column("authorised_by"),
    Column("sensitivity"),
)
ALERT_COLUMNS = (
    Column("__str__", label=_l("Alert"), sort=None, link=True),
    Column("mission", sort="mission__code"),
    Column("source"),
    Column("received_at"),
    Column("response_kind"),
    Column("responded_at"),
    Column("sensitivity"),
)
CONSENT_COLUMNS = (
    Column("occurred_on", link=True),
    Column("mission", sort="mission__code"),
    Column("party", sort="party__name"),
    Column("kind"),
    Column("admin1"),
    Column("org_unit", sort="org_unit__name"),
    Column("weight"),
)
VIOLATION_COLUMNS = (
    Column("occurred_on", link=True),
    Column("mission", sort="mission__code"),
    Column("party", sort="party__name"),
    Column("description", sort=None),
    Column("sensitivity"),
)
RESPONSE_COLUMNS = (
    Column("kind", link=True),
    Column("mission", sort="mission__code"),
    Column("violation", sort="violation__occurred_on"),
    Column("responded_on"),
    Column("note", sort=None),
)


class ReviewFlagListView(generic.ObjectListView):
    model = m.ReviewFlag
    filterset_class = fs.ReviewFlagFilterSet
    columns = (*FLAG_COLUMNS[:1], Column("mission", sort="mission__code"), *FLAG_COLUMNS[1:])
    select_related = ("mission", "report")


class ReviewFlagDetailView(generic.ObjectDetailView):
    model = m.ReviewFlag
    select_related = ("mission", "report", "decided_by")
    fields = (
        "report",
        "code",
        "rule_name",
        "citation",
        "explanation",
        "status",
        "decision_reason",
        "decided_by",
        "decided_at",
        "mission",
        "sensitivity",
    )


class UseOfForceReportListView(generic.ObjectListView):
    model = m.UseOfForceReport
    filterset_class = fs.UseOfForceReportFilterSet
    columns = REPORT_COLUMNS
    select_related = ("mission", "level")


class UseOfForceReportDetailView(generic.ObjectDetailView):
    model = m.UseOfForceReport
    template_name = "principles/report_detail.html"
    select_related = ("mission", "level", "org_unit", "contingent", "incident")
    related = ((_l("Review flags"), "flags", FLAG_COLUMNS),)


class UseOfForceReportEditView(generic.ObjectEditView):
    """Creating or correcting a report runs the review rules on it (Capstone §3.1)."""

    model = m.UseOfForceReport
    form_class = f.UseOfForceReportForm

    def success_url(self, obj: Any) -> str:
        try:
            act.do_review_use_of_force_report(obj, acting_user=self.request.user)
        except ActionError as exc:
            messages.warning(self.request, exc.message)
        return super().success_url(obj)


PARTY_COLUMNS = (
    Column("name", link=True),
    Column("mission", sort="mission__code"),
    Column("kind"),
)
THREAT_COLUMNS = (
    Column("threatened", link=True),
    Column("mission", sort="mission__code"),
    Column("perpetrator", sort="perpetrator__name"),
    Column("imminence"),
    Column("admin1"),
    Column("identified_on"),
)


class PartyListView(generic.ObjectListView):
    model = m.Party
    filterset_class = fs.PartyFilterSet
    columns = PARTY_COLUMNS
    select_related = ("mission",)


class PartyDetailView(generic.ObjectDetailView):
    model = m.Party
    select_related = ("mission",)
    related = (
        (_l("Consent events"), "consent_events", CONSENT_COLUMNS),
        (_l("Violations"), "violations", VIOLATION_COLUMNS),
    )


class PartyEditView(generic.ObjectEditView):
    model = m.Party
    form_class = f.PartyForm


class ProtectionThreatListView(generic.ObjectListView):
    model = m.ProtectionThreat
    filterset_class = fs.ProtectionThreatFilterSet
    columns = THREAT_COLUMNS
    select_related = ("mission", "perpetrator")


class ProtectionThreatDetailView(generic.ObjectDetailView):
    model = m.ProtectionThreat
    select_related = ("mission", "perpetrator", "org_unit")
    related = ((_l("Alerts"), "alerts", ALERT_COLUMNS),)


class ProtectionThreatEditView(generic.ObjectEditView):
    model = m.ProtectionThreat
    form_class = f.ProtectionThreatForm


class ProtectionAlertListView(generic.ObjectListView):
    model = m.ProtectionAlert
    filterset_class = fs.ProtectionAlertFilterSet
    columns = ALERT_COLUMNS
    select_related = ("mission", "threat")


class ProtectionAlertDetailView(generic.ObjectDetailView):
    model = m.ProtectionAlert
    template_name = "principles/alert_detail.html"
    select_related = ("mission", "threat", "component")


class ProtectionAlertEditView(generic.ObjectEditView):
    model = m.ProtectionAlert
    form_class = f.ProtectionAlertForm


class ConsentEventListView(generic.ObjectListView):
    model = m.ConsentEvent
    filterset_class = fs.ConsentEventFilterSet
    columns = CONSENT_COLUMNS
    select_related = ("mission", "party", "org_unit")


class ConsentEventDetailView(generic.ObjectDetailView):
    model = m.ConsentEvent
    select_related = ("mission", "party", "org_unit")


class ConsentEventEditView(generic.ObjectEditView):
    model = m.ConsentEvent
    form_class = f.ConsentEventForm


class ViolationListView(generic.ObjectListView):
    model = m.Violation
    filterset_class = fs.ViolationFilterSet
    columns = VIOLATION_COLUMNS
    select_related = ("mission", "party")


class ViolationDetailView(generic.ObjectDetailView):
    model = m.Violation
    select_related = ("mission", "party", "incident")
    related = ((_l("Responses"), "responses", RESPONSE_COLUMNS),)


class ViolationEditView(generic.ObjectEditView):
    model = m.Violation
    form_class = f.ViolationForm


class ViolationResponseListView(generic.ObjectListView):
    model = m.ViolationResponse
    filterset_class = fs.ViolationResponseFilterSet
    columns = RESPONSE_COLUMNS
    select_related = ("mission", "violation")


class ViolationResponseDetailView(generic.ObjectDetailView):
    model = m.ViolationResponse
    select_related = ("mission", "violation")


class ViolationResponseEditView(generic.ObjectEditView):
    model = m.ViolationResponse
    form_class = f.ViolationResponseForm
