"""Programme page forms (Capstone §2.4-2.5). State changes beyond editing (approval,
completion, hand-over, referral, linking, decisions) go through ``actions``, not these forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.forms import ScopedModelForm
from bluehelmet.operations.forms import DateTimeInput
from bluehelmet.programmes import models as m
from bluehelmet.programmes.hr_access import hr_case_mission_ids


class HumanRightsCaseForm(ScopedModelForm):
    class Meta:
        model = m.HumanRightsCase
        fields = [
            "mission",
            "reference",
            "summary",
            "violation_type",
            "occurred_on",
            "admin1",
            "perpetrator",
            "victims_count",
            "victims_female",
            "victims_children",
            "victim_identities",
            "verification",
            "follow_up",
            "follow_up_notes",
            "sensitivity",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields.get("mission")
        if field is not None:
            # Clearance is not enough: only the missions where the user holds a case role.
            field.queryset = field.queryset.filter(pk__in=sorted(hr_case_mission_ids(self.user)))


class DdrSiteForm(ScopedModelForm):
    class Meta:
        model = m.DdrSite
        fields = [
            "mission",
            "name",
            "kind",
            "admin1",
            "latitude",
            "longitude",
            "capacity",
            "occupancy",
            "opened_on",
            "sensitivity",
        ]


class DdrParticipantForm(ScopedModelForm):
    class Meta:
        model = m.DdrParticipant
        fields = [
            "mission",
            "registration_number",
            "armed_group",
            "sex",
            "age_group",
            "registered_at",
            "site",
            "status",
            "sensitivity",
        ]
        widgets = {"registered_at": DateTimeInput()}


class WeaponCollectionForm(ScopedModelForm):
    class Meta:
        model = m.WeaponCollection
        fields = [
            "mission",
            "collected_on",
            "site",
            "armed_group",
            "weapons_collected",
            "weapons_destroyed",
            "ammunition_collected",
            "ammunition_destroyed",
            "stored_at",
            "sensitivity",
        ]


class HazardAreaForm(ScopedModelForm):
    class Meta:
        model = m.HazardArea
        fields = [
            "mission",
            "code",
            "name",
            "hazard_type",
            "status",
            "admin1",
            "geometry",
            "area_m2",
            "surveyed_m2",
            "cleared_m2",
            "released_m2",
            "sensitivity",
        ]


class QuickImpactProjectForm(ScopedModelForm):
    class Meta:
        model = m.QuickImpactProject
        fields = [
            "mission",
            "title",
            "description",
            "admin1",
            "location",
            "budget_usd",
            "beneficiaries",
            "implementing_partner",
            "community_consulted",
            "humanitarian_coordination",
            "sensitivity",
        ]


class OverrideForm(forms.Form):
    rule = forms.CharField(max_length=40)
    subject = forms.CharField(max_length=200)
    decision = forms.CharField(max_length=10)
    reason = forms.CharField(max_length=4000, label=_("Reason"))


class HandOverForm(forms.Form):
    to = forms.CharField(max_length=200, label=_("Handed over to"))


class ElectoralEventForm(ScopedModelForm):
    class Meta:
        model = m.ElectoralEvent
        fields = [
            "mission",
            "title",
            "kind",
            "starts_on",
            "ends_on",
            "completed_on",
            "notes",
            "sensitivity",
        ]


class PollingCentreForm(ScopedModelForm):
    class Meta:
        model = m.PollingCentre
        fields = [
            "mission",
            "code",
            "name",
            "admin1",
            "latitude",
            "longitude",
            "registered_voters",
            "polling_stations",
            "logistics_needs",
            "sensitivity",
        ]


class StatePresenceForm(ScopedModelForm):
    class Meta:
        model = m.StatePresence
        fields = [
            "mission",
            "admin1",
            "service",
            "observed_on",
            "present",
            "officials",
            "note",
            "sensitivity",
        ]


class RuleOfLawInstitutionForm(ScopedModelForm):
    class Meta:
        model = m.RuleOfLawInstitution
        fields = ["mission", "name", "kind", "admin1", "sensitivity"]


class SsrActivityForm(ScopedModelForm):
    class Meta:
        model = m.SsrActivity
        fields = [
            "mission",
            "institution",
            "reported_on",
            "status",
            "personnel",
            "personnel_trained",
            "personnel_vetted",
            "prison_population",
            "pretrial_detainees",
            "sensitivity",
        ]
