"""Request middleware: who is acting, refused actions as clear 4xx pages, API body limit."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from bluehelmet.core.context import acting_as
from bluehelmet.core.errors import ActionError


class ActingUserMiddleware:
    """Names the logged-in user as the actor of every change made while serving the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
        with acting_as(actor):
            return self.get_response(request)


class ActionErrorMiddleware:
    """A domain action's refusal that a page did not handle itself answers with the status its
    code implies (403, 404, 409 or 400) and the reason, never a server error."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if not isinstance(exc, ActionError):
            return None
        context = {"title": _("Not done"), "message": exc.message, "code": str(exc.code)}
        return render(request, "refused.html", context, status=exc.status)


class ApiBodyLimitMiddleware:
    """An API body above ``DATA_UPLOAD_MAX_MEMORY_SIZE`` answers a JSON 413 before it is read.

    Django enforces the limit only for form data; DRF reads JSON bodies from the raw stream,
    so without this a client could make the server hold any amount of JSON in memory.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and request.path.startswith("/api/") and _length(request) > limit:
            detail = _("The request body is larger than %(n)d bytes.") % {"n": limit}
            return JsonResponse({"code": "too_large", "detail": detail}, status=413)
        return self.get_response(request)


def _length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
