"""Outreach FilterSets shared by the API and the list pages (Capstone §9.1-9.2, §7.2)."""

from __future__ import annotations

from typing import Any

import django_filters as df
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.filtersets import MissionScopedFilterSet
from bluehelmet.outreach import models as m


class ImpactIndicatorFilterSet(MissionScopedFilterSet):
    search_fields = ("name", "admin1", "description")

    class Meta:
        model = m.ImpactIndicator
        fields = ["mission", "kind", "measure", "org_unit", "admin1"]


class ImpactObservationFilterSet(MissionScopedFilterSet):
    search_fields = ("source", "note")
    observed_after = df.DateFilter(field_name="observed_on", lookup_expr="gte")
    observed_before = df.DateFilter(field_name="observed_on", lookup_expr="lte")

    class Meta:
        model = m.ImpactObservation
        fields = ["mission", "indicator"]


class OutreachActivityFilterSet(MissionScopedFilterSet):
    search_fields = ("title", "place", "messages", "admin1")
    held_after = df.DateFilter(field_name="held_on", lookup_expr="gte")
    held_before = df.DateFilter(field_name="held_on", lookup_expr="lte")

    class Meta:
        model = m.OutreachActivity
        fields = ["mission", "kind", "audience", "admin1"]


class RumourFilterSet(MissionScopedFilterSet):
    search_fields = ("said", "place", "channel", "response", "verification_note")
    heard_after = df.DateFilter(field_name="heard_at", lookup_expr="date__gte")
    heard_before = df.DateFilter(field_name="heard_at", lookup_expr="date__lte")
    answered = df.BooleanFilter(
        field_name="responded_at", lookup_expr="isnull", exclude=True, label=_("Answered")
    )

    class Meta:
        model = m.Rumour
        fields = ["mission", "admin1", "spread", "risk", "risk_to", "verification"]


class CoordinationMeetingFilterSet(MissionScopedFilterSet):
    search_fields = ("title", "decisions", "chair")
    held_after = df.DateFilter(field_name="held_on", lookup_expr="gte")

    class Meta:
        model = m.CoordinationMeeting
        fields = ["mission", "forum"]


class ActionItemFilterSet(MissionScopedFilterSet):
    search_fields = ("text", "owner")
    overdue = df.BooleanFilter(method="filter_overdue", label=_("Overdue"))

    class Meta:
        model = m.ActionItem
        fields = ["mission", "meeting"]

    def filter_overdue(self, queryset: Any, name: str, value: bool | None) -> Any:
        if value is None:
            return queryset
        late = {"done_on__isnull": True, "due_on__lt": timezone.localdate()}
        return queryset.filter(**late) if value else queryset.exclude(**late)


class SharingRecordFilterSet(MissionScopedFilterSet):
    search_fields = ("item", "record")

    class Meta:
        model = m.SharingRecord
        fields = ["mission", "partner", "meeting", "item_class", "operational"]


class OutreachVerdictOverrideFilterSet(MissionScopedFilterSet):
    search_fields = ("reason", "subject")

    class Meta:
        model = m.OutreachVerdictOverride
        fields = ["mission", "rule", "decision"]
