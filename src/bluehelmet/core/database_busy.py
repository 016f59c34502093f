"""A request that meets a locked database answers 503 "busy, try again", never a 500.

On SQLite one writer at a time holds the database's write lock; a request that cannot get it
within the busy timeout (``settings``: a few seconds, so nobody waits long) fails with
``OperationalError("database is locked")``. That is a passing condition, not a bug: the user
is told to try again (JSON for the API, a page otherwise) with a ``Retry-After`` header.

Errors raised by views reach ``process_exception``. The session is saved after the view, in
``SessionMiddleware``, where no ``process_exception`` sees it: Django turns that error into a
500 and sends ``got_request_exception``, which marks the request; this middleware, placed
outside the session middleware, swaps that 500 for the same 503.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from django.core.signals import got_request_exception
from django.db import OperationalError
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 5
BUSY_WORDS = ("database is locked", "database table is locked", "database is busy")


def is_busy(exc: BaseException | None) -> bool:
    if not isinstance(exc, OperationalError):
        return False
    text = str(exc).lower()
    return any(word in text for word in BUSY_WORDS)


def wants_json(request: HttpRequest) -> bool:
    return (
        request.path.startswith("/api/")
        or request.GET.get("format") == "json"
        or "application/json" in request.headers.get("Accept", "")
    )


def busy_response(request: HttpRequest) -> HttpResponse:
    message = _("The database is busy; try again in a few seconds.")
    response: HttpResponse
    if wants_json(request):
        response = JsonResponse({"code": "database_busy", "detail": message}, status=503)
    else:
        context = {"title": _("Try again"), "message": message}
        html: str
        try:  # the page's menu reads the database; reading still works while it is locked
            html = render_to_string("refused.html", context, request=request)
        except Exception:  # still a clear answer if the page itself cannot be built
            html = f"<!doctype html><title>{context['title']}</title><p>{message}</p>"
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@receiver(got_request_exception, dispatch_uid="bluehelmet-database-busy")
def _mark_busy(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    if request is not None and is_busy(sys.exc_info()[1]):
        request.database_busy = True  # type: ignore[attr-defined]


class DatabaseBusyMiddleware:
    """Place it before ``SessionMiddleware`` (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "database_busy", False):
            return busy_response(request)
        return response

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        return busy_response(request) if is_busy(exc) else None
