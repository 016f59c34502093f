"""What the JOC pages share: action buttons on detail pages, and refusals with a 4xx status.

A ``do_`` action that refuses (Capstone §7.2 records keep their state rules: a published
SITREP is final, a closed crisis log too) answers with the reason on the same page: 403 when
the role does not allow it, 409 when the record is not in a state that allows it, else 400.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render

from bluehelmet.core.permissions import Action
from bluehelmet.core.views import generic


class Refused(Exception):
    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def refusal(request: HttpRequest, obj: Any, message: str, status: int) -> HttpResponse:
    context = {"object": obj, "title": str(obj), "message": message, "back": _back(obj)}
    return render(request, "operations/refused.html", context, status=status)


def _back(obj: Any) -> str | None:
    from bluehelmet.core.tables import object_url

    return object_url(obj)


class DraftOnlyEditView(generic.ObjectEditView):
    """Edit a report only while it is a draft; a published or issued one is final (409)."""

    final_message: Any = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            return super().dispatch(request, *args, **kwargs)
        except Refused as exc:
            return refusal(request, self._refused_object, exc.message, exc.status)

    def get_instance(self) -> Any:
        instance = super().get_instance()
        if not self.creating and instance.status != "draft":
            self._refused_object = instance
            raise Refused(str(self.final_message))
        return instance


class DetailActionView(generic.ObjectDetailView):
    """POST-only endpoint of a detail page: refusals show the page again with the reason.

    ``target()`` is the record if the user may ``act_with`` it (else 404); the page shown again
    is the ordinary detail page (``action`` view)."""

    http_method_names = ["post"]
    act_with: ClassVar[str] = Action.CHANGE
    error: str = ""

    def target(self) -> Any:
        queryset = self.model._default_manager.restrict(self.request.user, self.act_with)  # type: ignore[attr-defined]
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def again(self, request: HttpRequest, message: str, status: int, **forms: Any) -> HttpResponse:
        self.error = message
        for name, form in forms.items():
            setattr(self, name, form)
        messages.error(request, message)
        response = self.get(request, **self.kwargs)
        response.status_code = status
        return response
