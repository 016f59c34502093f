"""Core API routes (missions, organisation, access, audit) and the token, schema and docs
endpoints; the site layer mounts them under ``/api/`` with every app's routes."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from bluehelmet.core.api import views as v
from bluehelmet.core.api.overview import OverviewView
from bluehelmet.core.api.parameters import MissionParametersView
from bluehelmet.core.api.routers import AppRouter
from bluehelmet.core.api.tokens import ObtainTokenView

router = AppRouter()
router.register("missions", v.MissionViewSet)
router.register("components", v.ComponentViewSet)
router.register("org-units", v.OrgUnitViewSet)
router.register("posts", v.PostViewSet)
router.register("people", v.PersonViewSet)
router.register("assignments", v.AssignmentViewSet)
router.register("contributing-countries", v.ContributingCountryViewSet)
router.register("contingents", v.ContingentViewSet)
router.register("partners", v.PartnerViewSet)
router.register("admin-areas", v.AdminAreaViewSet)
router.register("roles", v.RoleViewSet)
router.register("memberships", v.MembershipViewSet)
router.register("audit", v.AuditEntryViewSet)

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="api-token"),
    path("overview/", OverviewView.as_view(), name="api-overview"),
    path(
        "missions/<str:code>/parameters/",
        MissionParametersView.as_view(),
        name="api-mission-parameters",
    ),
    # The schema needs a login (SPECTACULAR_SETTINGS["SERVE_PERMISSIONS"]); the docs page, read
    # in a browser, sends an anonymous visitor to the log-in page instead of a bare 401.
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", v.DocsView.as_view(url_name="api-schema"), name="api-docs"),
]
