from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from bluehelmet.core.context import acting_as


class ActingUserMiddleware:
    """Names the logged-in user as the actor of every change made while serving the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
        with acting_as(actor):
            return self.get_response(request)
