"""Forecasting actions (Capstone §7.2: the JMAC's monthly early-warning product).

``do_run_forecast`` fits the forecaster at an origin month and stores the run, its forecasts
and its track record in one transaction with one audit entry. The computing happens before
the transaction opens (it reads, it does not write), so a failure stores nothing and the
database is never locked while the model fits. Only roles that may add confidential records
to the mission (JMAC analysts among them) may start a run.
"""

from __future__ import annotations

import datetime
import enum
import time
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, Sensitivity, user_can
from bluehelmet.core.types import Actor, recorded
from bluehelmet.forecasting.limits import MAX_HORIZON, BacktestError
from bluehelmet.forecasting.models import Forecast, ForecastRun, RunStatus
from bluehelmet.forecasting.units import PanelError, Unit, month_index, month_start

if TYPE_CHECKING:  # the pipeline loads numpy and scikit-learn: only when a run computes
    from bluehelmet.forecasting.pipeline import RunResult, Step


class ForecastErrorCode(enum.StrEnum):
    FORBIDDEN = "forbidden"
    INVALID = "invalid"
    NO_DATA = "no_data"


def may_run(user: Any, mission: Mission) -> bool:
    """``None`` is the system (CLI without ``--as``, the demo)."""
    return user is None or user_can(user, Action.ADD, mission.pk, Sensitivity.CONFIDENTIAL)


def default_origin(mission: Mission, today: datetime.date | None = None) -> int:
    """The last complete month, or the month of the latest incident if the log ends earlier
    (a research dataset that stops years ago is forecast from where it stops)."""
    from bluehelmet.forecasting.loading import last_incident_month  # numpy: when used

    last = last_incident_month(mission)
    if last is None:
        raise ActionError(
            ForecastErrorCode.NO_DATA,
            _("Mission %(code)s has no incidents to forecast from.") % {"code": mission.code},
        )
    return min(last, month_index(today or timezone.now().date()) - 1)


def parse_unit(text: str) -> Unit:
    try:
        return Unit.parse(text)
    except PanelError as exc:
        raise ActionError(ForecastErrorCode.INVALID, str(exc)) from exc


def _check(mission: Mission, months: int, acting_user: Actor) -> None:
    if not may_run(acting_user, mission):
        raise ActionError(
            ForecastErrorCode.FORBIDDEN,
            _("Your role does not run forecasts for this mission (confidential JMAC analysis)."),
        )
    if not 1 <= months <= MAX_HORIZON:
        raise ActionError(
            ForecastErrorCode.INVALID,
            _("Forecast 1 to %(n)d months ahead.") % {"n": MAX_HORIZON},
        )


def compute(mission: Mission, unit: Unit, origin: int, months: int, step: Step) -> RunResult:
    try:
        from bluehelmet.forecasting.loading import load_panel
        from bluehelmet.forecasting.pipeline import forecast_ahead

        panel = load_panel(mission, unit, until=origin)
        return forecast_ahead(panel, origin, months, on_step=step)
    except (PanelError, BacktestError) as exc:
        raise ActionError(ForecastErrorCode.NO_DATA, str(exc)) from exc


def do_run_forecast(
    mission: Mission,
    unit: str | Unit,
    *,
    acting_user: Actor,
    months: int = 3,
    origin: int | None = None,
    run: ForecastRun | None = None,
    on_step: Step | None = None,
) -> ForecastRun:
    """Fit, forecast ``months`` ahead of ``origin`` (default: ``default_origin``) and store.

    ``run`` is a queued run to fill (the page's background task); without one a new run is
    created. Its progress is written as it goes, outside the final transaction."""
    unit = parse_unit(unit) if isinstance(unit, str) else unit
    _check(mission, months, acting_user)
    origin = default_origin(mission) if origin is None else origin
    began, started_at = time.perf_counter(), timezone.now()

    def step(percent: int, what: str) -> None:
        if run is not None:
            # ``updated_at`` is the run's heartbeat (see ``tasks.fail_vanished_runs``).
            ForecastRun.objects.filter(pk=run.pk).update(
                progress=percent, progress_note=what, updated_at=timezone.now()
            )
        if on_step is not None:
            on_step(percent, what)

    if run is not None:
        ForecastRun.objects.filter(pk=run.pk).update(
            status=RunStatus.RUNNING, started_at=started_at, updated_at=started_at
        )
    result = compute(mission, unit, origin, months, step)
    return _store(mission, unit, result, run, acting_user, started_at, began)


def _store(
    mission: Mission,
    unit: Unit,
    result: RunResult,
    run: ForecastRun | None,
    acting_user: Actor,
    started_at: datetime.datetime,
    began: float,
) -> ForecastRun:
    user = acting_user if getattr(acting_user, "is_authenticated", False) else None
    with transaction.atomic(), single_audit_entry():
        if run is None:
            run = ForecastRun(mission=mission, created_by=recorded(user))
        else:
            run = ForecastRun.objects.select_for_update().get(pk=run.pk)
        before = run.snapshot() if run.pk else None
        run.unit, run.origin_month = unit.code, month_start(result.origin)
        run.horizon_min, run.horizon_max = 1, max(f.horizon for f in result.forecasts)
        run.model_version, run.params = result.model_version, result.params
        run.track_record, run.n_areas = result.track_record, result.n_areas
        run.status, run.progress, run.progress_note, run.error = RunStatus.DONE, 100, "", ""
        run.started_at, run.finished_at = run.started_at or started_at, timezone.now()
        run.duration_seconds = round(time.perf_counter() - began, 2)
        run.save()
        Forecast.objects.bulk_create(_rows(run, result), batch_size=1000)
        log_action(
            "run_forecast",
            run,
            acting_user=user,
            before=before,
            after=run.snapshot(),
            note=_note(run, result),
        )
    return run


def _rows(run: ForecastRun, result: RunResult) -> list[Forecast]:
    return [
        Forecast(
            mission_id=run.mission_id,
            sensitivity=run.sensitivity,
            run=run,
            area_code=f.area,
            area_label=f.label[:120],
            latitude=f.latitude,
            longitude=f.longitude,
            target_month=month_start(f.target),
            horizon=f.horizon,
            probability=f.probability,
            expected_fatalities=f.expected_fatalities,
            fatalities_low=f.low,
            fatalities_high=f.high,
            events_last_month=f.events_last_month,
            fatalities_last_month=f.fatalities_last_month,
        )
        for f in result.forecasts
    ]


def _note(run: ForecastRun, result: RunResult) -> str:
    n, areas, h = len(result.forecasts), result.n_areas, run.horizon_max
    text = " ".join(
        [
            ngettext("%(n)d forecast", "%(n)d forecasts", n) % {"n": n},
            ngettext("for %(areas)d area (%(unit)s),", "for %(areas)d areas (%(unit)s),", areas)
            % {"areas": areas, "unit": run.unit},
            ngettext("%(h)d month ahead of %(o)s.", "%(h)d months ahead of %(o)s.", h)
            % {"h": h, "o": f"{run.origin_month:%Y-%m}"},
        ]
    )
    return " ".join([text, *result.notes])


def mark_failed(run: ForecastRun, message: str) -> None:
    """A run that could not finish says why; its forecasts were never written."""
    ForecastRun.objects.filter(pk=run.pk).update(
        status=RunStatus.FAILED, error=message, finished_at=timezone.now()
    )
