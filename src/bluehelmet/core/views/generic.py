"""Generic page views; each entity's list/detail/edit/delete page is a short subclass.

Every queryset goes through ``restrict(user, action)``; a record the user may not see, change or
delete answers 404, never revealing that it exists (DESIGN "Permissions"). Strictly confidential
records shown are logged as reads (DESIGN "Audit", Capstone §7.2).
"""

from __future__ import annotations

import csv
from typing import Any, ClassVar

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db import IntegrityError, models, transaction
from django.db.models import ProtectedError
from django.forms import DateField, DateTimeField, ModelChoiceField, NullBooleanField
from django.forms.widgets import NullBooleanSelect
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views import View

from bluehelmet.core.audit import log_reads
from bluehelmet.core.forms import DateInput, ScopedModelForm, is_mission_scoped
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.registry import registry, render_panels
from bluehelmet.core.tables import (
    Cell,
    Column,
    Table,
    allowed_sorts,
    csv_value,
    display,
    object_url,
)
from bluehelmet.core.views.current import get_current_mission


def safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def wants_partial(request: HttpRequest) -> bool:
    """An HTMX request for a fragment (not a history restore, which needs the whole page)."""
    headers = request.headers
    return (
        headers.get("HX-Request") == "true" and headers.get("HX-History-Restore-Request") != "true"
    )


