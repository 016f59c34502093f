"""Conduct FilterSets for the API and the list pages (Capstone §3.2). They filter querysets
already restricted to the case roles (``access.CaseQuerySet``): a search of free text only
ever searches cases the caller may read."""

from __future__ import annotations

from typing import Any

import django_filters as df
from django.utils.translation import gettext_lazy as _

from bluehelmet.conduct import models as m
from bluehelmet.core.filtersets import MissionScopedFilterSet


def visible_cases(request: Any) -> Any:
    """Only cases the caller may read: an unknown and a forbidden case look the same (a
    choice among every case would tell, by its "not a valid choice", that one exists)."""
    user = getattr(request, "user", None)
    return m.MisconductAllegation.objects.restrict(user)


def _case_filter() -> df.ModelChoiceFilter:
    return df.ModelChoiceFilter(queryset=visible_cases, label=_("Allegation"))


class MisconductAllegationFilterSet(MissionScopedFilterSet):
    search_fields = ("reference", "summary", "victim_details", "assessment_note", "action_taken")
    received_after = df.DateFilter(field_name="received_on", lookup_expr="gte")
    received_before = df.DateFilter(field_name="received_on", lookup_expr="lte")

    class Meta:
        model = m.MisconductAllegation
        fields = ["mission", "category", "personnel_category", "contingent", "stage"]


class ReferralFilterSet(MissionScopedFilterSet):
    search_fields = ("note", "allegation__reference")
    allegation = _case_filter()

    class Meta:
        model = m.Referral
        fields = ["mission", "allegation", "referred_to"]


class InvestigationFilterSet(MissionScopedFilterSet):
    search_fields = ("note", "allegation__reference")
    allegation = _case_filter()

    class Meta:
        model = m.Investigation
        fields = ["mission", "allegation", "outcome"]
