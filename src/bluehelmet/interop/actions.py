"""Interop domain actions: undoing an incident import (issue 13, "safe imports").

An import is one batch: ``ImportJob.created_ids`` are the incidents it created. Undoing it
removes them in one transaction with one audit entry, provided nobody built on them since: an
incident edited after the import (its ``updated_at`` is later than the import's end, a later
import's update included) or cited by a record people keep (a SITREP, a threat assessment, a
verification, a flash report: any change-logged record pointing at it) stops the undo, with
the counts. Derived data (the incident-actor links) goes with the incidents. Incidents the
import updated keep the imported values; their earlier values are in the audit log.
"""

from __future__ import annotations

import enum
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.models.base import ChangeLoggedModel
from bluehelmet.core.permissions import Action, require
from bluehelmet.core.types import Actor, recorded
from bluehelmet.interop.models import ImportJob
from bluehelmet.operations.models import Incident


class InteropErrorCode(enum.StrEnum):
    FORBIDDEN = ErrorCode.FORBIDDEN.value
    WRONG_STATE = ErrorCode.WRONG_STATE.value
    IN_USE = "conflict"  # 409: incidents edited or cited since the import


def citations(ids: list[int]) -> dict[str, int]:
    """{what cites them (verbose name plural): how many} among change-logged records pointing
    at the incidents ``ids`` (other than these incidents themselves)."""
    found: dict[str, int] = {}
    for relation in Incident._meta.related_objects:
        model = relation.related_model
        if not isinstance(model, type) or not issubclass(model, ChangeLoggedModel):
            continue  # derived data, removed with the incidents
        field = relation.field.name
        citing = model._base_manager.filter(**{f"{field}__in": ids})
        if model is Incident:
            citing = citing.exclude(pk__in=ids)
        count = citing.distinct().count()
        if count:
            found[str(model._meta.verbose_name_plural)] = count
    return found


def do_undo_import(job: ImportJob, *, acting_user: Actor) -> dict[str, Any]:
    """Remove the incidents ``job`` created, as one audited batch; say what was done."""
    if job.status not in {"done", "failed"}:
        raise ActionError(InteropErrorCode.WRONG_STATE, _("Only a finished import can be undone."))
    if job.undone_at is not None:
        raise ActionError(InteropErrorCode.WRONG_STATE, _("This import was already undone."))
    with transaction.atomic(), single_audit_entry():
        created = Incident.objects.filter(pk__in=list(job.created_ids or []), mission=job.mission)
        # The uploader may take back their own batch while they may still add records there
        # (a JOC officer's mistaken upload); anyone else needs the right to delete.
        own = acting_user is not None and job.user_id == getattr(acting_user, "pk", None)
        for sensitivity in created.values_list("sensitivity", flat=True).distinct():
            require(
                acting_user,
                Action.ADD if own else Action.DELETE,
                job.mission_id,
                sensitivity,
                _("Your role does not delete the incidents this import created."),
            )
        ids = list(created.values_list("pk", flat=True))
        finished = job.finished_at or timezone.now()
        edited = created.filter(updated_at__gt=finished).count()
        cited = citations(ids) if ids else {}
        if edited or cited:
            raise ActionError(
                InteropErrorCode.IN_USE,
                _refusal(edited, cited),
                edited=edited,
                cited=cited,
            )
        removed = len(ids)
        created.delete()  # cascades to derived links only: citations were refused above
        job.undone_at = timezone.now()
        job.undone_by = recorded(acting_user)
        job.save(update_fields=["undone_at", "undone_by"])
        kept = len(job.updated_ids or [])
        log_action(
            "undo_import_incidents",
            job.mission,
            acting_user=acting_user,
            before={"job": job.pk, "file": job.file_name, "incidents": ids},
            after={"removed": removed, "updated_kept": kept},
            note=f"Undid the import of {job.file_name} (import {job.pk})",
        )
    return {"removed": removed, "updated_kept": kept, "gone_before": len(job.created_ids) - removed}


def _refusal(edited: int, cited: dict[str, int]) -> str:
    parts = []
    if edited:
        parts.append(
            ngettext(
                "%(n)d incident it created was edited since",
                "%(n)d incidents it created were edited since",
                edited,
            )
            % {"n": edited}
        )
    for what, count in sorted(cited.items()):
        parts.append(_("%(what)s citing its incidents: %(n)d") % {"n": count, "what": what})
    return _("This import cannot be undone: %(why)s. Remove those changes first.") % {
        "why": "; ".join(parts)
    }


def undo_summary(result: dict[str, Any]) -> str:
    """The outcome of ``do_undo_import`` in words (page message and CLI)."""
    said = ngettext("%(n)d incident removed.", "%(n)d incidents removed.", result["removed"]) % {
        "n": result["removed"]
    }
    if result["updated_kept"]:
        said += " " + ngettext(
            "%(n)d incident the import updated keeps the imported values (its earlier values "
            "are in the audit log).",
            "%(n)d incidents the import updated keep the imported values (their earlier values "
            "are in the audit log).",
            result["updated_kept"],
        ) % {"n": result["updated_kept"]}
    return said
