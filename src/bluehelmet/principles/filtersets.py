"""Principles FilterSets shared by API and pages (``?mission=<code>`` on every list)."""

from __future__ import annotations

import django_filters as df
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.filtersets import MissionScopedFilterSet
from bluehelmet.principles import models as m

PARTY_ERRORS = {"invalid_choice": _("Unknown party, or not one you may see.")}


def _party_filter(field_name: str = "party") -> df.ModelChoiceFilter:
    return df.ModelChoiceFilter(
        field_name=field_name,
        queryset=m.Party.objects.all(),
        label=_("Party"),
        error_messages=PARTY_ERRORS,
    )


class RoeProfileFilterSet(MissionScopedFilterSet):
    search_fields = ("name",)

    class Meta:
        model = m.RoeProfile
        fields = ["mission", "kind"]


class ForceLevelFilterSet(MissionScopedFilterSet):
    search_fields = ("name", "description")

    class Meta:
        model = m.ForceLevel
        fields = ["mission", "profile", "authority", "requires_all_necessary_means"]


class UseOfForceReportFilterSet(MissionScopedFilterSet):
    search_fields = ("threat_faced", "proportionality", "follow_up")
    # By number: a drop-down of every incident of the mission makes the page heavy.
    incident = df.NumberFilter(field_name="incident_id", label=_("Incident number"))
    since = df.IsoDateTimeFilter(field_name="occurred_at", lookup_expr="gte", label=_("Since"))
    until = df.IsoDateTimeFilter(field_name="occurred_at", lookup_expr="lte", label=_("Until"))
    open_flags = df.BooleanFilter(method="filter_open_flags", label=_("Has open review flags"))

    class Meta:
        model = m.UseOfForceReport
        fields = ["mission", "basis", "level", "contingent", "org_unit", "incident"]

    def filter_open_flags(self, queryset, name, value):  # type: ignore[no-untyped-def]
        has = queryset.filter(flags__status=m.FlagStatus.OPEN).values("pk")
        return queryset.filter(pk__in=has) if value else queryset.exclude(pk__in=has)


class ReviewFlagFilterSet(MissionScopedFilterSet):
    search_fields = ("explanation", "rule_name")

    class Meta:
        model = m.ReviewFlag
        fields = ["mission", "status", "code", "report"]


class PartyFilterSet(MissionScopedFilterSet):
    search_fields = ("name",)

    class Meta:
        model = m.Party
        fields = ["mission", "kind"]


class ConsentEventFilterSet(MissionScopedFilterSet):
    search_fields = ("description", "admin1")
    party = _party_filter()
    since = df.DateFilter(field_name="occurred_on", lookup_expr="gte", label=_("Since"))
    until = df.DateFilter(field_name="occurred_on", lookup_expr="lte", label=_("Until"))
    admin1 = df.CharFilter(field_name="admin1", lookup_expr="iexact", label=_("Admin area 1"))

    class Meta:
        model = m.ConsentEvent
        fields = ["mission", "kind", "org_unit"]


class ConsentAssessmentFilterSet(MissionScopedFilterSet):
    party = _party_filter()

    class Meta:
        model = m.ConsentAssessment
        fields = ["mission", "as_of", "withdrawal_flagged"]


class ViolationFilterSet(MissionScopedFilterSet):
    search_fields = ("description",)
    # By number: a drop-down of every incident of the mission makes the page heavy.
    incident = df.NumberFilter(field_name="incident_id", label=_("Incident number"))
    party = _party_filter()

    class Meta:
        model = m.Violation
        fields = ["mission", "incident"]


class ViolationResponseFilterSet(MissionScopedFilterSet):
    search_fields = ("note",)
    party = _party_filter("violation__party")

    class Meta:
        model = m.ViolationResponse
        fields = ["mission", "kind", "violation"]


class ProtectionThreatFilterSet(MissionScopedFilterSet):
    search_fields = ("threatened", "perpetrator_other", "place", "admin1", "description")

    class Meta:
        model = m.ProtectionThreat
        fields = ["mission", "imminence", "perpetrator", "women_at_risk", "children_at_risk"]


class ProtectionAlertFilterSet(MissionScopedFilterSet):
    search_fields = ("description", "response_note")
    answered = df.BooleanFilter(
        field_name="responded_at", lookup_expr="isnull", exclude=True, label=_("Answered")
    )

    class Meta:
        model = m.ProtectionAlert
        fields = ["mission", "source", "threat", "response_kind"]