def render_maybe_partial(
    request: HttpRequest, full: str, partial: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    response = render(request, partial if wants_partial(request) else full, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


def verbose_plural(model: type[models.Model]) -> str:
    name = str(model._meta.verbose_name_plural)
    return name[:1].upper() + name[1:]


def can_create(user: Any, model: type[models.Model], action: str = Action.ADD) -> bool:
    """May ``user`` create a ``model`` anywhere? Mission-scoped records need a mission grant."""
    if is_mission_scoped(model):
        return Mission.objects.restrict(user, action).exists()
    return user_can(user, action, None)


def can_act_on(user: Any, obj: models.Model, action: str) -> bool:
    manager = type(obj)._default_manager
    return manager.restrict(user, action).filter(pk=obj.pk).exists()  # type: ignore[attr-defined]


class AnyYesNoSelect(NullBooleanSelect):
    """A yes/no filter: "Any" (not "Unknown") leaves it unset."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.choices = [("", _l("Any")), ("true", _l("Yes")), ("false", _l("No"))]


def readable_filter_field(field: Any) -> None:
    """Filter forms say "Any" (not "---------"), "Any / Yes / No", and pick dates (issue 13)."""
    if isinstance(field, NullBooleanField):
        field.widget = AnyYesNoSelect(field.widget.attrs)
    elif isinstance(field, DateField) and not isinstance(field, DateTimeField):
        field.widget = DateInput(field.widget.attrs)
    elif getattr(field, "empty_label", None) == "---------":
        field.empty_label = _l("Any")
        field.widget.choices = field.choices  # the widget's copy still reads the old label


class ScopedView(LoginRequiredMixin, View):
    """Base: a model, the action the page performs, and the restricted queryset for it."""

    model: ClassVar[type[models.Model]]
    action: ClassVar[str] = Action.VIEW
    select_related: ClassVar[tuple[str, ...]] = ()
    lookup: ClassVar[str] = "pk"

    def get_queryset(self) -> Any:
        qs = self.model._default_manager.restrict(self.request.user, self.action)  # type: ignore[attr-defined]
        return qs.select_related(*self.select_related) if self.select_related else qs

    def get_object(self) -> Any:
        return get_object_or_404(self.get_queryset(), **{self.lookup: self.kwargs[self.lookup]})

    def base_context(self) -> dict[str, Any]:
        return {
            "model_name": self.model._meta.model_name,
            "verbose_name": self.model._meta.verbose_name,
            "verbose_name_plural": verbose_plural(self.model),
            "list_url": self.list_url(),
        }

    def list_url(self) -> str | None:
        name = f"{self.model._meta.model_name}-list"
        try:
            return reverse(name)
        except NoReverseMatch:  # a model may have no list page
            return None


class ObjectListView(ScopedView):
    """Filtered, sortable, paginated list; ``?export=csv`` downloads the filtered rows."""

    filterset_class: ClassVar[Any] = None
    columns: ClassVar[tuple[Column, ...]] = ()
    hidden_filters: ClassVar[tuple[str, ...]] = ()
    paginate_by: ClassVar[int] = 50
    template_name: ClassVar[str] = "generic/object_list.html"
    partial_template: ClassVar[str] = "generic/includes/results.html"
    title: ClassVar[Any] = None

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        queryset = self.get_queryset()
        filterset = self.get_filterset(queryset)
        status = 200
        if filterset is not None:
            if filterset.is_valid():
                queryset = filterset.qs
            else:
                queryset, status = queryset.none(), 400
        sort = request.GET.get("sort", "")
        if sort in allowed_sorts(self.get_columns()):
            queryset = queryset.order_by(sort, "pk")
        else:
            sort = ""
        if request.GET.get("export") == "csv" and status == 200:
            return self.export_csv(queryset)
        page = Paginator(queryset, self.paginate_by).get_page(request.GET.get("page"))
        log_reads(request.user, page.object_list)
        context = {
            **self.base_context(),
            "title": self.title or verbose_plural(self.model),
            "filterset": filterset,
            "filter_fields": self.visible_filter_fields(filterset),
            "hidden_filter_values": self.hidden_filter_values(filterset),
            "table": Table(self.model, self.get_columns(), page.object_list, sort),
            "page_obj": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "add_url": self.add_url(),
            **self.extra_context(),
        }
        return render_maybe_partial(
            request, self.template_name, self.partial_template, context, status
        )

    def extra_context(self) -> dict[str, Any]:
        return {}

    def get_columns(self) -> tuple[Column, ...]:
        """The columns for this request (a role may see fewer than the class declares)."""
        return self.columns

    def get_filterset(self, queryset: Any) -> Any:
        if self.filterset_class is None:
            return None
        filterset = self.filterset_class(self.request.GET, queryset=queryset, request=self.request)
        for field in filterset.form.fields.values():
            # Choices of related records are limited to those the user may see: a filter
            # form must not list another mission's sites or people.
            if isinstance(field, ModelChoiceField):
                related: Any = field.queryset.model  # type: ignore[union-attr]
                manager = related._default_manager
                if hasattr(manager, "restrict") and related is not Mission:
                    field.queryset = manager.restrict(self.request.user)
            readable_filter_field(field)
        return filterset

    def visible_filter_fields(self, filterset: Any) -> list[Any]:
        if filterset is None:
            return []
        return [f for f in filterset.form if f.name not in self.hidden_filters]

    def hidden_filter_values(self, filterset: Any) -> list[tuple[str, str]]:
        return [
            (name, value)
            for name in self.hidden_filters
            for value in self.request.GET.getlist(name)
            if value
        ]

    def add_url(self) -> str | None:
        if not can_create(self.request.user, self.model):
            return None
        try:
            return reverse(f"{self.model._meta.model_name}-add")
        except NoReverseMatch:  # read-only lists have no add page
            return None

    def export_csv(self, queryset: Any) -> HttpResponse:
        """The filtered (not paginated) rows, the same columns as the page."""
        objects = list(queryset)
        log_reads(self.request.user, objects)
        table = Table(self.model, self.get_columns(), objects)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"{self.model._meta.verbose_name_plural}.csv".replace(" ", "-")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = csv.writer(response)
        writer.writerow([h.label for h in table.headers])
        for row in table.rows:
            writer.writerow([csv_value(cell) for cell in row])
        return response


class ObjectDetailView(ScopedView):
    """One record: its fields, related lists, and edit/delete buttons when allowed."""

    template_name: ClassVar[str] = "generic/object_detail.html"
    fields: ClassVar[tuple[str, ...] | None] = None
    related: ClassVar[tuple[tuple[Any, str, tuple[Column, ...]], ...]] = ()
    related_limit: ClassVar[int] = 100

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        shown = [obj]
        related = []
        for title, attr, columns in self.get_related(obj):
            qs = getattr(obj, attr).all()
            rows = list(qs.restrict(request.user)[: self.related_limit])
            shown.extend(rows)
            related_model = qs.model
            related.append({"title": title, "table": Table(related_model, columns, rows)})
        log_reads(request.user, shown)
        context = {
            **self.base_context(),
            "object": obj,
            "title": str(obj),
            "field_rows": self.field_rows(obj),
            "related": related,
            "edit_url": object_url(obj, "edit")
            if can_act_on(request.user, obj, Action.CHANGE)
            else None,
            "delete_url": object_url(obj, "delete")
            if can_act_on(request.user, obj, Action.DELETE)
            else None,
            **self.extra_context(obj),
            "record_panels": render_panels(
                request, obj, registry.record_panels(obj._meta.label_lower)
            ),
        }
        return render(request, self.template_name, context)

    def extra_context(self, obj: Any) -> dict[str, Any]:
        return {}

    def get_related(self, obj: Any) -> tuple[tuple[Any, str, tuple[Column, ...]], ...]:
        """The related lists shown for ``obj`` (a role may see fewer than the class declares)."""
        return self.related

    @staticmethod
    def default_fields(obj: Any) -> list[str]:
        """The record's own fields first, then mission, sensitivity and last update."""
        tail = ["mission", "sensitivity", "updated_at"]
        own = [
            f.name for f in obj._meta.concrete_fields if f.name not in {"id", "created_at", *tail}
        ]
        present = {f.name for f in obj._meta.concrete_fields}
        return own + [name for name in tail if name in present]

    def field_rows(self, obj: Any) -> list[tuple[str, Cell]]:
        names = self.fields or self.default_fields(obj)
        rows = []
        for name in names:
            field = obj._meta.get_field(name)
            label = str(field.verbose_name)
            cell = Column(name).cell(obj)
            if field.name == "sensitivity":
                cell = Cell(cell.text, None, cell.raw)
            rows.append((label[:1].upper() + label[1:], cell))
        return rows


class ObjectEditView(ScopedView):
    """Create (no ``pk`` in the URL) or update a record with a ``ScopedModelForm``."""

    form_class: ClassVar[type[ScopedModelForm]]
    template_name: ClassVar[str] = "generic/object_edit.html"
    partial_template: ClassVar[str] = "generic/includes/form.html"  # the HTMX reload's part
    invalid_status: ClassVar[int] = 400  # bad input answers 4xx (issue 2, "Done means")

    @property
    def creating(self) -> bool:
        return self.lookup not in self.kwargs

    def get_queryset(self) -> Any:
        qs = self.model._default_manager.restrict(self.request.user, Action.CHANGE)  # type: ignore[attr-defined]
        return qs.select_related(*self.select_related) if self.select_related else qs

    def get_instance(self) -> Any:
        if self.creating:
            if not can_create(self.request.user, self.model):
                raise Http404
            return self.model()
        return self.get_object()

    def fixed_mission(self) -> Mission | None:
        return None

    def make_form(self, instance: Any, data: Any = None) -> ScopedModelForm:
        action = Action.ADD if self.creating else Action.CHANGE
        initial = {}
        if data is None:
            initial = {k: v for k, v in self.request.GET.items() if k != "csrfmiddlewaretoken"}
            if self.creating and "mission" not in initial:
                current = get_current_mission(self.request)
                if current is not None:
                    initial["mission"] = current.code
        form = self.form_class(
            data,
            instance=instance,
            initial=initial,
            user=self.request.user,
            action=action,
            fixed_mission=self.fixed_mission(),
        )
        if "mission" in form.fields:
            # Choosing another mission reloads the form so related choices follow it (HTMX).
            form.fields["mission"].widget.attrs.update(
                {
                    "hx-get": self.request.path,
                    "hx-trigger": "change",
                    "hx-include": "closest form",
                    "hx-target": "#object-form",
                    "hx-swap": "outerHTML",
                    "hx-params": "not csrfmiddlewaretoken",
                }
            )
        return form

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        instance = self.get_instance()
        return self.render_form(self.make_form(instance))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        instance = self.get_instance()
        form = self.make_form(instance, request.POST)
        if not form.is_valid():
            messages.error(request, _("The record was not saved: correct the fields marked below."))
            return self.render_form(form, status=self.invalid_status)
        try:
            with transaction.atomic():
                obj = form.save()
        except IntegrityError:
            # A concurrent save won the race past the form's uniqueness checks.
            form.add_error(None, _("This conflicts with a record saved meanwhile; try again."))
            return self.render_form(form, status=409)
        verb = _("created") if self.creating else _("updated")
        messages.success(request, _("%(obj)s %(verb)s.") % {"obj": obj, "verb": verb})
        return HttpResponseRedirect(self.success_url(obj))

    def success_url(self, obj: Any) -> str:
        return safe_next(self.request, object_url(obj) or self.list_url() or "/")

    def cancel_url(self, instance: Any) -> str:
        if instance.pk:
            return object_url(instance) or "/"
        return self.list_url() or "/"

    def render_form(self, form: ScopedModelForm, status: int = 200) -> HttpResponse:
        instance = form.instance
        name = self.model._meta.verbose_name
        title = (
            _("Add %(name)s") % {"name": name}
            if self.creating
            else _("Edit %(obj)s") % {"obj": instance}
        )
        context = {
            **self.base_context(),
            "form": form,
            "object": None if self.creating else instance,
            "title": title,
            "cancel_url": safe_next(self.request, self.cancel_url(instance)),
            "next": self.request.GET.get("next") or self.request.POST.get("next") or "",
        }
        return render_maybe_partial(
            self.request, self.template_name, self.partial_template, context, status
        )


class ParentScopedEditView(ObjectEditView):
    """Add or edit a record whose mission is its parent's: ``parent`` is the GET/POST field
    naming the parent (a ``parent_model`` the user may see, else 404) when creating."""

    parent: str = ""
    parent_model: Any = None

    def fixed_mission(self) -> Any:
        if not self.creating:
            return self.get_instance().mission
        raw = self.request.POST.get(self.parent) or self.request.GET.get(self.parent)
        found = None
        if str(raw or "").isdigit():
            found = self.parent_model.objects.restrict(self.request.user).filter(pk=raw).first()
        if found is None:
            raise Http404
        return found.mission


class ObjectDeleteView(ScopedView):
    """Confirm, then delete; records still referenced elsewhere are refused with a reason."""

    action = Action.DELETE
    template_name: ClassVar[str] = "generic/object_delete.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_confirm(self.get_object())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        obj = self.get_object()
        label = str(obj)
        try:
            obj.delete()
        except ProtectedError as exc:
            blockers = sorted({display(o) for o in exc.protected_objects})[:10]
            error = _("%(obj)s cannot be deleted while other records depend on it: %(list)s.") % {
                "obj": label,
                "list": ", ".join(blockers),
            }
            return self.render_confirm(obj, error=error, status=409)
        messages.success(request, _("%(obj)s deleted.") % {"obj": label})
        return HttpResponseRedirect(self.list_url() or "/")

    def render_confirm(self, obj: Any, error: str = "", status: int = 200) -> HttpResponse:
        context = {
            **self.base_context(),
            "object": obj,
            "title": _("Delete %(obj)s?") % {"obj": obj},
            "error": error,
            "cancel_url": object_url(obj) or self.list_url() or "/",
        }
        return render(self.request, self.template_name, context, status=status)
