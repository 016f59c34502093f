"""Page routes. Each entity gets ``<name>-list/-add/-detail/-edit/-delete`` (``name`` is the
model's ``model_name``), so ``tables.object_url`` can link any record to its page."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.urls import URLPattern, path

from bluehelmet.core.views import (
    account,
    audit,
    contributors,
    geography,
    hq,
    missions,
    organisation,
    parameters,
    people,
    situation,
)


def entity(prefix: str, name: str, views: Any, stem: str) -> list[URLPattern]:
    """The four pages of one entity, from ``<Stem>ListView`` ... ``<Stem>DeleteView``."""
    get = lambda kind: getattr(views, f"{stem}{kind}View").as_view()  # noqa: E731
    return [
        path(f"{prefix}/", get("List"), name=f"{name}-list"),
        path(f"{prefix}/add/", get("Edit"), name=f"{name}-add"),
        path(f"{prefix}/<int:pk>/", get("Detail"), name=f"{name}-detail"),
        path(f"{prefix}/<int:pk>/edit/", get("Edit"), name=f"{name}-edit"),
        path(f"{prefix}/<int:pk>/delete/", get("Delete"), name=f"{name}-delete"),
    ]


urlpatterns = [
    path("", missions.HomeView.as_view(), name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", account.PasswordChangeView.as_view(), name="password-change"),
    path("password/done/", account.PasswordChangeDoneView.as_view(), name="password-change-done"),
    path("language/", account.LanguageView.as_view(), name="set-language"),
    path("switch-mission/", missions.SwitchMissionView.as_view(), name="switch-mission"),
    path("hq/", hq.HqOverviewView.as_view(), name="hq-overview"),
    path("hq/map.geojson", hq.HqMapView.as_view(), name="hq-map"),
    path("missions/", missions.MissionListView.as_view(), name="mission-list"),
    path("missions/add/", missions.MissionEditView.as_view(), name="mission-add"),
    path("missions/<str:code>/", missions.MissionOverviewView.as_view(), name="mission-detail"),
    path("missions/<str:code>/now/", situation.SituationView.as_view(), name="mission-now"),
    path("missions/<str:code>/edit/", missions.MissionEditView.as_view(), name="mission-edit"),
    path(
        "missions/<str:code>/delete/",
        missions.MissionDeleteView.as_view(),
        name="mission-delete",
    ),
    path("missions/<str:code>/map.geojson", missions.MissionMapView.as_view(), name="mission-map"),
    path(
        "maps/context/<str:country>.json",
        missions.MapContextView.as_view(),
        name="map-context",
    ),
    path(
        "missions/<str:code>/parameters/",
        parameters.MissionParametersView.as_view(),
        name="mission-parameters",
    ),
    *entity("components", "component", organisation, "Component"),
    *entity("org-units", "orgunit", organisation, "OrgUnit"),
    *entity("posts", "post", organisation, "Post"),
    *entity("people", "person", people, "Person"),
    *entity("assignments", "assignment", people, "Assignment"),
    *entity("contributing-countries", "contributingcountry", contributors, "ContributingCountry"),
    *entity("contingents", "contingent", contributors, "Contingent"),
    *entity("partners", "partner", contributors, "Partner"),
    path("admin-areas/", geography.AdminAreaListView.as_view(), name="adminarea-list"),
    path(
        "admin-areas/<int:pk>/",
        geography.AdminAreaDetailView.as_view(),
        name="adminarea-detail",
    ),
    path("audit/", audit.AuditListView.as_view(), name="auditentry-list"),
    path("audit/<int:pk>/", audit.AuditDetailView.as_view(), name="auditentry-detail"),
]
