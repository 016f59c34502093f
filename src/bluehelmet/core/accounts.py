"""Log-in throttling (django-axes), its lockout answer, and API-token revocation.

Failed log-ins are counted per username and client address on every way in (the log-in page,
the admin and the token endpoint); after ``AXES_FAILURE_LIMIT`` failures that pair is refused
for ``AXES_COOLOFF_TIME``, even with the right password.
"""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from bluehelmet.core.models.tokens import ApiToken


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuses locked-out log-ins; authentication itself is left to ``ModelBackend``.

    Every web log-in passes its request. A call without one is in-process (the shell, the test
    client's ``login``): there is no client address to throttle, so it is let through.
    """

    def authenticate(  # type: ignore[override]
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)  # type: ignore[arg-type]


def client_address(request: HttpRequest) -> str | None:
    """The address failures are counted for (``AXES_CLIENT_IP_CALLABLE``).

    Behind the production proxy (``SECURE_PROXY_SSL_HEADER`` set) every request comes from the
    proxy; the client is the last X-Forwarded-For entry, the one the proxy itself appended
    (earlier entries come from the client and can be forged).
    """
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.SECURE_PROXY_SSL_HEADER and forwarded.strip():
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")


def lockout_message() -> str:
    return _(
        "Too many failed log-in attempts for this account from your address. "
        "Try again in 15 minutes, or ask your administrator to unlock it."
    )


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """429 in the form the caller reads: JSON for the API, the project's page otherwise."""
    if request.path.startswith("/api/"):
        return JsonResponse({"code": "locked_out", "detail": lockout_message()}, status=429)
    context = {"title": _("Log-in refused"), "message": lockout_message(), "code": "locked_out"}
    return render(request, "refused.html", context, status=429)


def revoke_tokens(sender: Any, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    """Logging out ends every API session of the user too (``user_logged_out``)."""
    if user is not None:
        ApiToken.objects.revoke(user)
