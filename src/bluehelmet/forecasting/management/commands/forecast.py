"""``bluehelmet forecast``: evaluate the early-warning forecaster, or store the next forecasts
(Capstone §7.2).

    bluehelmet forecast evaluate --mission CODE --unit admin1|h3:<res> --horizon N
                                 --start YYYY-MM --end YYYY-MM [--refit-every K]
                                 [--train-window MONTHS] [--json]
    bluehelmet forecast run --mission CODE | --all [--unit admin1] [--months 3] [--origin YYYY-MM]

``evaluate`` runs the rolling-origin backtest over the *target* months start..end (each is
forecast from its origin, ``horizon`` months before) and prints the scores of the model and of
the persistence and climatology baselines. ``run`` fits at the origin (default: the last
complete month, or the last month with incidents if the log ends earlier) and stores the
forecasts with their track record; ``run --all`` does so for every active or drawing-down
mission with incidents (schedule it monthly: cron or a systemd timer), reports the missions it
could not forecast and then exits 3. Bad input exits non-zero with one line saying why.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Exists, OuterRef

from bluehelmet.core.context import acting_as
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission, MissionStatus
from bluehelmet.forecasting.actions import do_run_forecast
from bluehelmet.forecasting.backtest import (
    METHODS,
    TRAIN_WINDOW,
    BacktestError,
    Evaluation,
    evaluate,
)
from bluehelmet.forecasting.loading import load_panel
from bluehelmet.forecasting.units import PanelError, Unit, month_label, parse_month
from bluehelmet.operations.models import Incident


class Command(BaseCommand):
    help = "Evaluate the early-warning forecaster (backtest) or store the next months' forecasts."
    # Data work needs no system checks (they import every URLconf and view): start at once.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{evaluate,run}")
        ev = sub.add_parser("evaluate", help="rolling-origin backtest against the baselines")
        ev.add_argument("--mission", required=True, help="mission code")
        ev.add_argument("--unit", default="admin1", help="admin1 or h3:<resolution 0-7>")
        ev.add_argument("--horizon", type=int, default=1, help="months ahead (1-12)")
        ev.add_argument("--start", required=True, help="first target month, YYYY-MM")
        ev.add_argument("--end", required=True, help="last target month, YYYY-MM")
        ev.add_argument(
            "--refit-every", type=int, default=3, help="refit the model every K origins"
        )
        ev.add_argument(
            "--train-window",
            type=int,
            default=TRAIN_WINDOW,
            help=f"months of training rows before each origin (default {TRAIN_WINDOW}; 0: all)",
        )
        ev.add_argument("--json", action="store_true", help="print the scores as JSON")
        run = sub.add_parser("run", help="fit now and store the next months' forecasts")
        which = run.add_mutually_exclusive_group(required=True)
        which.add_argument("--mission", help="mission code")
        which.add_argument(
            "--all",
            action="store_true",
            help="every active or drawing-down mission with incidents (the monthly schedule)",
        )
        run.add_argument("--unit", default="admin1", help="admin1 or h3:<resolution 0-7>")
        run.add_argument("--months", type=int, default=3, help="months ahead (1-12)")
        run.add_argument("--origin", help="origin month YYYY-MM (default: see the help)")
        run.add_argument("--as", dest="username", help="user the audit log names")

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts.get("all"):
            self._run_all(opts)
            return
        mission = Mission.objects.filter(code=opts["mission"]).first()
        if mission is None:
            raise CommandError(f"Unknown mission {opts['mission']!r}.")
        try:
            if opts["action"] == "evaluate":
                self._evaluate(mission, opts)
            else:
                self._run(mission, opts)
        except (PanelError, BacktestError, ActionError) as exc:
            raise CommandError(str(exc)) from None

    def _evaluate(self, mission: Mission, opts: dict[str, Any]) -> None:
        unit = Unit.parse(opts["unit"])
        start, end = parse_month(opts["start"]), parse_month(opts["end"])
        if opts["refit_every"] < 1:
            raise CommandError("--refit-every is at least 1.")
        if opts["train_window"] < 0:
            raise CommandError("--train-window is 0 (all history) or a number of months.")
        window = opts["train_window"] or None
        panel = load_panel(mission, unit)
        show = not opts["json"] and sys.stderr.isatty()
        progress = _progress if show else None
        result = evaluate(
            panel,
            opts["horizon"],
            start,
            end,
            refit_every=opts["refit_every"],
            train_window=window,
            on_progress=progress,
        )
        if show:
            sys.stderr.write("\n")
        if opts["json"]:
            self.stdout.write(json.dumps(result.as_dict(), indent=2))
        else:
            self.stdout.write(report(mission, unit, result, opts["refit_every"], window))

    def _run_all(self, opts: dict[str, Any]) -> None:
        """One run per mission; a mission that cannot be forecast is reported, not fatal."""
        logged = Incident.objects.filter(mission=OuterRef("pk"))
        missions = Mission.objects.filter(
            Exists(logged), status__in=[MissionStatus.ACTIVE, MissionStatus.DRAWING_DOWN]
        )
        failed = []
        for mission in missions.order_by("code"):
            try:
                self._run(mission, opts)
            except (PanelError, BacktestError, ActionError, CommandError) as exc:
                failed.append(mission.code)
                self.stderr.write(f"{mission.code}: {exc}")
        if failed:
            raise CommandError(
                f"No forecast for {', '.join(failed)} (reasons above).", returncode=3
            )

    def _run(self, mission: Mission, opts: dict[str, Any]) -> None:
        user = None
        if opts["username"]:
            user = get_user_model().objects.filter(username=opts["username"]).first()
            if user is None:
                raise CommandError(f"Unknown user {opts['username']!r}.")
        origin = parse_month(opts["origin"]) if opts["origin"] else None
        with acting_as(user):
            run = do_run_forecast(
                mission, opts["unit"], acting_user=user, months=opts["months"], origin=origin
            )
        self.stdout.write(
            f"Run {run.pk}: {run.forecasts.count()} forecasts for {run.n_areas} areas "
            f"({run.unit}), {run.horizon_max} month(s) ahead of {run.origin_month:%Y-%m}, "
            f"in {run.duration_seconds} s."
        )
        for horizon, record in sorted(run.track_record.items()):
            self.stdout.write(f"  track record, {horizon} month(s) ahead: {_line(record)}")


def _progress(done: int, total: int) -> None:
    sys.stderr.write(f"\r{done}/{total} months")


def _line(record: dict[str, Any]) -> str:
    if "error" in record:
        return str(record["error"])
    return "; ".join(
        f"{m} brier {record[m]['brier']}, AP {record[m]['average_precision']}" for m in METHODS
    )


def report(
    mission: Mission, unit: Unit, result: Evaluation, refit_every: int, window: int | None
) -> str:
    """The scores as a plain-text table (markdown, pasteable into docs/forecasting.md)."""
    data = result.as_dict()
    lines = [
        f"{mission.code}, {unit.code}, {result.horizon} month(s) ahead, target months "
        f"{month_label(result.start)} to {month_label(result.end)}: {data['n_cells']} areas, "
        f"{data['n_months']} months, {len(result.rows['fatal'])} area-months scored "
        f"({int(result.rows['fatal'].sum())} fatal); model refitted every {refit_every} "
        f"month(s) on {f'the last {window} months' if window else 'all history'} "
        f"({result.refits} fits, "
        f"{result.seconds:.1f} s).",
        "",
        "| method | Brier (lower is better) | average precision (higher) | MSE log(1+fatalities) |",
        "|---|---:|---:|---:|",
    ]
    for method in METHODS:
        s = data[method]
        ap = "n/a" if s["average_precision"] is None else f"{s['average_precision']:.4f}"
        lines.append(f"| {method} | {s['brier']:.4f} | {ap} | {s['mse_log']:.4f} |")
    lines += [
        "",
        "Calibration of the model: forecasts by probability band",
        "",
        "| band | area-months | mean forecast | observed rate |",
        "|---|---:|---:|---:|",
    ]
    for band in result.reliability():
        lines.append(
            f"| {band['band']} | {band['n']} | {band['forecast']:.3f} | {band['observed']:.3f} |"
        )
    lines.extend(f"Note: {n}" for n in result.notes)
    return "\n".join(lines)
