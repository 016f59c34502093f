"""JOC FilterSets shared by the API, the exports and (later) the pages.

The incident filters are the common operating picture's: time window, area (bbox), category,
actor, source and its grading (Capstone §7.2). Bad input is refused with a message saying
what was expected; the API turns it into a 400.
"""

from __future__ import annotations

import datetime
from typing import Any

import django_filters as df
from django import forms
from django.db.models import Q, QuerySet
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from bluehelmet.core.filtersets import MissionScopedFilterSet
from bluehelmet.core.permissions import sees_sources_everywhere
from bluehelmet.core.validators import DATE_RANGE_MESSAGE, in_date_range
from bluehelmet.operations import models as m
from bluehelmet.operations.geo import BBox, parse_bbox


class BBoxField(forms.CharField):
    def clean(self, value: Any) -> BBox | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_bbox(text)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc


class MomentField(forms.CharField):
    """An ISO date ('2024-05-01') or date-time ('2024-05-01T06:00:00Z'); naive means UTC."""

    def clean(self, value: Any) -> tuple[datetime.datetime, bool] | None:
        text = (super().clean(value) or "").strip()
        if not text:
            return None
        try:
            day = parse_date(text)
            moment = None if day else parse_datetime(text.replace(" ", "+"))  # '+' read as ' '
        except ValueError:
            moment = day = None
        if moment is None and day is None:
            raise forms.ValidationError(
                _("Not a date or date-time: %(v)s (use YYYY-MM-DD or ISO 8601).") % {"v": text}
            )
        if day is not None:
            moment = datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
        assert moment is not None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
        if not in_date_range(moment):  # also keeps ``until``'s next day inside the calendar
            raise forms.ValidationError(DATE_RANGE_MESSAGE)
        return moment, day is not None


class CodeListField(forms.CharField):
    """Comma-separated category codes, each checked against the taxonomy; cleans to their ids.

    Filtering on the ids (not on a join to the taxonomy) lets the database read the
    ``(mission, category, occurred_at, id)`` index in list order and stop at the first page.
    """

    def clean(self, value: Any) -> list[int] | None:
        text = super().clean(value)
        codes = [c.strip() for c in (text or "").split(",") if c.strip()]
        if not codes:
            return None
        known = dict(m.IncidentCategory.objects.filter(code__in=codes).values_list("code", "id"))
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise forms.ValidationError(
                _("Unknown incident category: %(c)s.") % {"c": ", ".join(unknown)}
            )
        return sorted({known[c] for c in codes})


class LettersField(forms.CharField):
    def clean(self, value: Any) -> list[str] | None:
        text = (super().clean(value) or "").replace(",", "").strip().upper()
        if not text:
            return None
        if any(ch not in m.Reliability.values for ch in text):
            raise forms.ValidationError(_("Reliability grades are letters A to F, e.g. AB."))
        return list(text)


@extend_schema_field(OpenApiTypes.STR)
class BBoxFilter(df.Filter):
    field_class = BBoxField

    def filter(self, qs: QuerySet, value: BBox | None) -> QuerySet:
        if value is None:
            return qs
        return qs.filter(
            latitude__gte=value.min_lat,
            latitude__lte=value.max_lat,
            longitude__gte=value.min_lon,
            longitude__lte=value.max_lon,
        )


@extend_schema_field(OpenApiTypes.STR)
class MomentFilter(df.Filter):
    """``since`` is inclusive; ``until`` a date includes that whole day (UTC)."""

    field_class = MomentField

    def filter(self, qs: QuerySet, value: tuple[datetime.datetime, bool] | None) -> QuerySet:
        if value is None:
            return qs
        moment, date_only = value
        if self.lookup_expr == "gte":
            return qs.filter(**{f"{self.field_name}__gte": moment})
        if date_only:
            return qs.filter(**{f"{self.field_name}__lt": moment + datetime.timedelta(days=1)})
        return qs.filter(**{f"{self.field_name}__lte": moment})


@extend_schema_field(OpenApiTypes.STR)
class CategoryFilter(df.Filter):
    field_class = CodeListField

    def filter(self, qs: QuerySet, value: list[int] | None) -> QuerySet:
        return qs if not value else qs.filter(category_id__in=value)


@extend_schema_field(OpenApiTypes.STR)
class ReliabilityFilter(df.Filter):
    field_class = LettersField

    def filter(self, qs: QuerySet, value: list[str] | None) -> QuerySet:
        return qs if not value else qs.filter(reliability__in=value)


