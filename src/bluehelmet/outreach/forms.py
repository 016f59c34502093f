"""Outreach page forms (Capstone §9.1-9.2, §7.2). Readings are added from their indicator's
page and action items from their meeting's (the view pins the mission); a sharing goes through
``actions.do_share_with_partner``, so its form is a plain form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.forms import DateInput, ScopedModelForm
from bluehelmet.core.models import Partner
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.outreach import models as m


class ImpactIndicatorForm(ScopedModelForm):
    class Meta:
        model = m.ImpactIndicator
        fields = [
            "mission",
            "name",
            "kind",
            "measure",
            "unit",
            "org_unit",
            "admin1",
            "latitude",
            "longitude",
            "threshold",
            "breach_when",
            "description",
            "sensitivity",
        ]


class ImpactObservationForm(ScopedModelForm):
    class Meta:
        model = m.ImpactObservation
        fields = ["indicator", "observed_on", "value", "source", "note", "sensitivity"]


class OutreachActivityForm(ScopedModelForm):
    class Meta:
        model = m.OutreachActivity
        fields = [
            "mission",
            "kind",
            "title",
            "held_on",
            "admin1",
            "place",
            "audience",
            "reached",
            "messages",
            "sensitivity",
        ]


class RumourForm(ScopedModelForm):
    class Meta:
        model = m.Rumour
        fields = [
            "mission",
            "said",
            "heard_at",
            "admin1",
            "place",
            "latitude",
            "longitude",
            "channel",
            "spread",
            "risk",
            "risk_to",
            "verification",
            "verification_note",
            "response",
            "responded_at",
            "sensitivity",
        ]
        widgets = {
            "heard_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "responded_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }


class CoordinationMeetingForm(ScopedModelForm):
    class Meta:
        model = m.CoordinationMeeting
        fields = ["mission", "forum", "title", "held_on", "chair", "partners", "decisions"]
        fields += ["sensitivity"]


class ActionItemForm(ScopedModelForm):
    class Meta:
        model = m.ActionItem
        fields = ["meeting", "text", "owner", "due_on", "done_on", "sensitivity"]
        widgets = {"due_on": DateInput(), "done_on": DateInput()}


class OverrideForm(forms.Form):
    rule = forms.CharField(max_length=40)
    subject = forms.CharField(max_length=200)
    decision = forms.ChoiceField(choices=[("dismissed", _("Dismiss")), ("accepted", _("Accept"))])
    reason = forms.CharField(max_length=4000, widget=forms.Textarea)


class ShareForm(forms.Form):
    """What to give a partner; the partner-safe rule is applied by the action, not here."""

    partner = forms.ModelChoiceField(queryset=Partner.objects.none(), label=_("Partner"))
    item = forms.CharField(label=_("Information shared"), max_length=300)
    item_class = forms.TypedChoiceField(
        label=_("Class of the information"),
        choices=Sensitivity.choices,
        coerce=int,
        initial=Sensitivity.UNCLASSIFIED,
    )
    operational = forms.BooleanField(label=_("Operational information"), required=False)
    record = forms.CharField(
        label=_("Record shared"),
        max_length=120,
        required=False,
        help_text=_("Optional, e.g. operations.incident:1234; its class then counts."),
    )
    shared_on = forms.DateField(label=_("Shared on"), required=False, widget=DateInput())

    def __init__(self, *args: Any, partners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners  # type: ignore[attr-defined]
