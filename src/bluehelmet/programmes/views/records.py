"""Lists, details and forms of the programmes' records (Capstone §2.4-2.5, §7.2).

Human rights cases show no victim's identity in a list or an export (the columns leave it out)
and are found only by the human rights case roles of their mission (``hr_access``, through the
model's ``restrict``); a record out of reach answers 404. Records
with rules (DDR participants and sites, QIPs; in ``more``, electoral steps, polling centres,
State presence and rule of law institutions) show their verdicts and the buttons of their
actions on their page."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.forms import ScopedModelForm
from bluehelmet.core.models import Partner
from bluehelmet.core.permissions import Action
from bluehelmet.core.tables import Column
from bluehelmet.core.verdicts import RuleVerdict
from bluehelmet.core.views import generic
from bluehelmet.programmes import filtersets as fs
from bluehelmet.programmes import forms
from bluehelmet.programmes import models as m
from bluehelmet.programmes.hr_access import sees_hr_cases
from bluehelmet.programmes.verdicts import verdicts_for

MISSION = Column("mission", sort="mission__code")
CASE_COLUMNS = (
    Column("reference", link=True),
    Column("summary", sort=None),
    Column("violation_type"),
    Column("occurred_on"),
    Column("admin1"),
    Column("perpetrator", sort="perpetrator__name"),
    Column("victims_count", css="num"),
    Column("verification"),
    Column("follow_up"),
    MISSION,
)
SITE_COLUMNS = (
    Column("name", link=True),
    Column("kind"),
    Column("admin1"),
    Column("capacity", css="num"),
    Column("occupancy", css="num"),
    MISSION,
)
PARTICIPANT_COLUMNS = (
    Column("registration_number", link=True),
    Column("armed_group", sort="armed_group__name"),
    Column("sex"),
    Column("age_group"),
    Column("registered_at"),
    Column("site", sort="site__name"),
    Column("referred_at"),
    Column("status"),
    MISSION,
)
COLLECTION_COLUMNS = (
    Column("collected_on", link=True),
    Column("site", sort="site__name"),
    Column("armed_group", sort="armed_group__name"),
    Column("weapons_collected", css="num"),
    Column("weapons_destroyed", css="num"),
    Column("weapons_gap", label=_l("Weapons not yet destroyed"), sort=None, css="num"),
    Column("ammunition_collected", css="num"),
    Column("ammunition_destroyed", css="num"),
    Column("stored_at"),
    MISSION,
)
HAZARD_COLUMNS = (
    Column("code", link=True),
    Column("name"),
    Column("hazard_type"),
    Column("status"),
    Column("admin1"),
    Column("area_m2", css="num"),
    Column("cleared_percent", label=_l("Cleared (%)"), sort=None, css="num"),
    Column("released_m2", css="num"),
    MISSION,
)
QIP_COLUMNS = (
    Column("title", link=True),
    Column("admin1"),
    Column("budget_usd", css="num"),
    Column("beneficiaries", css="num"),
    Column("implementing_partner", sort="implementing_partner__name"),
    Column("community_consulted"),
    Column("humanitarian_coordination"),
    Column("status"),
    MISSION,
)
INCIDENT_COLUMNS = (
    Column("occurred_at"),
    Column("title", link=True),
    Column("location_name"),
)


def list_view(model: Any, filterset: Any, columns: Any, related: tuple[str, ...]) -> Any:
    return type(
        f"{model.__name__}ListView",
        (generic.ObjectListView,),
        {
            "model": model,
            "filterset_class": filterset,
            "columns": columns,
            "select_related": ("mission", *related),
        },
    )


def edit_view(model: Any, form: type[ScopedModelForm]) -> Any:
    return type(
        f"{model.__name__}EditView", (generic.ObjectEditView,), {"model": model, "form_class": form}
    )


class RecordDetailView(generic.ObjectDetailView):
    """A record with its verdicts, the decisions on them and its actions' buttons."""

    template_name = "programmes/record_detail.html"

    def verdicts(self, obj: Any) -> list[RuleVerdict]:
        return verdicts_for(obj, self.request.user)

    def extra_context(self, obj: Any) -> dict[str, Any]:
        user: Any = self.request.user
        may_change = generic.can_act_on(user, obj, Action.CHANGE)
        return {
            "flags": [(None, None, v) for v in self.verdicts(obj)],
            "mission": obj.mission,
            "can_change": may_change,
            "here": self.request.path,
            "action_url": reverse("mission-programmes", kwargs={"code": obj.mission.code}),
            "partners": Partner.objects.restrict(user).filter(mission=obj.mission)
            if may_change and isinstance(obj, m.DdrParticipant) and obj.is_child
            else [],
        }


class HumanRightsCaseListView(generic.ObjectListView):
    model = m.HumanRightsCase
    filterset_class = fs.HumanRightsCaseFilterSet
    columns = CASE_COLUMNS
    select_related = ("mission", "perpetrator")

    def add_url(self) -> str | None:
        # No "add" link for a role that would get 404 (``hr_access``).
        return super().add_url() if sees_hr_cases(self.request.user) else None


class HumanRightsCaseEditView(generic.ObjectEditView):
    """Only a human rights case role adds a case (``hr_access``); others get 404."""

    model = m.HumanRightsCase
    form_class = forms.HumanRightsCaseForm

    def get_instance(self) -> Any:
        if self.creating and not sees_hr_cases(self.request.user):
            raise Http404
        return super().get_instance()


class HumanRightsCaseDetailView(generic.ObjectDetailView):
    model = m.HumanRightsCase
    select_related = ("mission", "perpetrator")


DdrSiteListView = list_view(m.DdrSite, fs.DdrSiteFilterSet, SITE_COLUMNS, ())
DdrSiteEditView = edit_view(m.DdrSite, forms.DdrSiteForm)


class DdrSiteDetailView(RecordDetailView):
    model = m.DdrSite
    related = ((_l("Participants in the site"), "participants", PARTICIPANT_COLUMNS),)


DdrParticipantListView = list_view(
    m.DdrParticipant, fs.DdrParticipantFilterSet, PARTICIPANT_COLUMNS, ("armed_group", "site")
)
DdrParticipantEditView = edit_view(m.DdrParticipant, forms.DdrParticipantForm)


class DdrParticipantDetailView(RecordDetailView):
    model = m.DdrParticipant
    select_related = ("mission", "armed_group", "site", "referred_to")


WeaponCollectionListView = list_view(
    m.WeaponCollection, fs.WeaponCollectionFilterSet, COLLECTION_COLUMNS, ("site", "armed_group")
)
WeaponCollectionEditView = edit_view(m.WeaponCollection, forms.WeaponCollectionForm)


class WeaponCollectionDetailView(generic.ObjectDetailView):
    model = m.WeaponCollection


HazardAreaListView = list_view(m.HazardArea, fs.HazardAreaFilterSet, HAZARD_COLUMNS, ())
HazardAreaEditView = edit_view(m.HazardArea, forms.HazardAreaForm)


class HazardAreaDetailView(generic.ObjectDetailView):
    model = m.HazardArea
    related = ((_l("Explosive incidents linked"), "incidents", INCIDENT_COLUMNS),)


QuickImpactProjectListView = list_view(
    m.QuickImpactProject,
    fs.QuickImpactProjectFilterSet,
    QIP_COLUMNS,
    ("implementing_partner",),
)
QuickImpactProjectEditView = edit_view(m.QuickImpactProject, forms.QuickImpactProjectForm)


class QuickImpactProjectDetailView(RecordDetailView):
    model = m.QuickImpactProject
    select_related = ("mission", "implementing_partner", "approved_by")
