from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("bluehelmet.core.api.urls")),
    path("", include("bluehelmet.core.urls")),
]
