"""JMAC FilterSets shared by the API and the pages (``?mission=<code>`` and ``?q=`` on both)."""

from __future__ import annotations

import django_filters as df
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from bluehelmet.analysis import models as m
from bluehelmet.core.filtersets import MissionScopedFilterSet


class ActorFilterSet(MissionScopedFilterSet):
    search_fields = ("name", "short_name", "aliases", "acled_actor", "description")
    spoiler = df.BooleanFilter(method="filter_spoiler", label=_("Assessed a spoiler"))

    class Meta:
        model = m.Actor
        fields = ["mission", "kind", "signatory", "spoiler_assessment", "sensitivity"]

    def filter_spoiler(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        none = m.SpoilerAssessment.NONE
        return (
            queryset.exclude(spoiler_assessment=none)
            if value
            else queryset.filter(spoiler_assessment=none)
        )


class ThreatAssessmentFilterSet(MissionScopedFilterSet):
    search_fields = ("title", "area", "narrative")
    since = df.DateFilter(field_name="period_end", lookup_expr="gte", label=_("Period ends from"))
    until = df.DateFilter(field_name="period_start", lookup_expr="lte", label=_("Period starts by"))
    area = df.CharFilter(field_name="area", lookup_expr="iexact", label=_("Area"))

    class Meta:
        model = m.ThreatAssessment
        fields = ["mission", "status", "threat_level", "area_kind", "area", "sensitivity"]
