"""Core API routes (missions, organisation, access, audit) and the token, schema and docs
endpoints; the site layer mounts them under ``/api/`` with every app's routes."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token

from bluehelmet.core.api import views as v
from bluehelmet.core.api.routers import AppRouter

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
    path("auth/token/", obtain_auth_token, name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]
