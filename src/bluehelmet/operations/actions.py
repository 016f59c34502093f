"""JOC domain actions (Capstone §7.2): one transaction and one audit entry each.

Pages, the API and the CLI call these; each checks that the acting user may change records of
the mission at the record's sensitivity (``acting_user=None`` is the system, e.g. importers).
"""

from __future__ import annotations

import datetime
import enum
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError
from bluehelmet.core.events import SECURITY_DETERIORATION, announce_serious_development
from bluehelmet.core.models import Mission, OrgUnit
from bluehelmet.core.permissions import Action, Sensitivity, require, user_can
from bluehelmet.core.types import Actor, recorded
from bluehelmet.operations.models import (
    Crisis,
    CrisisLogEntry,
    CrisisStatus,
    FlashReport,
    FlashStatus,
    Incident,
    IncidentVerification,
    LogEntryKind,
    ReportStatus,
    SituationReport,
    VerificationStatus,
)


class OperationsErrorCode(enum.StrEnum):
    FORBIDDEN = "forbidden"
    WRONG_STATE = "wrong_state"
    CLASSIFICATION = "classification"
    INVALID = "invalid"


def do_record_verification(
    incident: Incident, status: str, *, acting_user: Actor, note: str = ""
) -> IncidentVerification:
    """Move an incident to a verification status and keep the step in its history."""
    require(acting_user, Action.CHANGE, incident.mission_id, incident.sensitivity)
    if status not in VerificationStatus.values:
        raise ActionError(
            OperationsErrorCode.INVALID, _("Unknown verification status %(s)s.") % {"s": status}
        )
    with transaction.atomic(), single_audit_entry():
        before = incident.snapshot()
        step = IncidentVerification.objects.create(
            incident=incident,
            status=status,
            previous_status=incident.verification_status,
            note=note,
            by=recorded(acting_user),
        )
        incident.verification_status = status
        incident.save(update_fields=["verification_status", "updated_at"])
        log_action(
            "verify_incident",
            incident,
            acting_user=acting_user,
            before=before,
            after=incident.snapshot(),
            note=note,
        )
    return step


