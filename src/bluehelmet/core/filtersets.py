"""FilterSets shared by the API and the pages (one definition per entity, NetBox style).

``?mission=<code>`` filters every mission-scoped list; the choices are the missions the caller
may see, so an unknown or forbidden code is refused with the same clear message.
"""

from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from bluehelmet.core import models as m
from bluehelmet.core.permissions import Sensitivity


def visible_missions(request: Any) -> QuerySet[m.Mission]:
    user = getattr(request, "user", None)
    return m.Mission.objects.restrict(user)


class BaseFilterSet(df.FilterSet):
    """Adds ``q`` (free-text search over ``search_fields``)."""

    q = df.CharFilter(method="search", label=_("Search"))
    search_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Related-record choices are the caller's restricted records too: a forbidden id must be
        # refused exactly like an unknown one, or the answer would reveal that it exists.
        user = getattr(self.request, "user", None)
        for flt in self.filters.values():
            queryset = getattr(flt, "queryset", None)
            if isinstance(queryset, QuerySet) and hasattr(queryset, "restrict"):
                flt.queryset = flt.extra["queryset"] = queryset.restrict(user)

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value or not self.search_fields:
            return queryset
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": value})
        return queryset.filter(condition)


class MissionScopedFilterSet(BaseFilterSet):
    mission = df.ModelChoiceFilter(
        queryset=visible_missions,
        to_field_name="code",
        label=_("Mission"),
        error_messages={"invalid_choice": _("Unknown mission code, or not one of your missions.")},
    )
    sensitivity = df.ChoiceFilter(choices=Sensitivity.choices, label=_("Sensitivity"))


class MissionFilterSet(BaseFilterSet):
    search_fields = ("code", "name", "host_country_name")

    class Meta:
        model = m.Mission
        fields = ["mission_type", "status", "phase", "host_country"]


class ComponentFilterSet(MissionScopedFilterSet):
    search_fields = ("name",)

    class Meta:
        model = m.Component
        fields = ["mission", "kind"]


class OrgUnitFilterSet(MissionScopedFilterSet):
    search_fields = ("name", "admin1")

    class Meta:
        model = m.OrgUnit
        fields = ["mission", "kind", "parent", "component", "sensitivity"]


class PostFilterSet(MissionScopedFilterSet):
    search_fields = ("title", "grade")

    class Meta:
        model = m.Post
        fields = ["mission", "role", "component", "is_mlt", "is_designated_official"]


class PersonFilterSet(MissionScopedFilterSet):
    search_fields = ("full_name", "email")

    class Meta:
        model = m.Person
        fields = ["mission", "category", "nationality"]


class AssignmentFilterSet(MissionScopedFilterSet):
    current = df.BooleanFilter(method="filter_current", label=_("Current only"))

    class Meta:
        model = m.Assignment
        fields = ["mission", "post", "person", "acting"]

    def filter_current(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        return queryset.current() if value else queryset  # type: ignore[attr-defined]


class ContributingCountryFilterSet(BaseFilterSet):
    search_fields = ("iso3", "name")

    class Meta:
        model = m.ContributingCountry
        fields = ["iso3"]


class ContingentFilterSet(MissionScopedFilterSet):
    search_fields = ("name", "country__name")
    country = df.CharFilter(
        field_name="country__iso3", lookup_expr="iexact", label=_("Country (ISO alpha-3)")
    )

    class Meta:
        model = m.Contingent
        fields = ["mission", "unit_type", "status", "org_unit", "sensitivity"]


class PartnerFilterSet(MissionScopedFilterSet):
    search_fields = ("name", "acronym", "focal_point")

    class Meta:
        model = m.Partner
        fields = ["mission", "kind", "is_humanitarian", "is_un_system", "sensitivity"]


class AdminAreaFilterSet(BaseFilterSet):
    search_fields = ("name", "pcode")

    class Meta:
        model = m.AdminArea
        fields = ["country", "level"]


class AuditEntryFilterSet(BaseFilterSet):
    search_fields = ("object_repr", "actor_name", "verb", "note")
    mission = df.CharFilter(field_name="mission_code", lookup_expr="iexact", label=_("Mission"))
    since = df.IsoDateTimeFilter(field_name="time", lookup_expr="gte", label=_("Since"))
    until = df.IsoDateTimeFilter(field_name="time", lookup_expr="lt", label=_("Until"))
    object_type = df.CharFilter(field_name="content_type__model", label=_("Object type"))
    actor = df.CharFilter(field_name="actor_name", lookup_expr="iexact", label=_("Actor"))

    class Meta:
        model = m.AuditEntry
        fields = ["action", "object_id"]
