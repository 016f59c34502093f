"""Page forms of the principles area (Capstone §3.1, §2.3).

Record forms build on ``ScopedModelForm`` (missions, related records and sensitivity limited by
the user's grants). Closing a review flag and answering a protection alert go through the
``do_`` actions, so their forms only collect what the action needs.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.forms import ScopedModelForm
from bluehelmet.core.widgets import search_select
from bluehelmet.principles import models as m


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class PrinciplesForm(ScopedModelForm):
    """Date-times as ``datetime-local`` inputs (UTC); an incident is searched, never listed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateTimeField):
                field.widget = DateTimeInput()
                field.input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
        if "incident" in self.fields:  # a mission may hold a million incidents (issue 13)
            search_select(
                self.fields["incident"],
                "incident-search",
                invalid=_("No incident with that number in this mission, or not one you may see."),
                help_text=_("Search by number, title or place."),
                mission_code=self.fixed_mission.code if self.fixed_mission else None,
            )


class UseOfForceReportForm(PrinciplesForm):
    class Meta:
        model = m.UseOfForceReport
        fields = [
            "mission",
            *m.REPORT_CONTENT_FIELDS,
            "sensitivity",
        ]


class PartyForm(PrinciplesForm):
    class Meta:
        model = m.Party
        fields = ["mission", "name", "kind", "sensitivity"]


class ProtectionThreatForm(PrinciplesForm):
    class Meta:
        model = m.ProtectionThreat
        fields = ["mission", *m.THREAT_FIELDS, "sensitivity"]


class ProtectionAlertForm(PrinciplesForm):
    class Meta:
        model = m.ProtectionAlert
        fields = ["mission", "threat", "source", "component", "received_at", "description"]
        fields += ["sensitivity"]


class ConsentEventForm(PrinciplesForm):
    class Meta:
        model = m.ConsentEvent
        fields = [
            "mission",
            "party",
            "org_unit",
            "admin1",
            "kind",
            "occurred_on",
            "weight",
            "description",
            "sensitivity",
        ]


class ViolationForm(PrinciplesForm):
    class Meta:
        model = m.Violation
        fields = ["mission", "party", "incident", "occurred_on", "description", "sensitivity"]


class ViolationResponseForm(PrinciplesForm):
    class Meta:
        model = m.ViolationResponse
        fields = ["mission", "violation", "kind", "responded_on", "note", "sensitivity"]


class FlagCloseForm(forms.Form):
    """A reviewer's decision on one flag, always with the reason (Capstone §3.1)."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[  # nothing chosen at first: the reviewer decides, the page does not
            ("", _("Choose: uphold or dismiss")),
            (m.FlagStatus.UPHELD.value, m.FlagStatus.UPHELD.label),
            (m.FlagStatus.DISMISSED.value, m.FlagStatus.DISMISSED.label),
        ],
    )
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000
    )


class VerdictOverrideForm(forms.Form):
    """A reviewer's decision on a computed verdict (consent, impartiality, protection)."""

    rule = forms.CharField(max_length=40, widget=forms.HiddenInput)
    subject = forms.CharField(max_length=200, widget=forms.HiddenInput)
    decision = forms.ChoiceField(label=_("Decision"), choices=m.VerdictDecision.choices)
    # Optional here so the action gives its one message for a missing reason.
    reason = forms.CharField(label=_("Reason"), max_length=4000, required=False)


class AlertResponseForm(forms.Form):
    """How and when the mission answered a protection alert (Capstone §2.3)."""

    response_kind = forms.ChoiceField(label=_("Response"), choices=m.ProtectionResponseKind.choices)
    responded_at = forms.DateTimeField(
        label=_("Responded at (UTC)"),
        required=False,
        widget=DateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Leave empty for now."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
