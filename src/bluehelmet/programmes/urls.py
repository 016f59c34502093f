"""Programme pages (Capstone §2.4-2.5), included at the site root.

Record pages follow the ``<model_name>-list`` / ``-detail`` / ``-add`` / ``-edit`` naming so
``tables.object_url`` links any record to its page.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path

from bluehelmet.programmes import views as v
from bluehelmet.programmes.views import presence


def crud(prefix: str, name: str, listing: Any, detail: Any, edit: Any) -> list[URLPattern]:
    return [
        path(f"{prefix}/", listing.as_view(), name=f"{name}-list"),
        path(f"{prefix}/add/", edit.as_view(), name=f"{name}-add"),
        path(f"{prefix}/<int:pk>/", detail.as_view(), name=f"{name}-detail"),
        path(f"{prefix}/<int:pk>/edit/", edit.as_view(), name=f"{name}-edit"),
    ]


MISSION = "missions/<str:code>"
P = "programmes"

urlpatterns = [
    path(f"{MISSION}/programmes/", v.MissionProgrammesView.as_view(), name="mission-programmes"),
    path(
        f"{MISSION}/programmes/state-presence/",
        presence.StatePresenceMapView.as_view(),
        name="mission-state-presence",
    ),
    path(
        f"{MISSION}/programmes/<str:verb>/",
        v.MissionProgrammesActionView.as_view(),
        name="mission-programmes-action",
    ),
    *crud(
        f"{P}/human-rights-cases",
        "humanrightscase",
        v.HumanRightsCaseListView,
        v.HumanRightsCaseDetailView,
        v.HumanRightsCaseEditView,
    ),
    *crud(f"{P}/ddr-sites", "ddrsite", v.DdrSiteListView, v.DdrSiteDetailView, v.DdrSiteEditView),
    *crud(
        f"{P}/ddr-participants",
        "ddrparticipant",
        v.DdrParticipantListView,
        v.DdrParticipantDetailView,
        v.DdrParticipantEditView,
    ),
    *crud(
        f"{P}/weapons-collections",
        "weaponcollection",
        v.WeaponCollectionListView,
        v.WeaponCollectionDetailView,
        v.WeaponCollectionEditView,
    ),
    *crud(
        f"{P}/hazard-areas",
        "hazardarea",
        v.HazardAreaListView,
        v.HazardAreaDetailView,
        v.HazardAreaEditView,
    ),
    *crud(
        f"{P}/quick-impact-projects",
        "quickimpactproject",
        v.QuickImpactProjectListView,
        v.QuickImpactProjectDetailView,
        v.QuickImpactProjectEditView,
    ),
    *crud(
        f"{P}/electoral-calendar",
        "electoralevent",
        v.ElectoralEventListView,
        v.ElectoralEventDetailView,
        v.ElectoralEventEditView,
    ),
    *crud(
        f"{P}/polling-centres",
        "pollingcentre",
        v.PollingCentreListView,
        v.PollingCentreDetailView,
        v.PollingCentreEditView,
    ),
    *crud(
        f"{P}/state-presence",
        "statepresence",
        presence.StatePresenceListView,  # the list, with links to the map and series
        v.StatePresenceDetailView,
        v.StatePresenceEditView,
    ),
    *crud(
        f"{P}/rule-of-law-institutions",
        "ruleoflawinstitution",
        v.RuleOfLawInstitutionListView,
        v.RuleOfLawInstitutionDetailView,
        v.RuleOfLawInstitutionEditView,
    ),
    *crud(
        f"{P}/ssr-reports",
        "ssractivity",
        v.SsrActivityListView,
        v.SsrActivityDetailView,
        v.SsrActivityEditView,
    ),
]