def visible_sources(request: Any) -> QuerySet[m.IncidentSource]:
    return m.IncidentSource.objects.restrict(getattr(request, "user", None))


PARTNER_WITHHELD_FILTERS = (
    "source",
    "source_kind",
    "reliability",
    "credibility_max",
    "org_unit",
    "duplicate",
    "source_dataset",
)


class IncidentFilterSet(MissionScopedFilterSet):
    search_fields = ("title", "description", "location_name", "actor1", "actor2")
    bbox = BBoxFilter(label=_("Area: minlon,minlat,maxlon,maxlat"))
    since = MomentFilter(field_name="occurred_at", lookup_expr="gte", label=_("Occurred since"))
    until = MomentFilter(field_name="occurred_at", lookup_expr="lte", label=_("Occurred until"))
    category = CategoryFilter(label=_("Categories (comma-separated codes)"))
    group = df.ChoiceFilter(
        field_name="category__group", choices=m.CategoryGroup.choices, label=_("Category group")
    )
    actor = df.CharFilter(method="filter_actor", label=_("Actor (either side)"))
    source = df.ModelChoiceFilter(
        queryset=visible_sources,
        label=_("Source"),
        error_messages={"invalid_choice": _("Unknown source, or not one you may see.")},
    )
    source_kind = df.ChoiceFilter(
        field_name="source__kind", choices=m.SourceKind.choices, label=_("Kind of source")
    )
    reliability = ReliabilityFilter(label=_("Source reliability grades, e.g. AB"))
    credibility_max = df.NumberFilter(
        field_name="credibility", lookup_expr="lte", label=_("Credibility at least (1-6)")
    )
    admin1 = df.CharFilter(field_name="admin1", lookup_expr="iexact", label=_("Admin area 1"))
    duplicate = df.BooleanFilter(
        field_name="duplicate_of", lookup_expr="isnull", exclude=True, label=_("Duplicates only")
    )
    located = df.BooleanFilter(
        field_name="latitude", lookup_expr="isnull", exclude=True, label=_("With coordinates")
    )

    class Meta:
        model = m.Incident
        fields = [
            "mission",
            "sensitivity",
            "verification_status",
            "date_precision",
            "location_precision",
            "org_unit",
            "source_dataset",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not sees_sources_everywhere(getattr(self.request, "user", None)):
            # Filtering by a withheld field would tell which incidents carry which grade or
            # source (Capstone §7.2): the partner-safe view has no such filters at all.
            for name in PARTNER_WITHHELD_FILTERS:
                self.filters.pop(name, None)

    def filter_actor(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(actor1__icontains=value) | Q(actor2__icontains=value))


class IncidentSourceFilterSet(MissionScopedFilterSet):
    search_fields = ("name", "description")

    class Meta:
        model = m.IncidentSource
        fields = ["mission", "kind", "reliability", "sensitivity"]


class IncidentCategoryFilterSet(df.FilterSet):
    class Meta:
        model = m.IncidentCategory
        fields = ["group", "ged_type_of_violence"]


class SituationReportFilterSet(MissionScopedFilterSet):
    search_fields = ("narrative",)
    since = df.DateFilter(field_name="report_date", lookup_expr="gte", label=_("Since"))
    until = df.DateFilter(field_name="report_date", lookup_expr="lte", label=_("Until"))
    mission_wide = df.BooleanFilter(
        field_name="org_unit", lookup_expr="isnull", label=_("Mission-wide only")
    )

    class Meta:
        model = m.SituationReport
        fields = ["mission", "org_unit", "status", "report_date", "sensitivity"]


class FlashReportFilterSet(MissionScopedFilterSet):
    search_fields = ("title", "summary")
    # By number: a drop-down of every incident of the mission makes the page heavy.
    incident = df.NumberFilter(field_name="incident_id", label=_("Incident number"))

    class Meta:
        model = m.FlashReport
        fields = ["mission", "org_unit", "status", "incident", "sensitivity"]


class CrisisFilterSet(MissionScopedFilterSet):
    search_fields = ("title", "description")

    class Meta:
        model = m.Crisis
        fields = ["mission", "status", "sensitivity"]


class CrisisLogEntryFilterSet(MissionScopedFilterSet):
    search_fields = ("text",)

    class Meta:
        model = m.CrisisLogEntry
        fields = ["mission", "crisis", "kind"]


class CrisisTaskFilterSet(MissionScopedFilterSet):
    search_fields = ("title", "details", "assignee")

    class Meta:
        model = m.CrisisTask
        fields = ["mission", "crisis", "status", "assigned_to"]
