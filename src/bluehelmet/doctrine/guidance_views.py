"""The guidance index pages (Capstone Annex 1): the documents of the series 1000-6000, by series
and searchable, each with the principles it cites and the rule's verdict on it. Reference data:
read by all, added, edited and decided on by Headquarters only."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.errors import ActionError
from bluehelmet.core.forms import ScopedModelForm
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.tables import Column, object_url
from bluehelmet.core.views import generic
from bluehelmet.doctrine import filtersets as fs
from bluehelmet.doctrine import index
from bluehelmet.doctrine import models as m

GUIDANCE_COLUMNS = (
    Column("title", link=True),
    Column("reference"),
    Column("series", sort="series__series"),
    Column("issued_on"),
    Column("issuing_office"),
    Column("status"),
)


class GuidanceDocumentForm(ScopedModelForm):
    link = forms.URLField(label=_l("link"), required=False, assume_scheme="https")

    class Meta:
        model = m.GuidanceDocument
        fields = [
            "title",
            "reference",
            "series",
            "issued_on",
            "issuing_office",
            "status",
            "link",
            "file_reference",
            "summary",
            "principles",
        ]


class GuidanceDocumentListView(generic.ObjectListView):
    """The index with the number of documents in each series (links filter by series)."""

    model = m.GuidanceDocument
    filterset_class = fs.GuidanceDocumentFilterSet
    columns = GUIDANCE_COLUMNS
    select_related = ("series",)
    template_name = "doctrine/guidance_index.html"
    title = _l("Guidance index")

    def extra_context(self) -> dict[str, Any]:
        counts = dict(
            self.get_queryset().values_list("series__series").annotate(n=Count("pk")).order_by()
        )
        series = m.GuidanceSeries.objects.order_by("series")
        return {"by_series": [(s, counts.get(s.series, 0)) for s in series]}


class GuidanceDocumentDetailView(generic.ObjectDetailView):
    model = m.GuidanceDocument
    template_name = "doctrine/guidance_detail.html"
    fields = (
        "title",
        "reference",
        "series",
        "issued_on",
        "issuing_office",
        "status",
        "link",
        "file_reference",
        "summary",
        "updated_at",
    )

    def extra_context(self, obj: Any) -> dict[str, Any]:
        return {
            "principles": list(obj.principles.order_by("order", "name")),
            "verdicts": [index.judge(obj)],
            "can_decide": user_can(self.request.user, Action.CHANGE, None),
        }


class GuidanceDocumentEditView(generic.ObjectEditView):
    model = m.GuidanceDocument
    form_class = GuidanceDocumentForm


class GuidanceDocumentDecideView(generic.ScopedView):
    """POST-only: Headquarters accepts or dismisses the flag on a document, with a reason."""

    model = m.GuidanceDocument

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        doc = self.get_object()
        try:
            index.do_override_guidance_verdict(
                doc,
                decision=request.POST.get("decision", ""),
                reason=request.POST.get("reason", ""),
                acting_user=request.user,
            )
            messages.success(request, _("Decision recorded with its reason."))
        except ActionError as exc:
            messages.error(request, exc.message)
        return HttpResponseRedirect(object_url(doc) or "/")
