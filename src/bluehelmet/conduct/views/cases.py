"""Case pages (Capstone §3.2): the list, the case with its timeline, the form, and the steps.

Every queryset is ``MisconductAllegation.objects.restrict(user)``, which keeps only cases of
missions where the user holds a case role (``conduct.access``): anyone else finds an empty list
and a 404 on any case, exactly as if no case existed. Every case shown is logged as a read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms as djforms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.conduct import actions, forms, rules
from bluehelmet.conduct import filtersets as fs
from bluehelmet.conduct import models as m
from bluehelmet.conduct.access import sees_cases
from bluehelmet.core.audit import log_reads
from bluehelmet.core.errors import ActionError
from bluehelmet.core.permissions import Action
from bluehelmet.core.tables import Column, object_url
from bluehelmet.core.views import generic

ALLEGATION_COLUMNS = (
    Column("reference", link=True),
    Column("received_on"),
    Column("category"),
    Column("personnel_category"),
    Column("contingent", sort="contingent__name"),
    Column("stage"),
    Column("mission", sort="mission__code"),
)
REFERRAL_COLUMNS = (Column("referred_on"), Column("referred_to"), Column("note", sort=None))
INVESTIGATION_COLUMNS = (
    Column("started_on"),
    Column("outcome"),
    Column("outcome_on"),
    Column("note", sort=None),
)
CASE_FIELDS = (
    "reference",
    "category",
    "personnel_category",
    "contingent",
    "received_on",
    "stage",
    "summary",
    "victim_details",
    "assessed_on",
    "finding",
    "assessment_note",
    "action_taken_on",
    "action_taken",
    "victim_assisted_on",
    "victim_assistance",
    "mission",
    "updated_at",
)


class AllegationListView(generic.ObjectListView):
    model = m.MisconductAllegation
    filterset_class = fs.MisconductAllegationFilterSet
    columns = ALLEGATION_COLUMNS
    select_related = ("mission", "contingent")
    template_name = "conduct/allegation_list.html"

    def add_url(self) -> str | None:
        return super().add_url() if sees_cases(self.request.user) else None

    def extra_context(self) -> dict[str, Any]:
        return {"sees_cases": sees_cases(self.request.user)}


class AllegationDetailView(generic.ObjectDetailView):
    model = m.MisconductAllegation
    fields = CASE_FIELDS
    select_related = ("mission", "contingent")
    template_name = "conduct/allegation_detail.html"
    related = (
        (_l("Referrals"), "referrals", REFERRAL_COLUMNS),
        (_l("Investigations"), "investigations", INVESTIGATION_COLUMNS),
    )

    def extra_context(self, obj: Any) -> dict[str, Any]:
        judged = rules.verdicts(rules.timeline(obj))
        may_change = generic.can_act_on(self.request.user, obj, Action.CHANGE)
        return {
            "verdicts": [(v, forms.VerdictDecisionForm.for_verdict(v)) for v in judged],
            "steps": timeline_rows(obj),
            "step_forms": step_forms(obj) if may_change else [],
            "may_change": may_change,
        }


class AllegationEditView(generic.ObjectEditView):
    model = m.MisconductAllegation
    form_class = forms.MisconductAllegationForm

    def get_instance(self) -> Any:
        if self.creating and not sees_cases(self.request.user):
            raise Http404
        return super().get_instance()


def timeline_rows(case: m.MisconductAllegation) -> list[dict[str, Any]]:
    """The seven steps of the case (Capstone §3.2), each with its date or "not yet"."""
    referral = case.referrals.order_by("-referred_on", "-pk").first()
    inv = case.investigations.order_by("-started_on", "-pk").first()
    return [
        {"step": _("Receipt"), "on": case.received_on, "what": ""},
        {
            "step": _("Initial assessment"),
            "on": case.assessed_on,
            "what": case.get_finding_display(),
        },
        {
            "step": _("Referral"),
            "on": referral.referred_on if referral else None,
            "what": referral.get_referred_to_display() if referral else "",
        },
        {"step": _("Investigation"), "on": inv.started_on if inv else None, "what": ""},
        {
            "step": _("Outcome"),
            "on": inv.outcome_on if inv else None,
            "what": inv.get_outcome_display() if inv else "",
        },
        {"step": _("Action taken"), "on": case.action_taken_on, "what": ""},
        {"step": _("Victim assistance"), "on": case.victim_assisted_on, "what": ""},
    ]


Step = tuple[Any, type[djforms.Form], Callable[..., Any]]


def _assess(case: Any, d: dict[str, Any], user: Any) -> Any:
    return actions.do_assess_allegation(
        case, assessed_on=d["on"], finding=d["finding"], note=d["note"], acting_user=user
    )


def _refer(case: Any, d: dict[str, Any], user: Any) -> Any:
    return actions.do_refer_allegation(
        case, referred_to=d["referred_to"], referred_on=d["on"], note=d["note"], acting_user=user
    )


def _investigate(case: Any, d: dict[str, Any], user: Any) -> Any:
    return actions.do_open_investigation(case, started_on=d["on"], note=d["note"], acting_user=user)


def _outcome(case: Any, d: dict[str, Any], user: Any) -> Any:
    return actions.do_record_outcome(
        case, outcome=d["outcome"], outcome_on=d["on"], note=d["note"], acting_user=user
    )


def _act(case: Any, d: dict[str, Any], user: Any) -> Any:
    return actions.do_record_action_taken(
        case, action_taken_on=d["on"], action_taken=d["note"], acting_user=user
    )


def _assist(case: Any, d: dict[str, Any], user: Any) -> Any:
    return actions.do_record_victim_assistance(
        case, assisted_on=d["on"], assistance=d["note"], acting_user=user
    )


STEPS: dict[str, Step] = {
    "assess": (_l("Record the initial assessment"), forms.AssessForm, _assess),
    "refer": (_l("Record the referral"), forms.ReferForm, _refer),
    "investigate": (_l("Record the start of the investigation"), forms.StepForm, _investigate),
    "outcome": (_l("Record the outcome"), forms.OutcomeForm, _outcome),
    "action": (_l("Record the action taken"), forms.ActionTakenForm, _act),
    "assist": (_l("Record victim assistance"), forms.StepForm, _assist),
}
NEXT_STEP: dict[str, str] = {
    m.Stage.RECEIVED: "assess",
    m.Stage.ASSESSED: "refer",
    m.Stage.REFERRED: "investigate",
    m.Stage.INVESTIGATING: "outcome",
    m.Stage.DECIDED: "action",
}


def step_forms(case: m.MisconductAllegation) -> list[dict[str, Any]]:
    verbs = [NEXT_STEP[case.stage]] if case.stage in NEXT_STEP else []
    if case.victim_assisted_on is None:
        verbs.append("assist")
    return [{"verb": v, "title": STEPS[v][0], "form": STEPS[v][1](prefix=v)} for v in verbs]


class AllegationStepView(generic.ScopedView):
    """POST-only: one step of the timeline (``verb``); refusals are shown on the case."""

    model = m.MisconductAllegation
    action = Action.CHANGE

    def post(self, request: HttpRequest, pk: int, verb: str) -> HttpResponse:
        case = get_object_or_404(self.get_queryset(), pk=pk)
        if verb not in STEPS:
            raise Http404
        form = STEPS[verb][1](request.POST, prefix=verb)
        url = object_url(case) or "/"
        if not form.is_valid():
            errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
            messages.error(request, _("The step was not recorded: %(e)s") % {"e": errors})
            return HttpResponseRedirect(url)
        try:
            STEPS[verb][2](case, form.cleaned_data, request.user)
        except ActionError as exc:
            messages.error(request, exc.message)
            return HttpResponseRedirect(url)
        log_reads(request.user, [case])
        messages.success(request, _("%(case)s: step recorded.") % {"case": case})
        return HttpResponseRedirect(url)


class AllegationVerdictView(generic.ScopedView):
    """POST-only: accept or dismiss a time-limit flag with a reason."""

    model = m.MisconductAllegation
    action = Action.CHANGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        case = get_object_or_404(self.get_queryset(), pk=pk)
        form = forms.VerdictDecisionForm(request.POST)
        url = object_url(case) or "/"
        if not form.is_valid():
            messages.error(request, _("Give a decision and its reason."))
            return HttpResponseRedirect(url)
        try:
            actions.do_decide_conduct_verdict(
                case,
                rule=form.cleaned_data["rule"],
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                acting_user=request.user,
            )
        except ActionError as exc:
            messages.error(request, exc.message)
            return HttpResponseRedirect(url)
        messages.success(request, _("Decision recorded."))
        return HttpResponseRedirect(url)
