"""API serializers for the core entities (one per model; shared behaviour in serializers_base)."""

from __future__ import annotations

import contextlib
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from rest_framework import serializers

from bluehelmet.core import models as m
from bluehelmet.core.api.fields import MissionCodeField
from bluehelmet.core.api.serializers_base import BaseModelSerializer, MissionScopedSerializer
from bluehelmet.core.models.access import validate_actions
from bluehelmet.core.permissions import Action, grants_for
from bluehelmet.core.validators import normalise_alpha3

SCOPED_META = ("id", "mission", "sensitivity", "created_at", "updated_at")


class MissionSerializer(BaseModelSerializer):
    deployment_target_days = serializers.IntegerField(read_only=True)

    class Meta:
        model = m.Mission
        fields = (
            "id",
            "code",
            "name",
            "host_country",
            "host_country_name",
            "mission_type",
            "mandate_authorised_on",
            "status",
            "phase",
            "sofa_status",
            "sofa_signed_on",
            "description",
            "deployment_target_days",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("phase",)

    def to_internal_value(self, data: Any) -> Any:
        # Accept "minusca" and alpha-2 "CF" by normalising before the field validators run.
        if hasattr(data, "copy"):
            data = data.copy()
            if isinstance(data.get("code"), str):
                data["code"] = data["code"].strip().upper()
            if isinstance(data.get("host_country"), str):
                with contextlib.suppress(DjangoValidationError):  # the field validator reports it
                    data["host_country"] = normalise_alpha3(data["host_country"])
        return super().to_internal_value(data)


class ComponentSerializer(MissionScopedSerializer):
    class Meta:
        model = m.Component
        fields = (*SCOPED_META, "kind", "name")


class OrgUnitSerializer(MissionScopedSerializer):
    class Meta:
        model = m.OrgUnit
        fields = (
            *SCOPED_META,
            "parent",
            "kind",
            "name",
            "component",
            "latitude",
            "longitude",
            "admin1",
            "established_on",
            "closed_on",
        )


class PostSerializer(MissionScopedSerializer):
    class Meta:
        model = m.Post
        fields = (
            *SCOPED_META,
            "title",
            "role",
            "component",
            "org_unit",
            "reports_to",
            "grade",
            "is_mlt",
            "is_designated_official",
        )


class PersonSerializer(MissionScopedSerializer):
    class Meta:
        model = m.Person
        fields = (*SCOPED_META, "full_name", "nationality", "category", "email")


class AssignmentSerializer(MissionScopedSerializer):
    mission = serializers.SlugRelatedField(slug_field="code", read_only=True)  # type: ignore[assignment,var-annotated]

    class Meta:
        model = m.Assignment
        fields = (*SCOPED_META, "post", "person", "start_date", "end_date", "acting")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        post = attrs.get("post") or getattr(self.instance, "post", None)
        if post is not None:
            attrs["mission"] = post.mission
        return super().validate(attrs)


class ContributingCountrySerializer(BaseModelSerializer):
    class Meta:
        model = m.ContributingCountry
        fields = ("id", "iso3", "name", "created_at", "updated_at")
        read_only_fields = ("name",)

    def validate_iso3(self, value: str) -> str:
        try:
            return normalise_alpha3(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc


class CountryCodeField(serializers.SlugRelatedField):
    """A contributing country by ISO code; the reference row is created on first use."""

    default_error_messages = {"does_not_exist": "{value} is not an ISO 3166-1 country code."}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="iso3", queryset=m.ContributingCountry.objects.all(), **kwargs)

    def to_internal_value(self, data: Any) -> m.ContributingCountry:
        try:
            iso3 = normalise_alpha3(str(data))
            m.ContributingCountry(iso3=iso3).clean_fields(exclude=["name"])
        except DjangoValidationError:
            self.fail("does_not_exist", slug_name="iso3", value=data)
        country, _ = m.ContributingCountry.objects.get_or_create(iso3=iso3)
        return country


class ContingentSerializer(MissionScopedSerializer):
    country = CountryCodeField()
    country_name = serializers.CharField(source="country.name", read_only=True)

    class Meta:
        model = m.Contingent
        fields = (
            *SCOPED_META,
            "country",
            "country_name",
            "name",
            "unit_type",
            "strength",
            "status",
            "arrival_date",
            "repatriation_date",
            "org_unit",
            "operational_control",
        )


class PartnerSerializer(MissionScopedSerializer):
    class Meta:
        model = m.Partner
        fields = (
            *SCOPED_META,
            "name",
            "acronym",
            "kind",
            "is_humanitarian",
            "is_un_system",
            "focal_point",
            "notes",
        )


class AdminAreaSerializer(BaseModelSerializer):
    class Meta:
        model = m.AdminArea
        fields = ("id", "country", "level", "name", "pcode", "geometry")


class RoleSerializer(BaseModelSerializer):
    class Meta:
        model = m.Role
        fields = ("id", "code", "name", "description", "scope", "clearance", "actions")

    def validate_actions(self, value: Any) -> Any:
        try:
            validate_actions(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc
        return value


class GrantableUserField(serializers.SlugRelatedField):
    """A user by username, among those the caller may grant roles to.

    Only someone who manages access somewhere may name users; for anyone else every username
    is refused with the same words, so the answer never tells whether an account exists.
    """

    default_error_messages = {
        "does_not_exist": "No user {value} that you may grant a role to.",
        "invalid": "Give the username as a string.",
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="username", queryset=get_user_model().objects.all(), **kwargs)

    def get_queryset(self) -> QuerySet:
        user = self.context["request"].user
        users = get_user_model().objects.all()
        if user.is_superuser or not grants_for(user, Action.DELETE).empty:
            return users
        return users.none()


class MembershipSerializer(BaseModelSerializer):
    user = GrantableUserField()
    role = serializers.SlugRelatedField(slug_field="code", queryset=m.Role.objects.all())
    mission = MissionCodeField(allow_null=True, required=False)

    class Meta:
        model = m.Membership
        fields = (
            "id",
            "user",
            "role",
            "mission",
            "on_behalf_of",
            "active",
            "created_at",
            "updated_at",
        )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        from bluehelmet.core.api.membership_rules import check_can_grant

        check_can_grant(self.context["request"].user, attrs, self.instance)
        return super().validate(attrs)


class AuditEntrySerializer(serializers.ModelSerializer):
    content_type = serializers.CharField(source="content_type.model", default=None)

    class Meta:
        model = m.AuditEntry
        fields = (
            "id",
            "time",
            "actor_name",
            "action",
            "verb",
            "content_type",
            "object_id",
            "object_repr",
            "mission_code",
            "sensitivity",
            "changed_fields",
            "before",
            "after",
            "note",
        )
        read_only_fields = fields
