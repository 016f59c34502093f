"""Generic API viewsets: every entity viewset is a short subclass (NetBox style).

The queryset always passes through ``restrict(user, action)``: a record the caller may not see,
change or delete answers 404, whatever the reason.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import mixins, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from bluehelmet.core.audit import log_reads
from bluehelmet.core.context import acting_as
from bluehelmet.core.permissions import Action, grants_for

ACTION_FOR = {
    "list": Action.VIEW,
    "retrieve": Action.VIEW,
    "update": Action.CHANGE,
    "partial_update": Action.CHANGE,
    "destroy": Action.DELETE,
}


class RestrictedQuerysetMixin:
    """Scope the queryset to the caller; log reads of strictly confidential records."""

    queryset: Any
    required_action: str | None = None  # overrides ACTION_FOR (e.g. audit)

    def get_queryset(self) -> QuerySet:
        action = self.required_action or ACTION_FOR.get(getattr(self, "action", ""), Action.VIEW)
        return self.queryset.restrict(self.request.user, action)  # type: ignore[attr-defined]

    def list(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())  # type: ignore[attr-defined]
        page = self.paginate_queryset(queryset)  # type: ignore[attr-defined]
        rows = page if page is not None else list(queryset)
        log_reads(request.user, rows)
        data = self.get_serializer(rows, many=True).data  # type: ignore[attr-defined]
        if page is not None:
            return self.get_paginated_response(data)  # type: ignore[attr-defined]
        return Response(data)

    def retrieve(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()  # type: ignore[attr-defined]
        log_reads(request.user, [instance])
        return Response(self.get_serializer(instance).data)  # type: ignore[attr-defined]


class BaseModelViewSet(
    RestrictedQuerysetMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """List, detail, create, update, delete; changes are logged with the caller as actor."""

    def perform_create(self, serializer: Any) -> None:
        model = self.queryset.model
        global_record = getattr(model, "mission_field", "mission_id") in {None, "id"}
        if global_record and not _may_create_global(self.request.user):
            # Missions and reference data have no owning mission: only HQ grants may create.
            raise PermissionDenied("Only Headquarters roles may create these records.")
        with acting_as(self.request.user):
            serializer.save()

    def perform_update(self, serializer: Any) -> None:
        with acting_as(self.request.user):
            serializer.save()

    def perform_destroy(self, instance: Any) -> None:
        with acting_as(self.request.user):
            instance.delete()


def _may_create_global(user: Any) -> bool:
    return bool(user.is_superuser) or grants_for(user, Action.ADD).all_missions is not None


class BaseReadOnlyViewSet(RestrictedQuerysetMixin, viewsets.ReadOnlyModelViewSet):
    """List and detail only (audit log, reference lists)."""
