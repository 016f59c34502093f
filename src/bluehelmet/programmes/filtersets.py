"""Programme FilterSets shared by the API and the list pages (Capstone §2.4-2.5).

A human rights case is searched on its reference, summary and place only: never on the
victims' identities, so that a search cannot confirm a name (Capstone §7.2)."""

from __future__ import annotations

import django_filters as df
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.filtersets import MissionScopedFilterSet
from bluehelmet.programmes import models as m


class HumanRightsCaseFilterSet(MissionScopedFilterSet):
    search_fields = ("reference", "summary", "admin1")
    occurred_after = df.DateFilter(field_name="occurred_on", lookup_expr="gte")
    occurred_before = df.DateFilter(field_name="occurred_on", lookup_expr="lte")

    class Meta:
        model = m.HumanRightsCase
        fields = ["mission", "violation_type", "verification", "follow_up", "perpetrator"]


class DdrSiteFilterSet(MissionScopedFilterSet):
    search_fields = ("name", "admin1")

    class Meta:
        model = m.DdrSite
        fields = ["mission", "kind", "admin1"]


class DdrParticipantFilterSet(MissionScopedFilterSet):
    search_fields = ("registration_number",)
    not_referred = df.BooleanFilter(
        field_name="referred_at", lookup_expr="isnull", label=_("Not yet referred")
    )

    class Meta:
        model = m.DdrParticipant
        fields = ["mission", "armed_group", "sex", "age_group", "status", "site"]


class WeaponCollectionFilterSet(MissionScopedFilterSet):
    search_fields = ("stored_at", "site__name")
    collected_after = df.DateFilter(field_name="collected_on", lookup_expr="gte")

    class Meta:
        model = m.WeaponCollection
        fields = ["mission", "site", "armed_group"]


class HazardAreaFilterSet(MissionScopedFilterSet):
    search_fields = ("code", "name", "admin1")

    class Meta:
        model = m.HazardArea
        fields = ["mission", "hazard_type", "status", "admin1"]


class QuickImpactProjectFilterSet(MissionScopedFilterSet):
    search_fields = ("title", "description", "admin1", "location")

    class Meta:
        model = m.QuickImpactProject
        fields = [
            "mission",
            "status",
            "admin1",
            "implementing_partner",
            "community_consulted",
            "humanitarian_coordination",
        ]


class ProgrammeVerdictOverrideFilterSet(MissionScopedFilterSet):
    search_fields = ("reason", "subject")

    class Meta:
        model = m.ProgrammeVerdictOverride
        fields = ["mission", "rule", "decision"]


class ElectoralEventFilterSet(MissionScopedFilterSet):
    search_fields = ("title", "notes")
    starts_after = df.DateFilter(field_name="starts_on", lookup_expr="gte")

    class Meta:
        model = m.ElectoralEvent
        fields = ["mission", "kind"]


class PollingCentreFilterSet(MissionScopedFilterSet):
    search_fields = ("code", "name", "admin1", "logistics_needs")

    class Meta:
        model = m.PollingCentre
        fields = ["mission", "admin1"]


class StatePresenceFilterSet(MissionScopedFilterSet):
    search_fields = ("admin1", "note")
    observed_after = df.DateFilter(field_name="observed_on", lookup_expr="gte")

    class Meta:
        model = m.StatePresence
        fields = ["mission", "admin1", "service", "present"]


class RuleOfLawInstitutionFilterSet(MissionScopedFilterSet):
    search_fields = ("name", "admin1")

    class Meta:
        model = m.RuleOfLawInstitution
        fields = ["mission", "kind", "admin1"]


class SsrActivityFilterSet(MissionScopedFilterSet):
    search_fields = ("institution__name",)
    reported_after = df.DateFilter(field_name="reported_on", lookup_expr="gte")

    class Meta:
        model = m.SsrActivity
        fields = ["mission", "institution", "status"]
