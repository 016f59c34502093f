"""Mandate FilterSets shared by API and pages."""

from __future__ import annotations

import django_filters as df
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.filtersets import BaseFilterSet, MissionScopedFilterSet
from bluehelmet.mandates import models as m


class ResolutionFilterSet(BaseFilterSet):
    search_fields = ("title", "text_reference")
    mission = df.CharFilter(method="filter_mission", label=_("Mission"))
    number_min = df.NumberFilter(field_name="number", lookup_expr="gte")
    number_max = df.NumberFilter(field_name="number", lookup_expr="lte")

    class Meta:
        model = m.Resolution
        fields = ["number", "chapter_vii", "source"]

    def filter_mission(self, queryset, name, value):  # type: ignore[no-untyped-def]
        """Resolutions a mission's mandates rest on, the jointly adopted ones too (425/426)."""
        from django.db.models import Q

        return queryset.filter(
            Q(mandates__mission__code__iexact=value)
            | Q(joint_mandates__mission__code__iexact=value)
        ).distinct()


class MandateFilterSet(MissionScopedFilterSet):
    search_fields = ("summary",)
    resolution = df.NumberFilter(field_name="resolution__number")
    in_force_on = df.DateFilter(method="filter_in_force", label=_("In force on"))

    class Meta:
        model = m.Mandate
        fields = ["mission", "chapter_vii", "all_necessary_means", "source"]

    def filter_in_force(self, queryset, name, value):  # type: ignore[no-untyped-def]
        from django.db.models import Q

        return queryset.filter(effective_from__lte=value).filter(
            Q(effective_to__isnull=True) | Q(effective_to__gte=value)
        )


class MandatedTaskFilterSet(MissionScopedFilterSet):
    search_fields = ("wording", "task_type__name")
    task_type = df.CharFilter(field_name="task_type__code")
    group = df.CharFilter(field_name="task_type__category__group")
    version = df.NumberFilter(field_name="mandate__version")

    class Meta:
        model = m.MandatedTask
        fields = ["mission", "priority"]


class AuthorisedStrengthFilterSet(MissionScopedFilterSet):
    class Meta:
        model = m.AuthorisedStrength
        fields = ["mission", "source"]


class DeployedStrengthFilterSet(MissionScopedFilterSet):
    since = df.DateFilter(field_name="month", lookup_expr="gte", label=_("Since"))
    until = df.DateFilter(field_name="month", lookup_expr="lte", label=_("Until"))

    class Meta:
        model = m.DeployedStrength
        fields = ["mission", "source"]


class ConsultationFilterSet(MissionScopedFilterSet):
    search_fields = ("summary", "reason")
    status = df.ChoiceFilter(
        choices=m.ConsultationStatus.choices, method="filter_status", label=_("Status")
    )

    class Meta:
        model = m.Consultation
        fields = ["mission", "trigger"]

    def filter_status(self, queryset, name, value):  # type: ignore[no-untyped-def]
        import datetime

        today = datetime.date.today()
        if value == m.ConsultationStatus.HELD:
            return queryset.filter(held_on__isnull=False)
        open_ = queryset.filter(held_on__isnull=True)
        if value == m.ConsultationStatus.OVERDUE:
            return open_.filter(due_on__lt=today)
        return open_.filter(due_on__gte=today)
