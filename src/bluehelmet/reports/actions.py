"""Report actions (Capstone §4.1, §4.3): assemble a version, clear the report. One transaction
and one audit entry each; a cleared report is frozen."""

from __future__ import annotations

import enum

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.permissions import Action, require
from bluehelmet.core.types import Actor, recorded
from bluehelmet.deployment.actions import check_worst_case
from bluehelmet.reports.assemble import assemble
from bluehelmet.reports.models import CouncilReport, CouncilReportVersion, ReportStatus


class ReportErrorCode(enum.StrEnum):
    NOT_ASSEMBLED = "not_assembled"


def _require(user: Actor, report: CouncilReport) -> None:
    require(user, Action.CHANGE, report.audit_mission_id, report.sensitivity)


def _refuse_if_cleared(report: CouncilReport) -> None:
    if report.status == ReportStatus.CLEARED:
        raise ActionError(ErrorCode.WRONG_STATE, _("The report is cleared and frozen."))


def do_assemble_council_report(
    report: CouncilReport, *, acting_user: Actor
) -> CouncilReportVersion:
    """A new version of the report from the records as they stand (earlier ones are kept)."""
    _require(acting_user, report)
    with transaction.atomic(), single_audit_entry():
        report = CouncilReport.objects.select_for_update().get(pk=report.pk)
        _refuse_if_cleared(report)
        last = report.versions.aggregate(n=Max("number"))["n"] or 0
        version = CouncilReportVersion.objects.create(
            report=report,
            number=last + 1,
            content=assemble(report, acting_user),
            assembled_by=recorded(acting_user),
            sensitivity=report.sensitivity,
        )
        log_action(
            "assemble_council_report",
            version,
            acting_user=acting_user,
            before=None,
            after={"report": report.pk, "number": version.number},
        )
    return version


def do_clear_council_report(report: CouncilReport, *, acting_user: Actor) -> CouncilReport:
    """Clear the report: its latest version becomes the text sent; nothing changes after.
    The recommendation it carries needs its worst case (Capstone §4.2)."""
    _require(acting_user, report)
    _refuse_if_cleared(report)
    latest = report.latest_version()
    if latest is None:
        raise ActionError(
            ReportErrorCode.NOT_ASSEMBLED, _("Assemble a version before clearing the report.")
        )
    check_worst_case(report.assessment.recommended_option)
    with transaction.atomic(), single_audit_entry():
        before = report.snapshot()
        report.status = ReportStatus.CLEARED
        report.cleared_on = timezone.now().date()
        report.cleared_by = recorded(acting_user)
        report.save(update_fields=["status", "cleared_on", "cleared_by", "updated_at"])
        log_action(
            "clear_council_report",
            report,
            acting_user=acting_user,
            before=before,
            after={**report.snapshot(), "version": latest.number},
        )
    return report
