"""Deployment FilterSets shared by API and pages (Capstone §4.1-4.2)."""

from __future__ import annotations

import django_filters as df
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.filtersets import BaseFilterSet
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.deployment import models as m


class DeploymentFilterSet(BaseFilterSet):
    sensitivity = df.ChoiceFilter(choices=Sensitivity.choices, label=_("Sensitivity"))


class CrisisSituationFilterSet(DeploymentFilterSet):
    search_fields = ("name", "country_name", "summary")
    mission = df.CharFilter(field_name="mission__code", lookup_expr="iexact", label=_("Mission"))

    class Meta:
        model = m.CrisisSituation
        fields = ["country"]


class CrisisPartyFilterSet(DeploymentFilterSet):
    search_fields = ("name", "notes")

    class Meta:
        model = m.CrisisParty
        fields = ["situation", "role", "signatory", "committed"]


class StrategicAssessmentFilterSet(DeploymentFilterSet):
    search_fields = ("title", "participants")

    class Meta:
        model = m.StrategicAssessment
        fields = ["situation", "status", "council_backing"]


class DeploymentFactorFilterSet(DeploymentFilterSet):
    search_fields = ("evidence", "sources")

    class Meta:
        model = m.DeploymentFactor
        fields = ["assessment", "factor", "judgement", "confidence"]


class AssessmentMissionFilterSet(DeploymentFilterSet):
    search_fields = ("led_by", "sites_visited", "meetings")

    class Meta:
        model = m.AssessmentMission
        fields = ["assessment"]


class AssessmentMissionMemberFilterSet(DeploymentFilterSet):
    search_fields = ("name", "department")

    class Meta:
        model = m.AssessmentMissionMember
        fields = ["assessment_mission", "department"]


class AssessmentFindingFilterSet(DeploymentFilterSet):
    search_fields = ("finding",)

    class Meta:
        model = m.AssessmentFinding
        fields = ["assessment_mission", "area"]


class DeploymentOptionFilterSet(DeploymentFilterSet):
    search_fields = ("title", "summary", "risks")

    class Meta:
        model = m.DeploymentOption
        fields = ["assessment", "option_type", "chapter_vii"]


class ScenarioFilterSet(DeploymentFilterSet):
    search_fields = ("description",)

    class Meta:
        model = m.Scenario
        fields = ["option", "kind"]


class ConditionOverrideFilterSet(DeploymentFilterSet):
    class Meta:
        model = m.ConditionOverride
        fields = ["assessment", "rule", "decision"]


class DeploymentDecisionFilterSet(DeploymentFilterSet):
    class Meta:
        model = m.DeploymentDecision
        fields = ["assessment", "outcome"]
