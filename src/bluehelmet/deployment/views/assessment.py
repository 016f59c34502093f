"""The assessment page: factors, the assessment mission, options and their success conditions,
the recommendation, the decision (Capstone §4.1-4.2); and the option page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.errors import ActionError
from bluehelmet.core.permissions import Action
from bluehelmet.core.tables import Table, object_url
from bluehelmet.core.views import generic
from bluehelmet.deployment import actions, decisions
from bluehelmet.deployment import models as m
from bluehelmet.deployment.conditions import judge_option, missing_for, overrides_for
from bluehelmet.deployment.forms import DecisionForm, OverrideForm
from bluehelmet.deployment.views.base import FACTOR_COLUMNS, SCENARIO_COLUMNS, TAM_COLUMNS


def option_rows(assessment: m.StrategicAssessment, user: Any) -> list[dict[str, Any]]:
    overrides = overrides_for(assessment, user)
    options = assessment.options.restrict(user).prefetch_related("tasks", "scenarios")
    return [
        {
            "option": option,
            "recommended": option.pk == assessment.recommended_option_id,
            "verdicts": judge_option(assessment, option, overrides),
            "worst_case": option.worst_case(),
        }
        for option in options
    ]


class StrategicAssessmentDetailView(generic.ObjectDetailView):
    model = m.StrategicAssessment
    template_name = "deployment/assessment_detail.html"
    select_related = ("situation", "recommended_option")
    fields = (
        "situation",
        "started_on",
        "status",
        "participants",
        "council_backing",
        "council_backing_note",
        "recommended_option",
        "sensitivity",
    )

    def extra_context(self, obj: Any) -> dict[str, Any]:
        user = self.request.user
        rows = option_rows(obj, user)
        recommended = next((r for r in rows if r["recommended"]), None)
        can_change = generic.can_act_on(user, obj, Action.CHANGE)
        factors = list(obj.factors.restrict(user))
        assessed = {f.factor for f in factors}
        return {
            "factors": Table(m.DeploymentFactor, FACTOR_COLUMNS, factors),
            "missing_factors": [
                label for value, label in m.FactorKind.choices if value not in assessed
            ],
            "tams": Table(
                m.AssessmentMission, TAM_COLUMNS, list(obj.assessment_missions.restrict(user))
            ),
            "options": rows,
            "recommended": recommended,
            "missing": missing_for(recommended["verdicts"]) if recommended else [],
            "can_change": can_change,
            "decision": m.DeploymentDecision.objects.restrict(user).filter(assessment=obj).first(),
            "reports": list(obj.council_reports.restrict(user)),
            "next_statuses": [
                (value, label)
                for value, label in m.AssessmentStatus.choices
                if value in actions.ALLOWED.get(m.AssessmentStatus(obj.status), set())
            ],
            "override_form": OverrideForm(),
        }


def _changeable(request: HttpRequest, pk: int) -> m.StrategicAssessment:
    records = m.StrategicAssessment.objects.restrict(request.user, Action.CHANGE)
    return get_object_or_404(records.select_related("situation"), pk=pk)


def _refused(request: HttpRequest, exc: ActionError, assessment: Any) -> HttpResponse:
    messages.error(request, exc.message)
    response = HttpResponseRedirect(object_url(assessment) or "/")
    return response


class AssessmentActionView(generic.ScopedView):
    """POST-only actions from the assessment page: status, recommendation, override."""

    model = m.StrategicAssessment
    action = Action.CHANGE

    def post(self, request: HttpRequest, pk: int, verb: str) -> HttpResponse:
        assessment = _changeable(request, pk)
        try:
            done = self.perform(request, assessment, verb)
        except ActionError as exc:
            return _refused(request, exc, assessment)
        messages.success(request, done)
        return HttpResponseRedirect(object_url(assessment) or "/")

    def perform(self, request: HttpRequest, assessment: Any, verb: str) -> str:
        user: Any = request.user
        if verb == "status":
            actions.do_change_assessment_status(
                assessment, request.POST.get("status", ""), acting_user=user
            )
            return _("Status: %(s)s.") % {"s": assessment.get_status_display()}
        option = _option(request, assessment, request.POST.get("option"))
        if verb == "recommend":
            actions.do_recommend_option(assessment, option, acting_user=user)
            return _("“%(o)s” is the recommended option.") % {"o": option}
        form = OverrideForm(request.POST)
        if not form.is_valid():
            raise ActionError(actions.DeploymentErrorCode.INVALID, _("Give the reason."))
        actions.do_override_condition(
            assessment,
            option,
            rule=form.cleaned_data["rule"],
            decision=form.cleaned_data["decision"],
            reason=form.cleaned_data["reason"],
            acting_user=user,
        )
        return _("Decision recorded with its reason.")


def _option(request: HttpRequest, assessment: Any, raw: Any) -> m.DeploymentOption:
    options = m.DeploymentOption.objects.restrict(request.user).filter(assessment=assessment)
    return get_object_or_404(options, pk=raw if str(raw or "").isdigit() else 0)


class DecisionView(generic.ScopedView):
    """Record the decision on the assessment (Capstone §1.4, §4.1)."""

    model = m.StrategicAssessment
    action = Action.CHANGE
    template_name = "deployment/decision_form.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        assessment = _changeable(request, pk)
        form = DecisionForm(options=self._options(assessment))
        return self.render_form(assessment, form)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        assessment = _changeable(request, pk)
        form = DecisionForm(request.POST, options=self._options(assessment))
        if not form.is_valid():
            return self.render_form(assessment, form, status=400)
        try:
            decision = decisions.do_record_decision(
                assessment, form.as_input(), acting_user=request.user
            )
        except ActionError as exc:
            form.add_error(None, exc.message)
            return self.render_form(assessment, form, status=exc.status)
        messages.success(request, _("Decision recorded: %(d)s.") % {"d": decision})
        return HttpResponseRedirect(object_url(assessment) or "/")

    def _options(self, assessment: Any) -> Any:
        return m.DeploymentOption.objects.restrict(self.request.user).filter(assessment=assessment)

    def render_form(self, assessment: Any, form: Any, status: int = 200) -> HttpResponse:
        context = {"assessment": assessment, "form": form, "title": _("Record the decision")}
        return render(self.request, self.template_name, context, status=status)


class DeploymentOptionDetailView(generic.ObjectDetailView):
    model = m.DeploymentOption
    template_name = "deployment/option_detail.html"
    select_related = ("assessment__situation",)
    related = ((_l("Scenarios"), "scenarios", SCENARIO_COLUMNS),)

    def extra_context(self, obj: Any) -> dict[str, Any]:
        user = self.request.user
        assessment = obj.assessment
        return {
            "verdicts": judge_option(assessment, obj, overrides_for(assessment, user)),
            "tasks": list(obj.tasks.all()),
            "contributors": list(obj.contributors_to_consult.all()),
            "missing_kinds": sorted(
                set(m.ScenarioKind.values) - {s.kind for s in obj.scenarios.all()}
            ),
            "estimate": _estimate(obj),
        }


def _estimate(option: m.DeploymentOption) -> Any:
    from bluehelmet.deployment.estimate import estimate_for_option

    return estimate_for_option(option)
