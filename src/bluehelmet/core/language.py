"""The interface language (issue 20): English or French, chosen per user.

Django's ``LocaleMiddleware`` picks a language from the language cookie, then the browser's
``Accept-Language``. ``UserLanguageMiddleware`` runs after authentication and puts a signed-in
user's saved choice (``UserPreference``) first on pages, so the choice follows the user from
one browser to another. An API call that names a language in ``Accept-Language`` gets it (error
messages included); without one, the user's choice applies there too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from bluehelmet.core.models import UserPreference

LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)


def saved_language(user: Any) -> str | None:
    if user is None or not user.is_authenticated:
        return None
    if not hasattr(user, "_bluehelmet_language"):
        found = UserPreference.objects.filter(user=user).values_list("language", flat=True)
        user._bluehelmet_language = next(iter(found), None)
    return user._bluehelmet_language


def save_language(user: Any, language: str) -> None:
    """Keep ``language`` as the user's choice (the caller checked it is one of LANGUAGES)."""
    UserPreference.objects.update_or_create(user=user, defaults={"language": language})
    user._bluehelmet_language = language


class UserLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = saved_language(getattr(request, "user", None))
        asked = request.path.startswith("/api/") and request.headers.get("Accept-Language")
        if language in LANGUAGE_CODES and not asked:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
