"""Relation fields whose choices are the caller's restricted querysets.

A reference to a record the caller may not see is refused exactly like one that does not exist.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import serializers

from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action

WRITE_ACTIONS = {"create": Action.ADD, "update": Action.CHANGE, "partial_update": Action.CHANGE}


def _request_user(field: serializers.Field) -> Any:
    request = field.context.get("request")
    return getattr(request, "user", None)


def _write_action(field: serializers.Field) -> str:
    view = field.context.get("view")
    return WRITE_ACTIONS.get(getattr(view, "action", ""), Action.ADD)


class MissionCodeField(serializers.SlugRelatedField):
    """``"mission": "MINUSCA"``; only missions where the caller may write are accepted."""

    default_error_messages = {
        "does_not_exist": "Unknown mission code {value}, or not one you may write to.",
        "invalid": "Give the mission code as a string.",
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("slug_field", "code")
        kwargs.setdefault("queryset", Mission.objects.all())
        super().__init__(**kwargs)

    def get_queryset(self) -> QuerySet:
        return Mission.objects.restrict(_request_user(self), _write_action(self))


class RestrictedRelatedField(serializers.PrimaryKeyRelatedField):
    """Primary-key relation limited to records the caller may see."""

    default_error_messages = {
        "does_not_exist": "No record with id {pk_value} that you may see.",
    }

    def get_queryset(self) -> QuerySet:
        queryset: Any = super().get_queryset()
        return queryset.restrict(_request_user(self))
