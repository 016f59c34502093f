"""Incident and information-source pages (Capstone §7.2): list, detail, edit, verification.

Generic views over ``IncidentFilterSet``; a verification step goes through
``do_record_verification`` so the history and the audit entry are written together.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views import View

from bluehelmet.core.errors import ActionError
from bluehelmet.core.maps import SmallMap
from bluehelmet.core.permissions import Action, sees_sources, sees_sources_everywhere
from bluehelmet.core.tables import Cell, Column
from bluehelmet.core.views import generic
from bluehelmet.operations import actions as act
from bluehelmet.operations import filtersets as fs
from bluehelmet.operations import models as m
from bluehelmet.operations.forms import (
    IncidentAttachmentForm,
    IncidentForm,
    IncidentSourceForm,
    VerificationForm,
)
from bluehelmet.operations.maps import place_incidents
from bluehelmet.operations.views.attachments import save_attachment

INCIDENT_COLUMNS = (
    Column("occurred_at"),
    Column("title", link=True),
    Column("category.name", label=_l("Category"), sort="category__name"),
    Column("mission", sort="mission__code"),
    Column("location_name"),
    Column("admin1"),
    Column("killed", css="num"),
    Column("reliability"),
    Column("verification_status"),
    Column("sensitivity"),
)
DUPLICATE_COLUMNS = (
    Column("occurred_at"),
    Column("title", link=True),
    Column("source"),
    Column("reliability"),
    Column("verification_status"),
)
SOURCE_COLUMNS = (
    Column("name", link=True),
    Column("kind"),
    Column("reliability"),
    Column("mission", sort="mission__code"),
    Column("sensitivity"),
)
INCIDENT_FIELDS = (
    "title",
    "category",
    "occurred_at",
    "occurred_until",
    "date_precision",
    "reported_at",
    "location_name",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "location_precision",
    "org_unit",
    "actor1",
    "actor2",
    "killed",
    "killed_low",
    "killed_high",
    "injured",
    "abducted",
    "civilians_killed",
    "un_personnel_killed",
    "un_personnel_injured",
    "source",
    "source_reference",
    "reliability",
    "credibility",
    "verification_status",
    "duplicate_of",
    "source_dataset",
    "external_id",
    "description",
    "mission",
    "sensitivity",
    "updated_at",
)

HIDEABLE = {"source", "duplicate_of", "org_unit"}
# How the mission learnt of an incident: not shown to a partner-safe role (Capstone §7.2).
PARTNER_WITHHELD = {
    "source",
    "source_reference",
    "reliability",
    "credibility",
    "org_unit",
    "duplicate_of",
    "source_dataset",
}
UNLINKED = {"category"}  # reference data without a page of its own


class IncidentListView(generic.ObjectListView):
    model = m.Incident
    filterset_class = fs.IncidentFilterSet
    columns = INCIDENT_COLUMNS
    select_related = ("mission", "category")
    hidden_filters = ("bbox",)

    def get_columns(self) -> tuple[Column, ...]:
        if sees_sources_everywhere(self.request.user):
            return self.columns
        return tuple(c for c in self.columns if c.accessor not in PARTNER_WITHHELD)


class IncidentDetailView(generic.ObjectDetailView):
    """The incident, its verification history and the reports that repeat it."""

    model = m.Incident
    template_name = "operations/incident_detail.html"
    select_related = ("mission", "category", "source", "org_unit", "duplicate_of")
    fields = INCIDENT_FIELDS
    related = ((_l("Reported again as (duplicates)"), "duplicates", DUPLICATE_COLUMNS),)
    verify_form: VerificationForm | None = None
    attach_form: IncidentAttachmentForm | None = None

    def field_rows(self, obj: Any) -> list[tuple[str, Cell]]:
        """A source or original report above the user's clearance is named as withheld."""
        rows = super().field_rows(obj)
        user = self.request.user
        withheld = Cell(_("withheld (above your clearance)"))
        partner = not sees_sources(user, obj.mission_id)
        result = []
        for name, (label, cell) in zip(INCIDENT_FIELDS, rows, strict=True):
            if partner and name in PARTNER_WITHHELD:
                continue
            related = getattr(obj, name) if name in HIDEABLE else None
            if related is not None and not generic.can_act_on(user, related, Action.VIEW):
                cell = withheld
            elif name in UNLINKED:
                cell = Cell(cell.text)
            result.append((label, cell))
        return result

    def get_related(self, obj: Any) -> Any:
        return self.related if sees_sources(self.request.user, obj.mission_id) else ()

    def extra_context(self, obj: Any) -> dict[str, Any]:
        can_change = generic.can_act_on(self.request.user, obj, Action.CHANGE)
        return {
            "partner_view": not sees_sources(self.request.user, obj.mission_id),
            "verifications": list(obj.verifications.select_related("by")),
            "verify_form": (self.verify_form or VerificationForm()) if can_change else None,
            "cop_url": reverse("mission-cop", kwargs={"code": obj.mission.code}),
            "small_map": self.small_map(obj),
            **self.attachment_context(obj, can_change),
        }

    @staticmethod
    def small_map(obj: Any) -> SmallMap:
        """The incident itself (no link: this is its page) over the country context."""
        located = SmallMap(
            obj.mission.host_country,
            none_text=_("This incident has no coordinates, so it cannot be shown on a map."),
        )
        place_incidents(located, [obj], link=False)
        return located

    def attachment_context(self, obj: Any, can_change: bool) -> dict[str, Any]:
        """The files the user may see (each class checked), and the upload form."""
        user = self.request.user
        attachments = list(
            m.IncidentAttachment.objects.restrict(user)
            .filter(incident=obj)
            .select_related("uploaded_by")
        )
        form = None
        if can_change:
            form = self.attach_form or IncidentAttachmentForm(incident=obj, user=user)
        return {
            "attachments": attachments,
            "attach_form": form,
            "may_remove_attachments": can_change,
        }


