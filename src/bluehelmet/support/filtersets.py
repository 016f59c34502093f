"""Support FilterSets shared by the API and the list pages (Capstone §8.1-8.3)."""

from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.filtersets import MissionScopedFilterSet
from bluehelmet.support import models as m


class SelfSufficiencyFilterSet(MissionScopedFilterSet):
    search_fields = ("contingent__name", "agreement", "notes")

    class Meta:
        model = m.SelfSufficiency
        fields = ["mission", "contingent"]


class SupportContractFilterSet(MissionScopedFilterSet):
    search_fields = ("contractor", "reference", "period__contingent__name")

    class Meta:
        model = m.SupportContract
        fields = ["mission", "period", "commodity", "status"]


class EquipmentLeaseFilterSet(MissionScopedFilterSet):
    search_fields = ("reference", "contingent__name", "notes")

    class Meta:
        model = m.EquipmentLease
        fields = ["mission", "contingent", "lease_type"]


class EquipmentLineFilterSet(MissionScopedFilterSet):
    search_fields = ("item", "lease__reference", "lease__contingent__name")

    class Meta:
        model = m.EquipmentLine
        fields = ["mission", "lease", "kind", "category"]


class EquipmentInspectionFilterSet(MissionScopedFilterSet):
    search_fields = ("inspector", "notes", "lease__contingent__name")
    inspected_after = df.DateFilter(field_name="inspected_on", lookup_expr="gte")

    class Meta:
        model = m.EquipmentInspection
        fields = ["mission", "lease", "kind"]


class InspectionFindingFilterSet(MissionScopedFilterSet):
    search_fields = ("line__item",)

    class Meta:
        model = m.InspectionFinding
        fields = ["mission", "inspection", "line"]


class SupplyRequestFilterSet(MissionScopedFilterSet):
    """``?open=true`` the requests still to fulfil; ``?overdue=true`` those past needed-by."""

    search_fields = ("item", "notes", "requesting_unit__name")
    open = df.BooleanFilter(method="filter_open", label=_("Open"))
    overdue = df.BooleanFilter(method="filter_overdue", label=_("Overdue"))
    needed_before = df.DateFilter(field_name="needed_by", lookup_expr="lte")

    class Meta:
        model = m.SupplyRequest
        fields = ["mission", "kind", "status", "priority", "requesting_unit"]

    def filter_open(self, queryset: Any, name: str, value: bool | None) -> Any:
        if value is None:
            return queryset
        is_open = Q(status__in=m.OPEN_STATUSES)
        return queryset.filter(is_open if value else ~is_open)

    def filter_overdue(self, queryset: Any, name: str, value: bool | None) -> Any:
        if value is None:
            return queryset
        late = Q(status__in=m.OPEN_STATUSES, needed_by__lt=timezone.now().date())
        return queryset.filter(late if value else ~late)


class PremisesFilterSet(MissionScopedFilterSet):
    search_fields = ("org_unit__name", "security_focal_point", "notes")
    kind = df.CharFilter(field_name="org_unit__kind", label=_("Kind of location"))

    class Meta:
        model = m.Premises
        fields = ["mission", "org_unit"]


class MossCheckFilterSet(MissionScopedFilterSet):
    search_fields = ("premises__org_unit__name", "checked_by", "notes")
    checked_after = df.DateFilter(field_name="checked_on", lookup_expr="gte")

    class Meta:
        model = m.MossCheck
        fields = ["mission", "premises"]


class SecurityAssessmentFilterSet(MissionScopedFilterSet):
    search_fields = ("area", "summary", "measures", "premises__org_unit__name")

    class Meta:
        model = m.SecurityAssessment
        fields = ["mission", "premises", "risk_level"]


class SecurityMeetingFilterSet(MissionScopedFilterSet):
    search_fields = ("chaired_by", "attendees", "summary")

    class Meta:
        model = m.SecurityMeeting
        fields = ["mission"]


class SecurityDecisionFilterSet(MissionScopedFilterSet):
    search_fields = ("decision", "owner")

    class Meta:
        model = m.SecurityDecision
        fields = ["mission", "meeting", "done"]


class RotationFilterSet(MissionScopedFilterSet):
    search_fields = ("contingent__name",)

    class Meta:
        model = m.Rotation
        fields = ["mission", "contingent"]


class TrainingRecordFilterSet(MissionScopedFilterSet):
    search_fields = ("provider", "person__full_name", "rotation__contingent__name")
    contingent = df.NumberFilter(field_name="rotation__contingent", label=_("Contingent"))

    class Meta:
        model = m.TrainingRecord
        fields = ["mission", "course", "rotation", "person"]


class SupportVerdictOverrideFilterSet(MissionScopedFilterSet):
    search_fields = ("reason", "subject")

    class Meta:
        model = m.SupportVerdictOverride
        fields = ["mission", "rule", "decision"]
