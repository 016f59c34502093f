"""Benchmark and exit page forms (Capstone §10.1-10.2, §6.1). Indicators and observations are
added from their parent's page (the view pins the mission); the decision form is every app's;
hand-over items and asset disposals are the lifecycle app's records, edited here beside the
readiness they serve."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bluehelmet.benchmarks import computed
from bluehelmet.benchmarks import models as m
from bluehelmet.benchmarks.models.benchmarks import unknown_computation
from bluehelmet.core.forms import DateInput, ScopedModelForm
from bluehelmet.lifecycle.models import AssetDisposal, HandoverItem


class BenchmarkForm(ScopedModelForm):
    class Meta:
        model = m.Benchmark
        fields = [
            "mission",
            "code",
            "title",
            "area",
            "template",
            "statement",
            "target_date",
            "sensitivity",
        ]
        widgets = {"target_date": DateInput()}


class IndicatorForm(ScopedModelForm):
    """``computation`` offers the indicator sources registered when the form is built (this
    app's and those of apps above it, grouped by heading: ``core.registry``)."""

    computation = forms.ChoiceField(
        label=_("Computed from"),
        choices=computed.source_choices,  # a callable: read from the registry each time
        required=False,
        help_text=_(
            "A figure the platform computes from the mission's records (Capstone §10.2); "
            "leave empty for an indicator read from its sources."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["computation"]
        field.error_messages["invalid_choice"] = unknown_computation("%(value)s")

    class Meta:
        model = m.Indicator
        fields = [
            "benchmark",
            "name",
            "plan_indicator",
            "level",
            "unit",
            "baseline",
            "target",
            "threshold",
            "direction",
            "computation",
            "admin1",
            "sensitivity",
        ]


class ObservationForm(ScopedModelForm):
    class Meta:
        model = m.Observation
        fields = [
            "indicator",
            "observed_on",
            "value",
            "source_kind",
            "source_name",
            "independent",
            "note",
            "sensitivity",
        ]
        widgets = {"observed_on": DateInput()}


class ReadinessAssessmentForm(ScopedModelForm):
    class Meta:
        model = m.ReadinessAssessment
        fields = ["mission", "area", "admin1", "level", "assessed_on", "rationale", "sensitivity"]
        widgets = {"assessed_on": DateInput()}

    def save(self, commit: bool = True) -> Any:
        if self.instance.pk is None and self.user is not None and self.user.is_authenticated:
            self.instance.assessed_by = self.user
        return super().save(commit)


class OverrideForm(forms.Form):
    rule = forms.CharField(max_length=40)
    subject = forms.CharField(max_length=200)
    decision = forms.ChoiceField(choices=[("dismissed", _("Dismiss")), ("accepted", _("Accept"))])
    reason = forms.CharField(max_length=4000, widget=forms.Textarea)


class ComputeForm(forms.Form):
    observed_on = forms.DateField(required=False, widget=DateInput())


class HandoverItemForm(ScopedModelForm):
    class Meta:
        model = HandoverItem
        fields = [
            "mission",
            "task",
            "responsibility",
            "receiver_kind",
            "receiver",
            "admin1",
            "conditions",
            "planned_on",
            "completed_on",
            "status",
            "sensitivity",
        ]
        widgets = {"planned_on": DateInput(), "completed_on": DateInput()}


class AssetDisposalForm(ScopedModelForm):
    """Approval and completion are actions on the readiness page, not fields."""

    class Meta:
        model = AssetDisposal
        fields = [
            "mission",
            "asset",
            "category",
            "quantity",
            "value",
            "method",
            "recipient",
            "sensitivity",
        ]


class LessonLearnedForm(ScopedModelForm):
    class Meta:
        model = m.LessonLearned
        fields = [
            "mission",
            "kind",
            "title",
            "written_on",
            "summary",
            "worked",
            "change",
            "areas",
            "sensitivity",
        ]
        widgets = {"written_on": DateInput()}

    def save(self, commit: bool = True) -> Any:
        if self.instance.pk is None and self.user is not None and self.user.is_authenticated:
            self.instance.author = self.user
        return super().save(commit)


class LinkLessonForm(forms.Form):
    record = forms.CharField(
        label=_("Record"), max_length=120, help_text=_("e.g. operations.incident:1234")
    )
