"""Writing the audit log (DESIGN "Audit"): changes, strictly confidential reads, domain actions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from bluehelmet.core.context import current_actor
from bluehelmet.core.models.audit import AuditAction, AuditEntry
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.core.types import Actor


def _actor_fields(user: Any) -> dict[str, Any]:
    if user is None or not getattr(user, "is_authenticated", False):
        return {"actor": None, "actor_name": "system"}
    return {"actor": user, "actor_name": user.get_username()}


def _mission_fields(instance: models.Model) -> dict[str, Any]:
    mission_id = getattr(instance, "audit_mission_id", None)
    code = ""
    if mission_id is not None:
        from bluehelmet.core.models import Mission

        code = Mission.objects.filter(pk=mission_id).values_list("code", flat=True).first() or ""
    return {"mission_id": mission_id, "mission_code": code}


def _entry(
    instance: models.Model,
    action: str,
    user: Any,
    mission: dict[str, Any] | None = None,
    **extra: Any,
) -> AuditEntry:
    return AuditEntry(
        action=action,
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        sensitivity=getattr(instance, "audit_sensitivity", Sensitivity.UNCLASSIFIED),
        **_actor_fields(user),
        **(mission if mission is not None else _mission_fields(instance)),
        **extra,
    )


def changed_fields(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    before, after = before or {}, after or {}
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def log_change(
    instance: models.Model,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditEntry | None:
    """Record a create/update/delete by the current actor; unchanged saves are not logged."""
    fields = changed_fields(before, after)
    if action == AuditAction.UPDATE and not fields:
        return None
    entry = _entry(
        instance, action, current_actor(), before=before, after=after, changed_fields=fields
    )
    entry.save()
    return entry


def log_action(
    verb: str,
    instance: models.Model,
    *,
    acting_user: Actor,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    note: str = "",
) -> AuditEntry:
    """The one audit entry a ``do_<verb>_<noun>`` action writes."""
    entry = _entry(
        instance,
        AuditAction.ACTION,
        acting_user,
        verb=verb,
        before=before,
        after=after,
        changed_fields=changed_fields(before, after),
        note=note,
    )
    entry.save()
    return entry


def log_updates(
    changes: Iterable[tuple[models.Model, dict[str, Any] | None]],
    *,
    acting_user: Actor,
    note: str = "",
) -> int:
    """One update entry per (record, values before) whose values changed, for writes that
    bypass ``save`` (bulk imports): an auditor sees what each record held before."""
    missions: dict[Any, dict[str, Any]] = {}  # one mission lookup per mission, not per row
    entries = []
    for instance, before in changes:
        after = instance.snapshot()  # type: ignore[attr-defined]
        fields = changed_fields(before, after)
        if not fields:
            continue
        mission_id = getattr(instance, "audit_mission_id", None)
        if mission_id not in missions:
            missions[mission_id] = _mission_fields(instance)
        entry = _entry(
            instance,
            AuditAction.UPDATE,
            acting_user,
            mission=missions[mission_id],
            before=before,
            after=after,
            changed_fields=fields,
            note=note,
        )
        entries.append(entry)
    AuditEntry.objects.bulk_create(entries, batch_size=500)
    return len(entries)


def log_reads(user: Any, instances: Iterable[models.Model]) -> int:
    """Log each strictly confidential record shown to ``user`` (reads of others are not)."""
    missions: dict[Any, dict[str, Any]] = {}  # one mission lookup per mission, not per row
    entries = []
    for obj in instances:
        if getattr(obj, "audit_sensitivity", 0) < Sensitivity.STRICTLY_CONFIDENTIAL:
            continue
        mission_id = getattr(obj, "audit_mission_id", None)
        if mission_id not in missions:
            missions[mission_id] = _mission_fields(obj)
        entries.append(_entry(obj, AuditAction.READ, user, mission=missions[mission_id]))
    if entries:
        AuditEntry.objects.bulk_create(entries)
    return len(entries)
