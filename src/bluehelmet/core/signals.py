"""Change logging for every ``ChangeLoggedModel`` (DESIGN "Audit")."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from bluehelmet.core.audit import log_change
from bluehelmet.core.context import change_logging_suppressed
from bluehelmet.core.models.audit import AuditAction
from bluehelmet.core.models.base import ChangeLoggedModel


@receiver(post_save)
def _log_save(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
    if raw or not isinstance(instance, ChangeLoggedModel) or change_logging_suppressed():
        return
    before = None if created else instance.loaded_snapshot()
    after = instance.snapshot()
    log_change(instance, AuditAction.CREATE if created else AuditAction.UPDATE, before, after)
    instance.remember_saved_values()


@receiver(post_delete)
def _log_delete(sender: type, instance: Any, **kwargs: Any) -> None:
    if not isinstance(instance, ChangeLoggedModel) or change_logging_suppressed():
        return
    log_change(instance, AuditAction.DELETE, instance.snapshot(), None)
