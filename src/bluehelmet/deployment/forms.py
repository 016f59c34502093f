"""Deployment page forms (Capstone §4.1-4.2) on the shared scoped form.

A crisis has no mission until a decision creates one, so related choices are limited to what
the user may see rather than to one mission's records.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.forms import ScopedModelForm
from bluehelmet.deployment import models as m
from bluehelmet.deployment.decisions import DecisionInput, NewMission


class DeploymentForm(ScopedModelForm):
    def _limit_related(self, mission_code: str | None) -> None:
        for field in self.fields.values():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            related: Any = field.queryset.model  # type: ignore[union-attr]
            if hasattr(related.objects, "restrict"):
                field.queryset = related.objects.restrict(self.user)


class CrisisSituationForm(DeploymentForm):
    class Meta:
        model = m.CrisisSituation
        fields = [
            "name",
            "country",
            "country_name",
            "started_on",
            "summary",
            "sources",
            "ucdp_conflict_id",
            "sensitivity",
        ]


class CrisisPartyForm(DeploymentForm):
    class Meta:
        model = m.CrisisParty
        fields = [
            "situation",
            "name",
            "role",
            "actor",
            "ucdp_actor_id",
            "signatory",
            "committed",
            "notes",
            "sensitivity",
        ]


class StrategicAssessmentForm(DeploymentForm):
    class Meta:
        model = m.StrategicAssessment
        fields = [
            "situation",
            "title",
            "started_on",
            "political_options",
            "security_options",
            "humanitarian_options",
            "development_options",
            "participants",
            "council_backing",
            "council_backing_note",
            "sensitivity",
        ]


def _chosen(form: ScopedModelForm, name: str) -> str:
    """The id of the parent record the form is filled for (posted, pre-filled or stored)."""
    value = form.data.get(name) if form.is_bound else form.initial.get(name)
    if value in (None, ""):
        value = getattr(form.instance, f"{name}_id", None)
    return str(getattr(value, "pk", value) or "")


class DeploymentFactorForm(DeploymentForm):
    """Incidents offered: the crisis's mission's, in the year before the assessment began (a
    crisis without a mission has none in bluehelmet's log)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["incidents"]
        chosen = _chosen(self, "assessment")
        assessment = (
            m.StrategicAssessment.objects.restrict(self.user)
            .select_related("situation")
            .filter(pk=chosen)
            .first()
            if chosen.isdigit()
            else None
        )
        if assessment is None or assessment.situation.mission_id is None:
            field.queryset = field.queryset.none()
            return
        since = assessment.started_on - datetime.timedelta(days=365)
        field.queryset = field.queryset.filter(
            mission_id=assessment.situation.mission_id,
            occurred_at__date__gte=since,
            occurred_at__date__lte=assessment.started_on,
        )

    class Meta:
        model = m.DeploymentFactor
        fields = [
            "assessment",
            "factor",
            "judgement",
            "confidence",
            "evidence",
            "sources",
            "incidents",
            "ucdp_conflict_id",
            "ucdp_summary",
            "sensitivity",
        ]


class AssessmentMissionForm(DeploymentForm):
    class Meta:
        model = m.AssessmentMission
        fields = [
            "assessment",
            "started_on",
            "ended_on",
            "led_by",
            "sites_visited",
            "meetings",
            "sensitivity",
        ]


class AssessmentMissionMemberForm(DeploymentForm):
    class Meta:
        model = m.AssessmentMissionMember
        fields = ["assessment_mission", "name", "department", "function", "sensitivity"]


class AssessmentFindingForm(DeploymentForm):
    """Factors offered: those of the assessment the mission served."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["factors"]
        chosen = _chosen(self, "assessment_mission")
        field.queryset = field.queryset.filter(
            assessment__assessment_missions__pk=chosen if chosen.isdigit() else 0
        )

    class Meta:
        model = m.AssessmentFinding
        fields = ["assessment_mission", "area", "finding", "factors", "sensitivity"]


class DeploymentOptionForm(DeploymentForm):
    class Meta:
        model = m.DeploymentOption
        fields = [
            "assessment",
            "title",
            "option_type",
            "summary",
            "tasks",
            "chapter_vii",
            "troops",
            "police",
            "military_observers",
            "civilians",
            "risks",
            "resources",
            "contributors_to_consult",
            "order",
            "sensitivity",
        ]


class ScenarioForm(DeploymentForm):
    class Meta:
        model = m.Scenario
        fields = ["option", "kind", "description", "implications", "sensitivity"]


class OverrideForm(forms.Form):
    """Accept or dismiss one success-condition verdict, with the reason (Capstone §4.2)."""

    option = forms.IntegerField(widget=forms.HiddenInput)
    rule = forms.CharField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("dismissed", _("Dismiss")), ("accepted", _("Accept"))]
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class DecisionForm(forms.Form):
    """The decision on the crisis; a decision to deploy may create the mission (§1.4, §4.1)."""

    outcome = forms.ChoiceField(label=_("Outcome"), choices=m.DecisionOutcome.choices)
    decided_on = forms.DateField(
        label=_("Decided on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    decided_by = forms.CharField(label=_("Decided by"), initial=_("Security Council"))
    option = forms.ModelChoiceField(
        label=_("Option chosen"), queryset=m.DeploymentOption.objects.none(), required=False
    )
    resolution = forms.IntegerField(label=_("Resolution number"), required=False, min_value=1)
    mission_code = forms.CharField(
        label=_("New mission code"),
        required=False,
        max_length=20,
        help_text=_("Give a code to create the mission in pre-deployment with its first mandate."),
    )
    mission_name = forms.CharField(label=_("New mission name"), required=False, max_length=200)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, options: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["option"].queryset = options  # type: ignore[attr-defined]

    def as_input(self) -> DecisionInput:
        data = self.cleaned_data
        new = None
        if data.get("mission_code"):
            new = NewMission(data["mission_code"], data.get("mission_name") or data["mission_code"])
        return DecisionInput(
            outcome=data["outcome"],
            decided_on=data["decided_on"],
            decided_by=data["decided_by"],
            option=data.get("option"),
            resolution_number=data.get("resolution"),
            notes=data.get("notes") or "",
            new_mission=new,
        )
