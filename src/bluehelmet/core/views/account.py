"""The signed-in user's own account: changing the password (Django's views, our templates) and
choosing the interface language (``core.language``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.core.language import LANGUAGE_CODES, save_language
from bluehelmet.core.models.tokens import ApiToken


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("password-change-done")

    def form_valid(self, form: Any) -> HttpResponse:
        # A token obtained with the old password must not outlive it.
        ApiToken.objects.revoke(form.user)
        return super().form_valid(form)


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "registration/password_change_done.html"


class LanguageView(View):
    """POST ``language`` (and ``next``): switch the interface language. A signed-in user's
    choice is saved; everyone gets the language cookie. Back to ``next`` if it is on this site."""

    def post(self, request: HttpRequest) -> HttpResponse:
        language = request.POST.get("language", "")
        if language not in LANGUAGE_CODES:
            return HttpResponseBadRequest(_("Unknown language."))
        if request.user.is_authenticated:
            save_language(request.user, language)
        target = request.POST.get("next") or "/"
        safe = url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        response = HttpResponseRedirect(target if safe else "/")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=request.is_secure(),
        )
        translation.activate(language)
        return response
