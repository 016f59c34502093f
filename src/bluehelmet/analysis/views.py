"""JMAC pages (Capstone §7.2, §3.1, §4.2): the mission hub (hotspot map, flagged areas, trend
chart), the actor register and the threat assessments with their review.

The hub and its CSV exports draw on ``analysis.queries`` (the same code as the API), so page,
CSV and API agree. Every record comes from a ``restrict``-ed queryset; forbidden answers 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views import View

from bluehelmet.analysis import actions as act
from bluehelmet.analysis import filtersets as fs
from bluehelmet.analysis import forms as f
from bluehelmet.analysis import maps, queries
from bluehelmet.analysis import models as m
from bluehelmet.analysis.hotspots import HotspotReport
from bluehelmet.analysis.params import ParamError
from bluehelmet.analysis.trends import trend_rows
from bluehelmet.core.audit import log_reads
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import AdminArea
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.tables import Cell, Column, SafeCsvWriter
from bluehelmet.core.views import generic
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.operations.models import Incident

CHART_SERIES = 8  # lines on the trend chart; the CSV has them all
HUB_DEFAULTS = {"unit": "admin1", "period": "30d", "trend": "category", "step": "month"}


def hotspot_params(request: HttpRequest) -> dict[str, str]:
    keep = ("unit", "period", "since", "until", "category", "group", "baseline")
    return {k: str(v) for k, v in request.GET.items() if k in keep and v}


def trend_params(request: HttpRequest, report: HotspotReport | None) -> dict[str, str]:
    """The hub's trend chart: ``trend`` and ``step`` on the page, ending with the hotspots."""
    params = {
        "by": request.GET.get("trend") or "category",
        "period": request.GET.get("step") or "month",
    }
    for key in ("category", "group"):
        if request.GET.get(key):
            params[key] = request.GET[key]
    if report is not None:
        params["until"] = report.window.last_day.isoformat()
    return params


class HubView(LoginRequiredMixin, View):
    """``/missions/<code>/analysis/``: where violence is moving, by whom, and what JMAC says."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code.upper())
        set_current_mission(request, mission)
        errors: dict[str, str] = {}
        report = trend = None
        try:
            report = queries.hotspot_report(request.user, mission, hotspot_params(request))
        except ParamError as exc:
            errors.update(exc.errors)
        try:
            trend = queries.mission_trends(request.user, mission, trend_params(request, report))
        except ParamError as exc:
            errors.update(
                {
                    ("trend" if k == "by" else "step" if k == "period" else k): v
                    for k, v in exc.errors.items()
                }
            )
        context = {
            "mission": mission,
            "title": _("Analysis (JMAC) of %(code)s") % {"code": mission.code},
            "form": f.HubForm(initial={**HUB_DEFAULTS, **request.GET.dict()}),
            "errors": errors,
            "report": report,
            "map_data": _map_data(report, mission) if report else None,
            "trend": _chart_data(trend) if trend else None,
            "query": request.GET.urlencode(),
            "assessments": _recent_assessments(request, mission),
            "spoilers": list(
                m.Actor.objects.restrict(request.user)
                .filter(mission=mission)
                .exclude(spoiler_assessment=m.SpoilerAssessment.NONE)
            ),
            "can_add": user_can(request.user, Action.ADD, mission.pk),
        }
        return render(request, "analysis/hub.html", context, status=400 if errors else 200)


def _map_data(report: HotspotReport, mission: Any) -> dict[str, Any]:
    """What the map draws: H3 cells as polygons; admin-1 areas as their stored outlines, or
    as circles sized by count where no outline is stored (as for an imported dataset)."""
    outlines = AdminArea.outlines(mission.host_country) if report.unit.kind == "admin1" else {}
    keep = (
        "key",
        "label",
        "count",
        "killed",
        "expected",
        "ratio",
        "status",
        "flagged",
        "lat",
        "lon",
        "boundary",
        "explanation",
    )
    return {
        "unit": report.unit.kind,
        "areas": [
            {**{k: v for k, v in s.as_dict().items() if k in keep}, "outline": outlines.get(s.key)}
            for s in report.spots
        ],
    }


def _chart_data(trend: dict[str, Any]) -> dict[str, Any]:
    return {
        **trend,
        "series": trend["series"][:CHART_SERIES],
        "more": max(0, len(trend["series"]) - CHART_SERIES),
    }


def _recent_assessments(request: HttpRequest, mission: Any) -> list[m.ThreatAssessment]:
    qs = m.ThreatAssessment.objects.restrict(request.user).filter(mission=mission)
    rows = list(qs.select_related("author")[:8])
    log_reads(request.user, rows)
    return rows


class HotspotCsvView(LoginRequiredMixin, View):
    """``/missions/<code>/analysis/hotspots.csv``: every area of the hub's table, with tests."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code.upper())
        try:
            report = queries.hotspot_report(request.user, mission, hotspot_params(request))
        except ParamError as exc:
            return _csv_error(exc)
        response = _csv_response(f"{mission.code}-hotspots-{report.window.last_day}.csv")
        writer = SafeCsvWriter(response)  # no spreadsheet formulas
        writer.writerow(
            [
                "unit",
                "area",
                "label",
                "since",
                "until",
                "incidents",
                "killed",
                "previous",
                "expected",
                "ratio",
                "p_baseline",
                "p_previous",
                "q_value",
                "status",
                "flagged",
                "explanation",
            ]
        )
        for s in report.spots:
            writer.writerow(
                [
                    report.unit.code,
                    s.key,
                    s.label,
                    report.window.since.date(),
                    report.window.last_day,
                    s.count,
                    s.killed,
                    s.previous,
                    f"{s.expected:.2f}",
                    f"{s.ratio:.2f}",
                    f"{s.p_baseline:.4g}",
                    f"{s.p_previous:.4g}",
                    f"{s.q_value:.4g}",
                    s.status,
                    "yes" if s.flagged else "no",
                    s.explanation,
                ]
            )
        return response


