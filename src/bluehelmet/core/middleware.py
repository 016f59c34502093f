"""Request middleware: who is acting, and refused actions as clear 4xx pages."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
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
