"""Routers for the API the site assembles from its apps.

Each app's ``api/urls.py`` registers its viewsets on an :class:`AppRouter` (no root view of its
own); the site layer (``bluehelmet/urls.py``) merges every app's registry into one
:class:`~rest_framework.routers.DefaultRouter`, so ``/api/`` lists the endpoints of all apps.
"""

from __future__ import annotations

from rest_framework.routers import SimpleRouter


class AppRouter(SimpleRouter):
    """An app's share of the API: its registrations, merged into the site's root router."""
