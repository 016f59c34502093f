"""Doctrine API routes; the site layer mounts them under ``/api/doctrine/``
(``prefix``).

Namespaced (``doctrine-api:principle-list`` ...) so the router's root view does not clash with
the main API root.
"""

from __future__ import annotations

from rest_framework.routers import DefaultRouter

from bluehelmet.doctrine.api import views as api

app_name = "doctrine-api"
prefix = "doctrine/"

router = DefaultRouter()
router.register("principles", api.PrincipleViewSet, basename="principle")
router.register("core-functions", api.CoreFunctionViewSet, basename="core-function")
router.register("spectrum", api.SpectrumActivityViewSet, basename="spectrum")
router.register("task-categories", api.TaskCategoryViewSet, basename="task-category")
router.register("task-types", api.TaskTypeViewSet, basename="task-type")
router.register("benchmark-templates", api.BenchmarkTemplateViewSet, basename="benchmark")
router.register("guidance-series", api.GuidanceSeriesViewSet, basename="guidance-series")
router.register("glossary", api.GlossaryTermViewSet, basename="glossary")
router.register("guidance-index", api.GuidanceDocumentViewSet, basename="guidance-document")

urlpatterns = router.urls
