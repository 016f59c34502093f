"""Lifecycle page forms: a phase transition and start-up milestones (Capstone §6.1-6.3)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.forms import DateInput, ScopedModelForm
from bluehelmet.core.phases import Phase, next_phases
from bluehelmet.lifecycle.models import StartUpMilestone


class TransitionForm(forms.Form):
    """Move the mission to one of its allowed next phases; gates failing need a reason."""

    to_phase = forms.ChoiceField(label=_("Move to"), choices=())
    effective_on = forms.DateField(
        label=_("Effective on"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave blank for today. Not in the future, not before the last transition."),
    )
    override_reason = forms.CharField(
        label=_("Reason for overriding failed gates"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Required only when a gate check fails; it is kept in the history."),
    )

    def __init__(self, *args: Any, current_phase: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Phase.choices)
        field: Any = self.fields["to_phase"]
        field.choices = [(p, labels[p]) for p in next_phases(current_phase)]


class StartUpMilestoneForm(ScopedModelForm):
    class Meta:
        model = StartUpMilestone
        fields = ["kind", "achieved_on", "evidence", "sensitivity"]
