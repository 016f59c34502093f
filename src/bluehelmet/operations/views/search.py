"""``/incidents/search/``: incidents to pick in a form, found by number, title, place or actor.

Forms that refer to an incident (flash reports, use-of-force reports, violations) search for it
instead of listing every incident of the mission (issue 13); the answer is an HTML fragment for
``core.widgets.SearchSelect``. Only incidents the user may see, in the mission asked, are found.
"""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.core.audit import log_reads
from bluehelmet.operations.models import Incident

LIMIT = 25


def incident_matches(user: object, mission_code: str, text: str) -> list[Incident]:
    """At most ``LIMIT`` incidents of the mission ``user`` may see that match ``text``."""
    qs = Incident.objects.restrict(user).filter(mission__code=mission_code)
    match = Q(title__icontains=text) | Q(location_name__icontains=text) | Q(admin1__iexact=text)
    match |= Q(actor1__icontains=text) | Q(actor2__icontains=text)
    number = text.lstrip("#")
    if number.isdigit() and len(number) < 19:
        match |= Q(pk=int(number))
    return list(qs.filter(match).select_related("category").order_by("-occurred_at")[:LIMIT])


class IncidentSearchView(LoginRequiredMixin, View):
    """GET ``?mission=<code>&q=<text>`` (or ``<field>_search=<text>``): an HTML fragment."""

    def get(self, request: HttpRequest) -> HttpResponse:
        field = request.GET.get("field") or ""
        code = (request.GET.get("mission") or "").strip().upper()
        text = (request.GET.get("q") or request.GET.get(f"{field}_search") or "").strip()[:200]
        incidents = incident_matches(request.user, code, text) if code and text else []
        log_reads(request.user, incidents)
        results = [
            {
                "value": i.pk,
                "label": i.title,
                "detail": " · ".join(
                    part
                    for part in (
                        date_format(i.occurred_at, "Y-m-d"),
                        i.location_name or i.admin1,
                        i.category.name,
                    )
                    if part
                ),
            }
            for i in incidents
        ]
        context = {
            "results": results,
            "searched": bool(text),
            "empty_text": _("No incident you may see matches.")
            if code
            else _("Choose the mission first."),
        }
        return render(request, "core/includes/search_results.html", context)
