"""Page forms: one ModelForm per entity on a base that applies the user's grants.

The mission choice lists only missions where the user may take the action; the sensitivity
chosen may not exceed the user's clearance there; related records are picked among those the
user may see in the chosen mission (Capstone §7.2: information is shared on a need-to-know basis).
The model's own ``clean`` runs too, so doctrinal rules show next to the field they concern.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core import models as m
from bluehelmet.core.permissions import Sensitivity, grants_for, user_can


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def max_clearance(user: Any, action: str) -> int:
    """The highest sensitivity ``user`` may ``action`` in any mission (-1 when none)."""
    if user.is_superuser and user.is_active:
        return int(Sensitivity.STRICTLY_CONFIDENTIAL)
    grants = grants_for(user, action)
    levels = list(grants.per_mission.values())
    if grants.all_missions is not None:
        levels.append(grants.all_missions)
    return max(levels) if levels else -1


def is_mission_scoped(model: type[models.Model]) -> bool:
    """Records that belong to one mission (not missions themselves, not reference data)."""
    return getattr(model, "mission_field", None) is not None and model is not m.Mission


class ScopedModelForm(forms.ModelForm):
    """A ModelForm that knows who fills it in and what they are doing (add or change).

    ``fixed_mission`` pins the mission (e.g. a milestone added from its mission's lifecycle
    page): the mission field is then not shown.
    """

    def __init__(
        self,
        *args: Any,
        user: Any,
        action: str,
        fixed_mission: m.Mission | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.action = action
        self.fixed_mission = fixed_mission
        if fixed_mission is not None:
            self.instance.mission = fixed_mission
            self.fields.pop("mission", None)
        self._setup_mission_field()
        self._setup_sensitivity_field()
        self._limit_related(self.selected_mission_code())
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DateInput()

    def _setup_mission_field(self) -> None:
        field: Any = self.fields.get("mission")
        if field is None:
            return
        field.queryset = m.Mission.objects.restrict(self.user, self.action)
        field.to_field_name = "code"
        field.empty_label = _("Choose a mission")
        mission_id = getattr(self.instance, "mission_id", None)
        if mission_id is not None and self.initial.get("mission") == mission_id:
            # The instance gives the mission's id; the field names missions by code (an edit
            # page must show its mission chosen and the related records of that mission).
            self.initial["mission"] = self.instance.mission.code
        if self.instance.pk is None and not self.initial.get("mission"):
            choices = list(field.queryset[:2])
            if len(choices) == 1:
                self.initial["mission"] = choices[0].code

    def _setup_sensitivity_field(self) -> None:
        field: Any = self.fields.get("sensitivity")
        if field is None:
            return
        ceiling = max_clearance(self.user, self.action)
        field.choices = [(v, label) for v, label in Sensitivity.choices if v <= ceiling]
        field.help_text = _("You may record up to the highest class your role is cleared for.")

    def selected_mission_code(self) -> str | None:
        if self.fixed_mission is not None:
            return self.fixed_mission.code
        if "mission" not in self.fields:
            return None
        if self.is_bound:
            return self.data.get(self.add_prefix("mission")) or None
        initial = self.initial.get("mission")
        if isinstance(initial, m.Mission):
            return initial.code
        if initial:
            return str(initial)
        mission = getattr(self.instance, "mission", None) if self.instance.mission_id else None
        return mission.code if mission else None

    def _limit_related(self, mission_code: str | None) -> None:
        """Related records: visible to the user, and in the chosen mission when there is one."""
        for name, field in self.fields.items():
            if name == "mission" or not isinstance(field, forms.ModelChoiceField):
                continue
            related: Any = field.queryset.model  # type: ignore[union-attr]
            if not hasattr(related.objects, "restrict"):
                continue
            queryset = related.objects.restrict(self.user)
            if is_mission_scoped(related):
                if mission_code:
                    queryset = queryset.filter(mission__code=mission_code)
                else:
                    queryset = queryset.filter(
                        mission__in=m.Mission.objects.restrict(self.user, self.action)
                    )
            field.queryset = queryset

    def _get_validation_exclusions(self) -> set[str]:
        exclude: set[str] = super()._get_validation_exclusions()  # type: ignore[misc]
        if self.fixed_mission is not None:
            exclude.discard("mission")  # so (mission, ...) unique constraints are checked
        return exclude

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]
        if self.errors:
            return
        instance = self.instance
        mission_id = getattr(instance, "audit_mission_id", None)
        sensitivity = getattr(instance, "audit_sensitivity", 0)
        if not user_can(self.user, self.action, mission_id, 0):
            target = "mission" if "mission" in self.fields else None
            self.add_error(target, _("Your role may not record this in that mission."))
        elif not user_can(self.user, self.action, mission_id, sensitivity):
            self.add_error(
                "sensitivity" if "sensitivity" in self.fields else None,
                _("This sensitivity class is above your clearance for this mission."),
            )


class MissionForm(ScopedModelForm):
    class Meta:
        model = m.Mission
        fields = [
            "code",
            "name",
            "host_country",
            "host_country_name",
            "mission_type",
            "mandate_authorised_on",
            "sofa_status",
            "sofa_signed_on",
            "description",
        ]

    def clean_code(self) -> str:
        return (self.cleaned_data.get("code") or "").strip().upper()

    def clean_host_country(self) -> str:
        return (self.cleaned_data.get("host_country") or "").strip().upper()


class ComponentForm(ScopedModelForm):
    class Meta:
        model = m.Component
        fields = ["mission", "kind", "name", "sensitivity"]


class OrgUnitForm(ScopedModelForm):
    class Meta:
        model = m.OrgUnit
        fields = [
            "mission",
            "kind",
            "name",
            "parent",
            "component",
            "latitude",
            "longitude",
            "admin1",
            "established_on",
            "closed_on",
            "sensitivity",
        ]


class PostForm(ScopedModelForm):
    class Meta:
        model = m.Post
        fields = [
            "mission",
            "title",
            "role",
            "component",
            "org_unit",
            "reports_to",
            "grade",
            "is_mlt",
            "is_designated_official",
            "sensitivity",
        ]


class PersonForm(ScopedModelForm):
    class Meta:
        model = m.Person
        fields = ["mission", "full_name", "category", "nationality", "email", "sensitivity"]


class AssignmentForm(ScopedModelForm):
    class Meta:
        model = m.Assignment
        fields = [
            "mission",
            "post",
            "person",
            "start_date",
            "end_date",
            "acting",
            "sensitivity",
        ]


class ContributingCountryForm(ScopedModelForm):
    class Meta:
        model = m.ContributingCountry
        fields = ["iso3", "name"]

    def clean_iso3(self) -> str:
        return (self.cleaned_data.get("iso3") or "").strip().upper()


class ContingentForm(ScopedModelForm):
    class Meta:
        model = m.Contingent
        fields = [
            "mission",
            "country",
            "name",
            "unit_type",
            "strength",
            "status",
            "arrival_date",
            "repatriation_date",
            "org_unit",
            "operational_control",
            "sensitivity",
        ]


class PartnerForm(ScopedModelForm):
    class Meta:
        model = m.Partner
        fields = [
            "mission",
            "name",
            "acronym",
            "kind",
            "is_humanitarian",
            "is_un_system",
            "focal_point",
            "notes",
            "sensitivity",
        ]