class TrendCsvView(LoginRequiredMixin, View):
    """``/missions/<code>/analysis/trends.csv?by=&period=``: one row per period and series."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code.upper())
        try:
            data = queries.mission_trends(request.user, mission, request.GET)
        except ParamError as exc:
            return _csv_error(exc)
        response = _csv_response(f"{mission.code}-trends-{data['by']}-{data['period']}.csv")
        writer = SafeCsvWriter(response)  # no spreadsheet formulas
        writer.writerow(["period_start", data["by"], "label", "incidents", "killed"])
        writer.writerows(trend_rows(data))
        return response


def _csv_response(filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _csv_error(exc: ParamError) -> HttpResponse:
    text = "\n".join(f"{k}: {v}" for k, v in exc.errors.items())
    return HttpResponse(text + "\n", status=400, content_type="text/plain; charset=utf-8")


# -- actors ---------------------------------------------------------------------------------

ACTOR_COLUMNS = (
    Column("name", link=True),
    Column("mission", sort="mission__code"),
    Column("short_name"),
    Column("kind"),
    Column("signatory"),
    Column("spoiler_assessment"),
    Column("sensitivity"),
)


class ActorListView(generic.ObjectListView):
    model = m.Actor
    filterset_class = fs.ActorFilterSet
    columns = ACTOR_COLUMNS
    select_related = ("mission",)
    title = _l("Actors (JMAC register)")


class ActorDetailView(generic.ObjectDetailView):
    model = m.Actor
    template_name = "analysis/actor_detail.html"
    select_related = ("mission", "party")
    fields = (  # the aliases have their own card, one badge a name
        "name",
        "short_name",
        "kind",
        "signatory",
        "spoiler_assessment",
        "spoiler_rationale",
        "party",
        "ucdp_actor_id",
        "acled_actor",
        "description",
        "mission",
        "sensitivity",
        "updated_at",
    )

    def extra_context(self, obj: m.Actor) -> dict[str, Any]:
        try:
            activity = queries.activity(self.request.user, obj, self.request.GET)
            error = ""
        except ParamError as exc:
            activity, error = None, " ".join(exc.errors.values())
        recent = queries.recent_incidents(self.request.user, obj)
        log_reads(self.request.user, recent)
        return {
            "activity": activity,
            "activity_error": error,
            "recent": recent,
            "small_map": maps.actor_map(self.request.user, obj),
        }


class ActorEditView(generic.ObjectEditView):
    model = m.Actor
    form_class = f.ActorForm


class ActorDeleteView(generic.ObjectDeleteView):
    model = m.Actor


# -- threat assessments ---------------------------------------------------------------------

ASSESSMENT_COLUMNS = (
    Column("title", link=True),
    Column("mission", sort="mission__code"),
    Column("area_label", label=_l("Area"), sort="area"),
    Column("period_start"),
    Column("period_end"),
    Column("threat_level"),
    Column("status"),
    Column("sensitivity"),
)


class ThreatAssessmentListView(generic.ObjectListView):
    model = m.ThreatAssessment
    filterset_class = fs.ThreatAssessmentFilterSet
    columns = ASSESSMENT_COLUMNS
    select_related = ("mission",)


class ThreatAssessmentDetailView(generic.ObjectDetailView):
    model = m.ThreatAssessment
    template_name = "analysis/assessment_detail.html"
    select_related = ("mission", "author", "reviewer")
    fields = (
        "area_kind",
        "area",
        "period_start",
        "period_end",
        "threat_level",
        "status",
        "author",
        "submitted_at",
        "reviewer",
        "reviewed_at",
        "review_reason",
        "mission",
        "sensitivity",
        "updated_at",
    )

    def field_rows(self, obj: Any) -> list[tuple[str, Cell]]:
        rows = super().field_rows(obj)
        area = str(m.ThreatAssessment._meta.get_field("area").verbose_name)
        label = area[:1].upper() + area[1:]
        return [(k, Cell(obj.area_label) if k == label else cell) for k, cell in rows]

    def extra_context(self, obj: m.ThreatAssessment) -> dict[str, Any]:
        user = self.request.user
        cited = list(
            obj.cited_incidents.restrict(user)
            .select_related("category")
            .order_by("occurred_at", "id")
        )
        log_reads(user, cited)
        may_change = user_can(user, Action.CHANGE, obj.mission_id, obj.sensitivity)
        own = obj.author_id == getattr(user, "pk", None)
        status = obj.status
        return {
            "cited": cited,
            "small_map": maps.assessment_map(user, obj, cited),
            "hidden_citations": obj.cited_incidents.count() - len(cited),
            "can_submit": may_change and status == m.AssessmentStatus.DRAFT,
            "can_review": may_change and status == m.AssessmentStatus.IN_REVIEW and not own,
            "edit_url": reverse("threatassessment-edit", args=[obj.pk])
            if may_change and obj.editable_now
            else None,
            "review_form": f.ReviewForm(),
            "gaps": act.submission_errors(obj) if status == m.AssessmentStatus.DRAFT else [],
        }


class ThreatAssessmentEditView(generic.ObjectEditView):
    """Create or edit a draft; citations go through ``do_set_threat_assessment_citations``."""

    model = m.ThreatAssessment
    form_class = f.ThreatAssessmentForm
    template_name = "analysis/assessment_edit.html"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        instance = self.get_instance()
        if instance.pk and not instance.editable_now:
            messages.error(
                request,
                _("Only a draft can change; it is %(s)s.") % {"s": instance.get_status_display()},
            )
            return self.render_form(self.make_form(instance), status=409)
        form = self.make_form(instance, request.POST)
        if not form.is_valid():
            messages.error(request, _("The record was not saved: correct the fields marked below."))
            return self.render_form(form, status=400)
        try:
            with transaction.atomic():
                obj = form.save(commit=False)
                if obj.author_id is None:
                    obj.author = request.user
                obj.save()
                act.do_set_threat_assessment_citations(
                    obj, form.cleaned_data["citations"], acting_user=request.user
                )
        except ActionError as exc:
            form.add_error("citations", exc.message)
            return self.render_form(form, status=400)
        except IntegrityError:
            form.add_error(None, _("This conflicts with a record saved meanwhile; try again."))
            return self.render_form(form, status=409)
        messages.success(request, _("%(obj)s saved.") % {"obj": obj})
        return HttpResponseRedirect(self.success_url(obj))

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        instance = self.get_instance()
        if instance.pk and not instance.editable_now:
            messages.error(
                request,
                _("Only a draft can change; it is %(s)s.") % {"s": instance.get_status_display()},
            )
            return redirect("threatassessment-detail", pk=instance.pk)
        return self.render_form(self.make_form(instance))


class ThreatAssessmentDeleteView(generic.ObjectDeleteView):
    model = m.ThreatAssessment


class ReviewActionView(LoginRequiredMixin, View):
    """POST: submit, approve or return an assessment through its ``do_`` action."""

    verb: str = ""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        assessment = get_object_or_404(m.ThreatAssessment.objects.restrict(request.user), pk=pk)
        form = f.ReviewForm(request.POST)
        reason = form.data.get("reason", "")
        try:
            if self.verb == "submit":
                act.do_submit_threat_assessment(assessment, acting_user=request.user)
            elif self.verb == "approve":
                act.do_approve_threat_assessment(
                    assessment, acting_user=request.user, reason=reason
                )
            else:
                act.do_return_threat_assessment(assessment, acting_user=request.user, reason=reason)
        except ActionError as exc:
            context = {"title": _("Not done"), "assessment": assessment, "error": exc.message}
            return render(request, "analysis/refused.html", context, status=exc.status)
        done = {
            "submit": _("Submitted for review."),
            "approve": _("Approved."),
            "return": _("Returned to the author."),
        }[self.verb]
        messages.success(request, done)
        return redirect("threatassessment-detail", pk=pk)


class IncidentSearchView(LoginRequiredMixin, View):
    """``/threat-assessments/incident-search/?mission=&q=``: incidents to cite (HTML fragment)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        code = (request.GET.get("mission") or "").upper()
        text = (request.GET.get("q") or "").strip()
        incidents: list[Incident] = []
        if code and text:
            qs = Incident.objects.restrict(request.user).filter(mission__code=code)
            match = (
                Q(title__icontains=text) | Q(location_name__icontains=text) | Q(admin1__iexact=text)
            )
            match |= Q(actor1__icontains=text) | Q(actor2__icontains=text)
            if text.lstrip("#").isdigit():
                match |= Q(pk=int(text.lstrip("#")))
            incidents = list(
                qs.filter(match).select_related("category").order_by("-occurred_at")[:25]
            )
            log_reads(request.user, incidents)
        context = {"incidents": incidents, "searched": bool(code and text)}
        return render(request, "analysis/includes/incident_search.html", context)
