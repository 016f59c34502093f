"""The audit page (DESIGN "Audit", Capstone §7.1: accountability): read-only, for roles that
hold the ``audit`` action, scoped to their missions and clearance."""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from bluehelmet.core import filtersets as fs
from bluehelmet.core.models import AuditEntry
from bluehelmet.core.permissions import Action, grants_for
from bluehelmet.core.tables import Column
from bluehelmet.core.views import generic

AUDIT_COLUMNS = (
    Column("time", link=True, css="nowrap"),
    Column("actor_name", label=_("Actor")),
    Column("action"),
    Column("verb", sort=None),
    Column("content_type.model", label=_("Object type"), sort="content_type__model"),
    Column("object_repr", label=_("Object")),
    Column("mission_code", label=_("Mission")),
    Column("sensitivity"),
    Column("changed_fields", sort=None),
)


def may_audit(user: Any) -> bool:
    if user.is_superuser and user.is_active:
        return True
    return not grants_for(user, Action.AUDIT).empty


class AuditAccessMixin:
    """Users without the audit action get 404: the page does not exist for them."""

    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated and not may_audit(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class AuditListView(AuditAccessMixin, generic.ObjectListView):
    model = AuditEntry
    action = Action.AUDIT
    filterset_class = fs.AuditEntryFilterSet
    columns = AUDIT_COLUMNS
    select_related = ("content_type",)
    title = _("Audit log")
    template_name = "core/audit_list.html"

    def add_url(self) -> None:
        return None


def _pretty(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)


def diff_rows(entry: AuditEntry) -> list[dict[str, Any]]:
    """Before and after, field by field; changed fields first, then the rest."""
    before, after = entry.before or {}, entry.after or {}
    changed = set(entry.changed_fields or [])
    names = sorted(set(before) | set(after), key=lambda n: (n not in changed, n))
    return [
        {
            "field": name,
            "before": _pretty(before.get(name)),
            "after": _pretty(after.get(name)),
            "changed": name in changed,
        }
        for name in names
    ]


class AuditDetailView(AuditAccessMixin, generic.ScopedView):
    model = AuditEntry
    action = Action.AUDIT
    select_related = ("content_type",)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        entry = get_object_or_404(self.get_queryset(), pk=pk)
        context = {
            **self.base_context(),
            "entry": entry,
            "title": str(entry),
            "diff": diff_rows(entry),
        }
        return render(request, "core/audit_detail.html", context)
