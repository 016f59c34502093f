from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import DefaultRouter

from bluehelmet.analysis import api as analysis
from bluehelmet.core.api import views as v
from bluehelmet.forecasting import api as forecasting
from bluehelmet.lifecycle import api as lifecycle
from bluehelmet.mandates import api as mandates
from bluehelmet.operations import api as operations
from bluehelmet.principles import api as principles

router = DefaultRouter()
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
router.register("phase-transitions", lifecycle.PhaseTransitionViewSet)
router.register("milestones", lifecycle.StartUpMilestoneViewSet)
router.register("resolutions", mandates.ResolutionViewSet)
router.register("mandates", mandates.MandateViewSet)
router.register("mandated-tasks", mandates.MandatedTaskViewSet)
router.register("strength", mandates.StrengthViewSet)
router.register("authorised-strength", mandates.AuthorisedStrengthViewSet)
router.register("consultations", mandates.ConsultationViewSet)
router.register("incident-categories", operations.IncidentCategoryViewSet)
router.register("incident-sources", operations.IncidentSourceViewSet)
router.register("incidents", operations.IncidentViewSet)
router.register("situation-reports", operations.SituationReportViewSet)
router.register("flash-reports", operations.FlashReportViewSet)
router.register("crises", operations.CrisisViewSet)
router.register("crisis-log", operations.CrisisLogEntryViewSet)
router.register("crisis-tasks", operations.CrisisTaskViewSet)
router.register("roe-profiles", principles.RoeProfileViewSet)
router.register("force-levels", principles.ForceLevelViewSet)
router.register("use-of-force-reports", principles.UseOfForceReportViewSet)
router.register("review-flags", principles.ReviewFlagViewSet)
router.register("parties", principles.PartyViewSet)
router.register("consent-events", principles.ConsentEventViewSet)
router.register("consent-assessments", principles.ConsentAssessmentViewSet)
router.register("violations", principles.ViolationViewSet)
router.register("violation-responses", principles.ViolationResponseViewSet)
router.register("protection-threats", principles.ProtectionThreatViewSet)
router.register("protection-alerts", principles.ProtectionAlertViewSet)
router.register("actors", analysis.ActorViewSet)
router.register("threat-assessments", analysis.ThreatAssessmentViewSet)
router.register("forecast-runs", forecasting.ForecastRunViewSet)
router.register("forecasts", forecasting.ForecastViewSet)

urlpatterns = [
    path("auth/token/", obtain_auth_token, name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path(
        "missions/<str:code>/lifecycle/",
        lifecycle.MissionLifecycleView.as_view(),
        name="api-mission-lifecycle",
    ),
    path(
        "missions/<str:code>/transition/",
        lifecycle.MissionTransitionView.as_view(),
        name="api-mission-transition",
    ),
    path("missions/<str:code>/gap/", mandates.MissionGapView.as_view(), name="api-mission-gap"),
    path(
        "missions/<str:code>/mandate/",
        mandates.MissionMandateChangeView.as_view(),
        name="api-mission-mandate-change",
    ),
    path(
        "missions/<str:code>/mandate-history/",
        mandates.MissionMandateHistoryView.as_view(),
        name="api-mission-mandate-history",
    ),
    path(
        "missions/<str:code>/principles/",
        principles.MissionPrinciplesView.as_view(),
        name="api-mission-principles",
    ),
    path(
        "missions/<str:code>/hotspots/",
        analysis.MissionHotspotsView.as_view(),
        name="api-mission-hotspots",
    ),
    path(
        "missions/<str:code>/trends/",
        analysis.MissionTrendsView.as_view(),
        name="api-mission-trends",
    ),
    path("doctrine/", include("bluehelmet.doctrine.urls_api")),
    path("", include(router.urls)),
]
