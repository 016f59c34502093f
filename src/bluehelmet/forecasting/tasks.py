"""Forecast runs started from the page, run by the background worker (Capstone §7.2).

The page creates a queued ``ForecastRun`` and enqueues ``run_forecast`` on the database-backed
task queue (django-tasks; ``bluehelmet worker`` runs it). Unlike an import, the long part
(fitting and the track-record backtest) writes nothing, so progress goes straight into the
run's row (``progress``, ``progress_note``), which the page polls; the forecasts are written
at the end in one transaction by ``do_run_forecast``. A failure leaves the run ``failed`` with
the reason and no forecasts. Each progress step renews the run's ``updated_at``: a running run
not updated within ``settings.JOB_HEARTBEAT_TIMEOUT`` lost its worker, and
``fail_vanished_runs`` marks it failed (when the worker starts and when the run is looked at),
so that it no longer blocks new runs of its mission and unit.
"""

from __future__ import annotations

import logging
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from bluehelmet.core.context import acting_as
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission
from bluehelmet.core.types import Actor, recorded
from bluehelmet.core.worker import stale_before
from bluehelmet.forecasting.actions import (
    ForecastErrorCode,
    do_run_forecast,
    mark_failed,
    may_run,
    parse_unit,
)
from bluehelmet.forecasting.models import ForecastRun, RunStatus

logger = logging.getLogger(__name__)


@task()
def run_forecast(run_id: int) -> dict[str, Any]:
    """Run one queued forecast; a refusal ends it as failed with the reason."""
    run = ForecastRun.objects.select_related("mission", "created_by").filter(pk=run_id).first()
    if run is None or run.finished:
        return {"run": run_id, "status": "missing" if run is None else run.status}
    try:
        with acting_as(run.created_by):
            do_run_forecast(
                run.mission,
                run.unit,
                acting_user=run.created_by,
                months=run.horizon_max,
                run=run,
            )
    except ActionError as exc:
        mark_failed(run, exc.message)
    except Exception:
        logger.exception("Forecast run %s failed", run.pk)
        mark_failed(run, _("The run stopped on an unexpected error; no forecast was stored."))
    run.refresh_from_db()
    return {"run": run.pk, "status": run.status}


def start_run(mission: Mission, unit: str, *, acting_user: Actor, months: int = 3) -> ForecastRun:
    """Queue a run (refused with ``ActionError`` for a role that may not run forecasts)."""
    if not may_run(acting_user, mission):
        raise ActionError(
            ForecastErrorCode.FORBIDDEN,
            _("Your role does not run forecasts for this mission (confidential JMAC analysis)."),
        )
    parsed = parse_unit(unit)
    with acting_as(acting_user):
        run = ForecastRun.objects.create(
            mission=mission,
            unit=parsed.code,
            horizon_max=months,
            created_by=recorded(acting_user),
        )
    try:
        result = run_forecast.enqueue(run.pk)
    except Exception:
        logger.exception("Could not queue forecast run %s", run.pk)
        mark_failed(run, _("The run could not be queued; try again."))
    else:
        ForecastRun.objects.filter(pk=run.pk, task_id="").update(task_id=str(result.id)[:64])
    run.refresh_from_db()
    return run


def fail_vanished_runs(**filters: Any) -> int:
    """Mark failed the running runs (among ``filters``) not updated within the lease."""
    return ForecastRun.objects.filter(
        status=RunStatus.RUNNING, updated_at__lt=stale_before(), **filters
    ).update(
        status=RunStatus.FAILED,
        error=_("The worker stopped while running this forecast; start it again."),
        finished_at=timezone.now(),
    )


def on_worker_start(**kwargs: Any) -> None:
    """``worker_starting`` receiver: fail the runs a stopped worker left running."""
    count = fail_vanished_runs()
    if count:
        logger.warning("%d forecast run(s) left running by a stopped worker marked failed", count)


def active_run(mission: Mission, unit: str) -> ForecastRun | None:
    """A queued or running run of the mission and unit (the page shows its progress)."""
    fail_vanished_runs(mission=mission, unit=unit)
    return (
        ForecastRun.objects.filter(
            mission=mission, unit=unit, status__in=[RunStatus.QUEUED, RunStatus.RUNNING]
        )
        .order_by("-created_at")
        .first()
    )
