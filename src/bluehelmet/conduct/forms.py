"""Conduct forms (Capstone §3.2): the allegation as received, and one small form per step of
its timeline. The mission choices are the missions where the user holds a case role."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bluehelmet.conduct import models as m
from bluehelmet.conduct.access import case_mission_ids
from bluehelmet.core.forms import DateInput, ScopedModelForm
from bluehelmet.core.verdicts import RuleVerdict


class MisconductAllegationForm(ScopedModelForm):
    class Meta:
        model = m.MisconductAllegation
        fields = [
            "mission",
            "category",
            "personnel_category",
            "contingent",
            "received_on",
            "summary",
            "victim_details",
        ]
        widgets = {"received_on": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields.get("mission")
        if field is not None:
            # Clearance is not enough: only the missions where the user holds a case role.
            field.queryset = field.queryset.filter(pk__in=sorted(case_mission_ids(self.user)))


class StepForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DateInput())
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AssessForm(StepForm):
    finding = forms.ChoiceField(label=_("Finding"), choices=m.AssessmentFinding.choices)


class ReferForm(StepForm):
    referred_to = forms.ChoiceField(label=_("Referred to"), choices=m.ReferredTo.choices)


class OutcomeForm(StepForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=m.Outcome.choices)


class ActionTakenForm(StepForm):
    note = forms.CharField(
        label=_("Action taken"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10_000
    )


class VerdictDecisionForm(forms.Form):
    rule = forms.CharField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("accepted", _("Accept")), ("dismissed", _("Dismiss"))]
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    @classmethod
    def for_verdict(cls, verdict: RuleVerdict) -> VerdictDecisionForm:
        return cls(initial={"rule": verdict.code}, auto_id=f"id_{verdict.code}_%s")
