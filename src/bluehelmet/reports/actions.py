"""Report actions (Capstone §4.1, §4.3 for the deployment report; §9.1, §10.1-10.2 for the
periodic report): draft, assemble a version, clear the report. One transaction and one audit
entry each; a cleared report is frozen."""

from __future__ import annotations

import datetime
import enum
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bluehelmet.benchmarks.verdicts import judge_mission, must_report
from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.permissions import Action, require
from bluehelmet.core.types import Actor, recorded
from bluehelmet.deployment.actions import check_worst_case
from bluehelmet.reports.assemble import assemble
from bluehelmet.reports.models import (
    CouncilReport,
    CouncilReportVersion,
    PeriodicReport,
    PeriodicReportVersion,
    ReportStatus,
)
from bluehelmet.reports.periodic import assemble_periodic


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


# -- the periodic report on a mission (Capstone §9.1, §10.1) -----------------------------------


class PeriodicReportErrorCode(enum.StrEnum):
    NOT_ASSEMBLED = "not_assembled"
    DETERIORATION_LEFT_OUT = "deterioration_left_out"
    INVALID = "invalid"


def _refuse_if_frozen(report: PeriodicReport) -> None:
    if report.cleared:
        raise ActionError(ErrorCode.WRONG_STATE, _("The report is cleared and frozen."))


def default_title(mission: Any, start: datetime.date, end: datetime.date) -> str:
    return _("Report of the Secretary-General on %(m)s, %(s)s to %(e)s") % {
        "m": mission.code,
        "s": start.isoformat(),
        "e": end.isoformat(),
    }


def do_draft_periodic_report(
    mission: Any,
    start: datetime.date,
    end: datetime.date,
    *,
    acting_user: Actor,
    title: str = "",
    observations: str = "",
    sensitivity: int | None = None,
    language: str = "",
) -> PeriodicReportVersion:
    """A new draft report on ``mission`` for the period, with its first version assembled,
    in ``language`` (default: the active one)."""
    language = language or translation.get_language() or "en"
    with translation.override(language):
        default = default_title(mission, start, end)
    report = PeriodicReport(
        mission=mission,
        period_start=start,
        period_end=end,
        title=title.strip() or default,
        observations=observations,
        language=language if language in dict(settings.LANGUAGES) else "en",
    )
    if sensitivity is not None:
        report.sensitivity = sensitivity
    require(acting_user, Action.ADD, mission.pk, report.sensitivity)
    try:
        report.full_clean()
    except ValidationError as exc:
        message = " ".join(m for msgs in exc.message_dict.values() for m in msgs)
        raise ActionError(PeriodicReportErrorCode.INVALID, message) from exc
    with transaction.atomic():
        report.save()  # the change log records the creation; the version is the action's
        return do_assemble_periodic_report(report, acting_user=acting_user)


def do_assemble_periodic_report(
    report: PeriodicReport, *, acting_user: Actor
) -> PeriodicReportVersion:
    """A new version from the records as they stand, read with ``acting_user``'s reach
    (earlier versions are kept)."""
    require(acting_user, Action.CHANGE, report.mission_id, report.sensitivity)
    with transaction.atomic(), single_audit_entry():
        report = PeriodicReport.objects.select_for_update().get(pk=report.pk)
        _refuse_if_frozen(report)
        last = report.versions.aggregate(n=Max("number"))["n"] or 0
        version = PeriodicReportVersion.objects.create(
            report=report,
            mission_id=report.mission_id,
            number=last + 1,
            content=in_language(report.language, assemble_periodic, report, acting_user),
            assembled_by=recorded(acting_user),
            sensitivity=report.sensitivity,
        )
        log_action(
            "assemble_periodic_report",
            version,
            acting_user=acting_user,
            before=None,
            after={"report": report.pk, "number": version.number},
        )
    return version


def in_language(language: str, build: Any, *args: Any) -> Any:
    """``build(*args)`` with ``language`` active; its content dict says which it was."""
    with translation.override(language):
        content = build(*args)
    content["language"] = language
    return content


def left_out(report: PeriodicReport, version: PeriodicReportVersion) -> list[Any]:
    """Indicators whose deterioration stands (read by the system: every record, so a
    deterioration the assembler could not see still counts) and that the version lacks
    (Capstone §10.2: a deterioration is reported, never hidden)."""
    judged = must_report(judge_mission(report.mission, None))
    carried = set(version.content.get("deteriorations") or [])
    return [j.indicator for j in judged if j.indicator.pk not in carried]


def _refuse_left_out(report: PeriodicReport, version: PeriodicReportVersion, user: Any) -> None:
    missing = left_out(report, version)
    if not missing:
        return
    visible = {i.pk for i in visible_indicators(user, missing)}
    names = [i.name for i in missing if i.pk in visible]
    hidden = len(missing) - len(names)
    if hidden:
        names.append(_("%(h)d you may not see") % {"h": hidden})
    message = _(
        "Version %(n)d leaves out %(c)d deteriorating indicators that must be reported: "
        "%(names)s. Assemble a new version (by someone who may see them), or dismiss the "
        "deterioration with a reason on the benchmarks page."
    ) % {
        "n": version.number,
        "c": len(missing),
        "names": "; ".join(names),
    }
    raise ActionError(
        PeriodicReportErrorCode.DETERIORATION_LEFT_OUT, message, indicators=sorted(visible)
    )


def visible_indicators(user: Any, indicators: list[Any]) -> Any:
    from bluehelmet.benchmarks.models import Indicator

    found = Indicator.objects.filter(pk__in=[i.pk for i in indicators])
    return found if user is None else found.restrict(user)


def do_clear_periodic_report(report: PeriodicReport, *, acting_user: Actor) -> PeriodicReport:
    """Clear the report: its latest version is the text sent and nothing changes after. A
    version that leaves out a standing deterioration cannot be cleared (Capstone §10.2)."""
    require(acting_user, Action.CHANGE, report.mission_id, report.sensitivity)
    _refuse_if_frozen(report)
    latest = report.latest_version()
    if latest is None:
        raise ActionError(
            PeriodicReportErrorCode.NOT_ASSEMBLED,
            _("Assemble a version before clearing the report."),
        )
    _refuse_left_out(report, latest, acting_user)
    with transaction.atomic(), single_audit_entry():
        before = report.snapshot()
        report.status = ReportStatus.CLEARED
        report.cleared_on = timezone.now().date()
        report.cleared_by = recorded(acting_user)
        report.save(update_fields=["status", "cleared_on", "cleared_by", "updated_at"])
        log_action(
            "clear_periodic_report",
            report,
            acting_user=acting_user,
            before=before,
            after={**report.snapshot(), "version": latest.number},
        )
    return report