class IncidentVerifyView(IncidentDetailView):
    """POST: record a verification step; bad input re-shows the page with 400."""

    action = Action.CHANGE
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        incident = self.get_object()  # 404 unless the user may change it
        form = VerificationForm(request.POST)
        if not form.is_valid():
            return self._again(request, form, 400)
        try:
            act.do_record_verification(
                incident,
                form.cleaned_data["verification_status"],
                acting_user=request.user,
                note=form.cleaned_data["note"],
            )
        except ActionError as exc:
            form.add_error(None, exc.message)
            return self._again(request, form, exc.status)
        messages.success(request, _("Verification recorded."))
        return redirect("incident-detail", pk=incident.pk)

    def _again(self, request: HttpRequest, form: VerificationForm, status: int) -> HttpResponse:
        self.verify_form = form
        messages.error(request, _("The verification was not recorded: correct the form."))
        response = self.get(request, **self.kwargs)
        response.status_code = status
        return response


class IncidentAttachmentAddView(IncidentDetailView):
    """POST a photo or document; a refused file re-shows the incident page with 400."""

    action = Action.CHANGE
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        incident = self.get_object()  # 404 unless the user may change it
        form = IncidentAttachmentForm(
            request.POST, request.FILES, incident=incident, user=request.user
        )
        if not form.is_valid():
            self.attach_form = form
            messages.error(request, _("The file was not attached: correct the form."))
            response = self.get(request, **self.kwargs)
            response.status_code = 400
            return response
        attachment = save_attachment(incident, form, request.user)
        messages.success(request, _("%(name)s attached.") % {"name": attachment.name})
        return redirect("incident-detail", pk=incident.pk)


class IncidentEditView(generic.ObjectEditView):
    """Incident entry for the JOC (issue 13): fieldsets, a map to place the incident, the
    admin area filled from the coordinates, actor names offered as a datalist."""

    model = m.Incident
    form_class = IncidentForm
    template_name = "operations/incident_edit.html"
    partial_template = "operations/includes/incident_form.html"


ACTOR_NAMES_LIMIT = 200


class IncidentActorNamesView(LoginRequiredMixin, View):
    """GET ``?mission=<code>&q=<text>``: the distinct actor names (both sides) used in the
    incidents of that mission the user may see, for the entry form's datalist (JSON)."""

    def get(self, request: HttpRequest) -> JsonResponse:
        code = (request.GET.get("mission") or "").strip().upper()
        text = (request.GET.get("q") or "").strip()[:200]
        names: set[str] = set()
        if code:
            incidents = m.Incident.objects.restrict(request.user).filter(mission__code=code)
            for column in ("actor1", "actor2"):
                qs = incidents.exclude(**{column: ""})
                if text:
                    qs = qs.filter(Q(**{f"{column}__icontains": text}))
                values = qs.order_by(column).values_list(column, flat=True).distinct()
                names.update(values[:ACTOR_NAMES_LIMIT])
        result = sorted(names, key=str.casefold)[:ACTOR_NAMES_LIMIT]
        return JsonResponse({"mission": code, "names": result})


class IncidentDeleteView(generic.ObjectDeleteView):
    model = m.Incident


class IncidentSourceListView(generic.ObjectListView):
    model = m.IncidentSource
    filterset_class = fs.IncidentSourceFilterSet
    columns = SOURCE_COLUMNS
    select_related = ("mission",)


class IncidentSourceDetailView(generic.ObjectDetailView):
    model = m.IncidentSource
    select_related = ("mission",)


class IncidentSourceEditView(generic.ObjectEditView):
    model = m.IncidentSource
    form_class = IncidentSourceForm


class IncidentSourceDeleteView(generic.ObjectDeleteView):
    model = m.IncidentSource
