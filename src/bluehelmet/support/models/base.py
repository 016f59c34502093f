"""What the support app's records share (Capstone §8.1-8.3): a record owned by a parent record
keeps the parent's mission, and is never kept at a lower sensitivity than its parent."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils.translation import gettext_lazy as _


def same_mission(record: Any, *fields: str) -> None:
    """Refuse a related record of another mission (a form or the API could name any id)."""
    errors = {}
    for name in fields:
        related = getattr(record, name, None)
        if related is not None and record.mission_id and related.mission_id != record.mission_id:
            errors[name] = _("It belongs to another mission.")
    if errors:
        raise ValidationError(errors)


def inherit(record: Any, parent_field: str) -> None:
    """Copy the parent's mission and keep at least its sensitivity (called before saving)."""
    parent = getattr(record, parent_field, None)
    if parent is not None:
        record.mission_id = parent.mission_id
        record.sensitivity = max(record.sensitivity or 0, parent.sensitivity)


def related_text(record: Any, field: str) -> str:
    """The text of a related record, or its id once it is gone: the audit log names a record
    after its parent may already have been deleted in the same cascade."""
    try:
        related = getattr(record, field)
    except ObjectDoesNotExist:
        return f"#{getattr(record, f'{field}_id', '')}"
    return "" if related is None else str(related)
