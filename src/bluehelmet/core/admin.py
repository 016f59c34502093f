"""Django admin for platform administrators (superusers). Day-to-day work uses the pages and
API, which apply the mission/role/sensitivity restrictions; the audit log is read-only here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from bluehelmet.core import models as m

for model in (
    m.Mission,
    m.Component,
    m.OrgUnit,
    m.Post,
    m.Person,
    m.Assignment,
    m.ContributingCountry,
    m.Contingent,
    m.Partner,
    m.AdminArea,
    m.Role,
):
    admin.site.register(model)


@admin.register(m.Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "mission", "active")
    list_filter = ("role", "mission", "active")


@admin.register(m.AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("time", "actor_name", "action", "verb", "object_repr", "mission_code")
    list_filter = ("action", "mission_code")
    search_fields = ("object_repr", "actor_name", "note")

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
