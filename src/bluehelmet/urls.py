from django.contrib import admin
from django.urls import include, path

from bluehelmet.core.api.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("bluehelmet.core.api.urls")),
    path("", include("bluehelmet.core.urls")),
]
