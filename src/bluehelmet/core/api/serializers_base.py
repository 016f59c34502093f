"""Shared serializer behaviour: model validation, clearance checks, restricted relations."""

from __future__ import annotations

import copy
from typing import Any, ClassVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from rest_framework import serializers

from bluehelmet.core.api.fields import MissionCodeField, RestrictedRelatedField, _write_action
from bluehelmet.core.permissions import user_can


class BaseModelSerializer(serializers.ModelSerializer):
    """Runs the model's own ``full_clean`` so the API enforces the same rules as the pages."""

    serializer_related_field = RestrictedRelatedField
    # Built fields per serializer class. ``ModelSerializer.get_fields`` inspects the model and
    # builds every field again for each serializer (once per API request: a tenth of a list
    # request's time in a profile of ``/api/org-units/``); what it builds depends only on the
    # class (Meta and declared fields), so it is built once and copied. Subclasses that hide
    # fields per request do so after calling this.
    _built_fields: ClassVar[dict[type, dict[str, Any]]] = {}

    def get_fields(self) -> dict[str, Any]:
        built = BaseModelSerializer._built_fields.get(type(self))
        if built is None:
            built = super().get_fields()
            BaseModelSerializer._built_fields[type(self)] = built
        return {name: _field_copy(field) for name, field in built.items()}

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        instance = self._candidate(attrs)
        try:
            instance.full_clean()
        except DjangoValidationError as exc:
            raise serializers.ValidationError(_as_drf(exc)) from exc
        return attrs

    def _candidate(self, attrs: dict[str, Any]) -> models.Model:
        model: Any = self.Meta.model
        instance: Any = self.instance
        candidate = model.objects.get(pk=instance.pk) if instance is not None else model()
        for name, value in attrs.items():
            setattr(candidate, name, value)
        return candidate


def _field_copy(field: serializers.Field) -> serializers.Field:
    """A copy of a built field that binding may change (``parent``, ``field_name``, flags a
    subclass sets per request) without touching the built one. A plain field keeps nothing a
    request changes in place, so a shallow copy does; a deep copy, what DRF itself does, was
    a seventh of an API list request's time (issue 12). A field holding another field (a
    list of relations, a nested serializer) binds that one to its request too, so it is
    copied deeply: a shared child would check a later request against an earlier caller."""
    if isinstance(field, serializers.BaseSerializer | serializers.ManyRelatedField) or hasattr(
        field, "child"
    ):
        return copy.deepcopy(field)
    return copy.copy(field)


def _as_drf(exc: DjangoValidationError) -> Any:
    if hasattr(exc, "error_dict"):
        return {
            ("non_field_errors" if k == "__all__" else k): v for k, v in exc.message_dict.items()
        }
    return {"non_field_errors": exc.messages}


class MissionScopedSerializer(BaseModelSerializer):
    """``mission`` by code; the record's sensitivity may not exceed the caller's clearance."""

    mission = MissionCodeField()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        mission = attrs.get("mission") or getattr(self.instance, "mission", None)
        sensitivity = attrs.get("sensitivity", getattr(self.instance, "sensitivity", 0))
        user = self.context["request"].user
        if mission is not None and not user_can(user, _write_action(self), mission.pk, sensitivity):
            raise serializers.ValidationError(
                {"sensitivity": ["This classification is above your clearance in this mission."]}
            )
        if (
            self.instance is not None
            and "mission" in attrs
            and attrs["mission"] != self.instance.mission
        ):
            raise serializers.ValidationError(
                {"mission": ["A record cannot move to another mission."]}
            )
        return super().validate(attrs)


class ParentScopedSerializer(MissionScopedSerializer):
    """A record inside another (``parent_field``: a plan revision's objective, a benchmark's
    indicator ...): its mission is its parent's, its class never below its parent's, and the
    caller must be allowed to write in the parent's mission at the parent's class."""

    parent_field: ClassVar[str] = ""
    parent_refusal: ClassVar[str] = "You may not change the records of this mission."

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        fields["mission"].read_only = True
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        parent = attrs.get(self.parent_field) or getattr(self.instance, self.parent_field, None)
        if parent is not None:
            user = self.context["request"].user
            if not user_can(user, _write_action(self), parent.mission_id, parent.sensitivity):
                raise serializers.ValidationError({self.parent_field: [self.parent_refusal]})
            attrs["mission"] = parent.mission
            attrs["sensitivity"] = max(parent.sensitivity, attrs.get("sensitivity", 0))
        return super().validate(attrs)