def sector_units(unit: OrgUnit) -> list[int]:
    """The unit and every unit below it (a sector's field offices and team sites)."""
    ids, frontier = [unit.pk], [unit.pk]
    while frontier:
        frontier = list(OrgUnit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids.extend(frontier)
    return ids


def situation_incidents(report: SituationReport, user: Any) -> Any:
    """Incidents of the report's period (and sector), originals only, as ``user`` may see."""
    queryset = Incident.objects.filter(
        mission_id=report.mission_id,
        occurred_at__gte=report.period_start,
        occurred_at__lt=report.period_end,
        duplicate_of__isnull=True,
    )
    if report.org_unit is not None:
        queryset = queryset.filter(org_unit_id__in=sector_units(report.org_unit))
    return queryset.restrict(user) if user is not None else queryset


def do_compile_situation_report(report: SituationReport, *, acting_user: Actor) -> int:
    """Fill a draft SITREP with the period's incidents; returns how many it holds."""
    require(acting_user, Action.CHANGE, report.mission_id, report.sensitivity)
    if report.status != ReportStatus.DRAFT:
        raise ActionError(
            OperationsErrorCode.WRONG_STATE, _("A published report cannot be recompiled.")
        )
    with transaction.atomic(), single_audit_entry():
        before = sorted(report.incidents.values_list("pk", flat=True))
        ids = sorted(situation_incidents(report, acting_user).values_list("pk", flat=True))
        report.incidents.set(ids)
        log_action(
            "compile_situation_report",
            report,
            acting_user=acting_user,
            before={"incidents": before},
            after={"incidents": ids},
        )
    return len(ids)


def do_publish_situation_report(report: SituationReport, *, acting_user: Actor) -> SituationReport:
    """Publish a draft SITREP. Its classification must cover every incident it includes."""
    require(acting_user, Action.CHANGE, report.mission_id, report.sensitivity)
    if report.status != ReportStatus.DRAFT:
        raise ActionError(OperationsErrorCode.WRONG_STATE, _("Already published."))
    highest = report.incidents.aggregate(m=Max("sensitivity"))["m"] or 0
    if highest > report.sensitivity:
        raise ActionError(
            OperationsErrorCode.CLASSIFICATION,
            _("The report includes %(label)s incidents: classify it at least %(label)s.")
            % {"label": Sensitivity(highest).label},
        )
    with transaction.atomic(), single_audit_entry():
        before = report.snapshot()
        report.status = ReportStatus.PUBLISHED
        report.published_at = timezone.now()
        report.published_by = recorded(acting_user)
        report.save()
        log_action(
            "publish_situation_report",
            report,
            acting_user=acting_user,
            before=before,
            after={**report.snapshot(), "incident_count": report.incidents.count()},
        )
    return report


def do_issue_flash_report(flash: FlashReport, *, acting_user: Actor) -> FlashReport:
    require(acting_user, Action.CHANGE, flash.mission_id, flash.sensitivity)
    if flash.status != FlashStatus.DRAFT:
        raise ActionError(OperationsErrorCode.WRONG_STATE, _("Already issued."))
    with transaction.atomic(), single_audit_entry():
        before = flash.snapshot()
        flash.status, flash.issued_at = FlashStatus.ISSUED, timezone.now()
        flash.save()
        log_action(
            "issue_flash_report",
            flash,
            acting_user=acting_user,
            before=before,
            after=flash.snapshot(),
        )
    return flash


def do_open_crisis(
    mission: Mission,
    title: str,
    *,
    acting_user: Actor,
    description: str = "",
    sensitivity: int = Sensitivity.UNCLASSIFIED,
    opened_at: datetime.datetime | None = None,
    incidents: list[Incident] | tuple[Incident, ...] = (),
) -> Crisis:
    """Switch the JOC into crisis mode for one situation; the log starts with the opening."""
    if acting_user is not None and not user_can(acting_user, Action.ADD, mission.pk, sensitivity):
        raise ActionError(OperationsErrorCode.FORBIDDEN, _("Your role does not open crises."))
    with transaction.atomic(), single_audit_entry():
        crisis = Crisis(
            mission=mission,
            title=title,
            description=description,
            sensitivity=sensitivity,
            opened_at=opened_at or timezone.now(),
        )
        crisis.full_clean()
        crisis.save()
        crisis.incidents.set(incidents)
        _log(crisis, LogEntryKind.DECISION, _("Crisis opened: %(t)s") % {"t": title}, acting_user)
        log_action(
            "open_crisis", crisis, acting_user=acting_user, before=None, after=crisis.snapshot()
        )
        # Capstone §4.3: a crisis is the rapid deterioration contributors must be consulted on.
        announce_serious_development(
            Crisis,
            mission,
            SECURITY_DETERIORATION,
            crisis.opened_at.date(),
            _("The JOC opened a crisis on %(date)s.") % {"date": crisis.opened_at.date()},
        )
    return crisis


def do_close_crisis(crisis: Crisis, *, acting_user: Actor, summary: str = "") -> Crisis:
    """Close a crisis; open tasks are named in the closing log entry."""
    require(acting_user, Action.CHANGE, crisis.mission_id, crisis.sensitivity)
    if crisis.status != CrisisStatus.OPEN:
        raise ActionError(OperationsErrorCode.WRONG_STATE, _("The crisis is already closed."))
    with transaction.atomic(), single_audit_entry():
        before = crisis.snapshot()
        open_tasks = crisis.tasks.filter(status__in=["todo", "in_progress"]).count()
        text = ngettext(
            "Crisis closed. %(s)s (%(n)d task still open)",
            "Crisis closed. %(s)s (%(n)d tasks still open)",
            open_tasks,
        ) % {
            "s": summary,
            "n": open_tasks,
        }
        _log(crisis, LogEntryKind.DECISION, text, acting_user)
        crisis.status, crisis.closed_at = CrisisStatus.CLOSED, timezone.now()
        crisis.save()
        log_action(
            "close_crisis",
            crisis,
            acting_user=acting_user,
            before=before,
            after={**crisis.snapshot(), "open_tasks": open_tasks},
            note=summary,
        )
    return crisis


def _log(crisis: Crisis, kind: str, text: str, user: Any) -> CrisisLogEntry:
    return CrisisLogEntry.objects.create(
        crisis=crisis,
        mission_id=crisis.mission_id,
        sensitivity=crisis.sensitivity,
        kind=kind,
        text=text,
        author=user if getattr(user, "is_authenticated", False) else None,
    )
