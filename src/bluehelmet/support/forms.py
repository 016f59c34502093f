"""Support page forms (Capstone §8.1-8.3). A record that belongs to another (a contract to its
self-sufficiency period, a line or inspection to its MOU ...) names its mission too: the form
offers only that mission's parents, and the model refuses a parent of another mission. A
logistics request's status changes through its actions, never through this form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.forms import ScopedModelForm
from bluehelmet.support import models as m


class SelfSufficiencyForm(ScopedModelForm):
    class Meta:
        model = m.SelfSufficiency
        fields = ["mission", "contingent", "days", "starts_on", "agreement", "notes", "sensitivity"]


class SupportContractForm(ScopedModelForm):
    class Meta:
        model = m.SupportContract
        fields = [
            "mission",
            "period",
            "commodity",
            "contractor",
            "reference",
            "status",
            "delivers_from",
            "sensitivity",
        ]


class EquipmentLeaseForm(ScopedModelForm):
    class Meta:
        model = m.EquipmentLease
        fields = [
            "mission",
            "contingent",
            "reference",
            "lease_type",
            "signed_on",
            "notes",
            "sensitivity",
        ]


class EquipmentLineForm(ScopedModelForm):
    class Meta:
        model = m.EquipmentLine
        fields = ["mission", "lease", "kind", "item", "category", "quantity", "sensitivity"]


class EquipmentInspectionForm(ScopedModelForm):
    class Meta:
        model = m.EquipmentInspection
        fields = ["mission", "lease", "kind", "inspected_on", "inspector", "notes", "sensitivity"]


class InspectionFindingForm(ScopedModelForm):
    class Meta:
        model = m.InspectionFinding
        fields = ["mission", "inspection", "line", "serviceable", "sensitivity"]


class SupplyRequestForm(ScopedModelForm):
    class Meta:
        model = m.SupplyRequest
        fields = [
            "mission",
            "kind",
            "requesting_unit",
            "item",
            "quantity",
            "unit_of_issue",
            "priority",
            "requested_on",
            "needed_by",
            "origin",
            "destination",
            "origin_admin1",
            "destination_admin1",
            "notes",
            "sensitivity",
        ]


class PremisesForm(ScopedModelForm):
    class Meta:
        model = m.Premises
        fields = ["mission", "org_unit", "security_focal_point", "notes", "sensitivity"]


class MossCheckForm(ScopedModelForm):
    class Meta:
        model = m.MossCheck
        fields = [
            "mission",
            "premises",
            "checked_on",
            "checked_by",
            *m.MOSS_FIELDS,
            "notes",
            "sensitivity",
        ]


class SecurityAssessmentForm(ScopedModelForm):
    class Meta:
        model = m.SecurityAssessment
        fields = [
            "mission",
            "premises",
            "area",
            "assessed_on",
            "risk_level",
            "summary",
            "measures",
            "review_by",
            "sensitivity",
        ]


class SecurityMeetingForm(ScopedModelForm):
    class Meta:
        model = m.SecurityMeeting
        fields = ["mission", "held_on", "chaired_by", "attendees", "summary", "sensitivity"]


class SecurityDecisionForm(ScopedModelForm):
    class Meta:
        model = m.SecurityDecision
        fields = ["mission", "meeting", "decision", "owner", "due_on", "done", "sensitivity"]


class RotationForm(ScopedModelForm):
    class Meta:
        model = m.Rotation
        fields = ["mission", "contingent", "arrives_on", "strength", "sensitivity"]


class TrainingRecordForm(ScopedModelForm):
    class Meta:
        model = m.TrainingRecord
        fields = [
            "mission",
            "course",
            "rotation",
            "person",
            "personnel_trained",
            "completed_on",
            "provider",
            "sensitivity",
        ]


class OverrideForm(forms.Form):
    rule = forms.CharField(max_length=40)
    subject = forms.CharField(max_length=200)
    decision = forms.ChoiceField(choices=[("dismissed", _("Dismiss")), ("accepted", _("Accept"))])
    reason = forms.CharField(max_length=4000, widget=forms.Textarea)
