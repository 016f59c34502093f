"""The site layer: the project URLconf and the API router, assembled from the apps.

``core`` knows none of the doctrine areas; here, above every app, each installed bluehelmet app
contributes its page routes (``<app>/urls.py``) and its API routes (``<app>/api/urls.py``), as
NetBox's ``netbox/urls.py`` assembles its apps. A routes module may set ``prefix`` to mount its
``urlpatterns`` under a path (with its ``app_name`` as namespace, if it has one); otherwise its
patterns join the top level. An API module's ``router`` registrations join the one root router,
so ``/api/`` lists every app's endpoints.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from types import ModuleType
from typing import Any

from django.apps import apps
from django.contrib import admin
from django.urls import include, path

from bluehelmet.core.api.health import healthz
from bluehelmet.core.api.routers import SiteRouter
from bluehelmet.core.views import errors

# Listed at /api/ beside the registered endpoints (key -> URL name).
API_LINKS = {"auth-token": "api-token", "schema": "api-schema", "docs": "api-docs"}


def _app_modules(submodule: str) -> list[ModuleType]:
    """``<app>.<submodule>`` of every installed bluehelmet app that has one, core first."""
    found = []
    for config in apps.get_app_configs():
        if config.name.startswith("bluehelmet.") and _exists(f"{config.name}.{submodule}"):
            found.append(import_module(f"{config.name}.{submodule}"))
    return found


def _exists(dotted: str) -> bool:
    try:
        return find_spec(dotted) is not None
    except ModuleNotFoundError:  # a parent package (``<app>.api``) is missing
        return False


def _mount(module: ModuleType) -> list[Any]:
    prefix = getattr(module, "prefix", None)
    if prefix is None:
        return list(module.urlpatterns)
    namespace = getattr(module, "app_name", None)
    return [path(prefix, include(module, namespace=namespace) if namespace else include(module))]


def api_patterns() -> list[Any]:
    router = SiteRouter(links=API_LINKS)
    patterns: list[Any] = []
    for module in _app_modules("api.urls"):
        if getattr(module, "prefix", None) is None and hasattr(module, "router"):
            router.registry.extend(module.router.registry)
        elif getattr(module, "app_name", None) and hasattr(module, "router"):
            # A sub-API under its prefix (``/api/doctrine/``) is linked by its own root view.
            router.links[module.prefix.strip("/")] = f"{module.app_name}:api-root"
        patterns += _mount(module)
    return [*patterns, path("", include(router.urls))]


def page_patterns() -> list[Any]:
    return [p for module in _app_modules("urls") for p in _mount(module)]


handler400 = errors.bad_request
handler403 = errors.permission_denied
handler404 = errors.page_not_found
handler500 = errors.server_error

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include(api_patterns())),
    *page_patterns(),
]
