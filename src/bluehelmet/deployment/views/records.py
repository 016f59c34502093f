"""Lists, details and forms of the deployment records (Capstone §4.1-4.2)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.views import generic
from bluehelmet.deployment import filtersets as fs
from bluehelmet.deployment import forms
from bluehelmet.deployment import models as m
from bluehelmet.deployment.views.base import (
    ASSESSMENT_COLUMNS,
    DECISION_COLUMNS,
    FINDING_COLUMNS,
    MEMBER_COLUMNS,
    OPTION_COLUMNS,
    PARTY_COLUMNS,
    SITUATION_COLUMNS,
    DeploymentEditView,
    DeploymentListView,
)


class CrisisSituationListView(DeploymentListView):
    model = m.CrisisSituation
    filterset_class = fs.CrisisSituationFilterSet
    columns = SITUATION_COLUMNS
    select_related = ("mission",)


class CrisisSituationDetailView(generic.ObjectDetailView):
    model = m.CrisisSituation
    template_name = "deployment/situation_detail.html"
    select_related = ("mission",)
    related = (
        (_l("Parties"), "parties", PARTY_COLUMNS),
        (
            _l("Strategic assessments"),
            "assessments",
            ASSESSMENT_COLUMNS[:1] + ASSESSMENT_COLUMNS[2:],
        ),
    )


class CrisisSituationEditView(DeploymentEditView):
    model = m.CrisisSituation
    form_class = forms.CrisisSituationForm


class CrisisPartyDetailView(generic.ObjectDetailView):
    model = m.CrisisParty
    select_related = ("situation", "actor")


class CrisisPartyEditView(DeploymentEditView):
    model = m.CrisisParty
    form_class = forms.CrisisPartyForm


class StrategicAssessmentListView(DeploymentListView):
    model = m.StrategicAssessment
    filterset_class = fs.StrategicAssessmentFilterSet
    columns = ASSESSMENT_COLUMNS
    select_related = ("situation", "recommended_option")


class StrategicAssessmentEditView(DeploymentEditView):
    model = m.StrategicAssessment
    form_class = forms.StrategicAssessmentForm


class DeploymentFactorDetailView(generic.ObjectDetailView):
    model = m.DeploymentFactor
    select_related = ("assessment",)
    template_name = "deployment/factor_detail.html"

    def extra_context(self, obj: Any) -> dict[str, Any]:
        user = self.request.user
        return {
            "incidents": list(obj.incidents.restrict(user)[:50]),
            "findings": list(obj.findings.restrict(user)),
        }


class DeploymentFactorEditView(DeploymentEditView):
    model = m.DeploymentFactor
    form_class = forms.DeploymentFactorForm

    def success_url(self, obj: Any) -> str:
        return generic.safe_next(self.request, _url(obj.assessment))


class AssessmentMissionDetailView(generic.ObjectDetailView):
    model = m.AssessmentMission
    select_related = ("assessment",)
    related = (
        (_l("Members"), "members", MEMBER_COLUMNS),
        (_l("Findings"), "findings", FINDING_COLUMNS),
    )
    template_name = "deployment/tam_detail.html"


class AssessmentMissionEditView(DeploymentEditView):
    model = m.AssessmentMission
    form_class = forms.AssessmentMissionForm


class AssessmentMissionMemberDetailView(generic.ObjectDetailView):
    model = m.AssessmentMissionMember


class AssessmentMissionMemberEditView(DeploymentEditView):
    model = m.AssessmentMissionMember
    form_class = forms.AssessmentMissionMemberForm

    def success_url(self, obj: Any) -> str:
        return generic.safe_next(self.request, _url(obj.assessment_mission))


class AssessmentFindingDetailView(generic.ObjectDetailView):
    model = m.AssessmentFinding
    template_name = "deployment/finding_detail.html"

    def extra_context(self, obj: Any) -> dict[str, Any]:
        return {"factors": list(obj.factors.restrict(self.request.user))}


class AssessmentFindingEditView(DeploymentEditView):
    model = m.AssessmentFinding
    form_class = forms.AssessmentFindingForm

    def success_url(self, obj: Any) -> str:
        return generic.safe_next(self.request, _url(obj.assessment_mission))


class DeploymentOptionListView(DeploymentListView):
    model = m.DeploymentOption
    filterset_class = fs.DeploymentOptionFilterSet
    columns = OPTION_COLUMNS
    select_related = ("assessment",)


class DeploymentOptionEditView(DeploymentEditView):
    model = m.DeploymentOption
    form_class = forms.DeploymentOptionForm


class ScenarioDetailView(generic.ObjectDetailView):
    model = m.Scenario
    select_related = ("option",)


class ScenarioEditView(DeploymentEditView):
    model = m.Scenario
    form_class = forms.ScenarioForm

    def success_url(self, obj: Any) -> str:
        return generic.safe_next(self.request, _url(obj.option))


class DeploymentDecisionListView(DeploymentListView):
    model = m.DeploymentDecision
    filterset_class = fs.DeploymentDecisionFilterSet
    columns = DECISION_COLUMNS
    select_related = ("assessment", "option", "resolution", "mission")

    def add_url(self) -> str | None:
        return None  # recorded from the assessment's page


class DeploymentDecisionDetailView(generic.ObjectDetailView):
    model = m.DeploymentDecision
    select_related = ("assessment", "option", "resolution", "mission")
    fields = (
        "assessment",
        "outcome",
        "decided_on",
        "decided_by",
        "option",
        "resolution",
        "mission",
        "notes",
        "recorded_by",
        "sensitivity",
    )


def _url(obj: Any) -> str:
    from bluehelmet.core.tables import object_url

    return object_url(obj) or "/"
