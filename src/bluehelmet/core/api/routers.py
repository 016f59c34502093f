"""Routers for the API the site assembles from its apps.

Each app's ``api/urls.py`` registers its viewsets on an :class:`AppRouter` (no root view of its
own); the site layer (``bluehelmet/urls.py``) merges every app's registry into one
:class:`~rest_framework.routers.DefaultRouter`, so ``/api/`` lists the endpoints of all apps.
"""

from __future__ import annotations

from typing import Any

from rest_framework.routers import DefaultRouter, SimpleRouter


class AppRouter(SimpleRouter):
    """An app's share of the API: its registrations, merged into the site's root router."""


class SiteRouter(DefaultRouter):
    """The root router; ``links`` (key -> URL name) adds what is not a registered viewset to
    the ``/api/`` listing: sub-APIs mounted under a prefix, the token, schema and docs."""

    def __init__(self, links: dict[str, str] | None = None, **kwargs: Any) -> None:
        self.links = dict(links or {})
        super().__init__(**kwargs)

    def get_api_root_view(self, api_urls: Any = None) -> Any:
        names = {prefix: f"{basename}-list" for prefix, _, basename in self.registry}
        return self.APIRootView.as_view(api_root_dict={**names, **self.links})
