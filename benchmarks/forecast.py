"""Early-warning forecaster: fit and forecast for one country over ten years of months (issue 6,
"Done means": under 30 s).

One run, in a fresh SQLite database in a temporary directory:

1. import the real CAR events (UCDP GED 23.1, ``../shared/data/ucdp/``; CC BY 4.0) with the
   JOC's GED importer;
2. reference, same run: read the same CSV with DuckDB, and read the incidents of the ten years
   from the database the way the forecaster does (``records_from_queryset``);
3. per unit (admin-1 and H3 resolutions 4 and 5): build the panel of the last ten years
   (120 months to the last month of the file), then fit the model for horizons 1, 2 and 3
   (calibrated classifier, regressor, two quantile regressors each) and forecast every area;
   median of ``--runs`` repetitions. Also timed once: the whole monthly run as stored by
   ``bluehelmet forecast run`` (fit and forecast plus the 24-month track record per horizon).

Prints a markdown table and writes it to docs/benchmarks.md (section "forecast"; ``--no-write``
to only print):

    .venv/bin/python benchmarks/forecast.py [--runs 3] [--units admin1,h3:4,h3:5] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GED = ROOT.parent / "shared" / "data" / "ucdp" / "ged_v23_1_central_african_republic.csv"
TARGET_SECONDS = 30.0
YEARS = 10


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions (median)")
    parser.add_argument("--units", default="admin1,h3:4,h3:5", help="comma-separated units")
    parser.add_argument("--file", type=Path, default=GED, help="a UCDP GED CSV")
    parser.add_argument("--no-write", action="store_true", help="do not update the doc")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs is at least 1")
    if not args.file.is_file():
        parser.error(f"no such file: {args.file}")
    return args


def setup_django(workdir: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["BLUEHELMET_DATA_DIR"] = str(workdir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bluehelmet.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def timed(fn: Any, runs: int = 1) -> tuple[float, Any]:
    """(median seconds, last result)."""
    times, result = [], None
    for _ in range(runs):
        began = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def duckdb_read(path: Path) -> float:
    try:
        import duckdb
    except ImportError:
        return float("nan")
    con = duckdb.connect()
    query = "SELECT count(*) FROM read_csv_auto(?)"  # the path as a parameter, not in the SQL
    seconds, _ = timed(lambda: con.execute(query, [str(path)]).fetchone(), 3)
    return seconds


def measure_unit(mission: Any, unit_code: str, runs: int) -> dict[str, Any]:
    from bluehelmet.forecasting.backtest import training_rows
    from bluehelmet.forecasting.loading import last_incident_month, mission_incidents
    from bluehelmet.forecasting.model import Forecaster
    from bluehelmet.forecasting.panel import Unit, build_panel, month_start, records_from_queryset
    from bluehelmet.forecasting.pipeline import forecast_ahead

    unit = Unit.parse(unit_code)
    origin = last_incident_month(mission)
    assert origin is not None
    first = origin - 12 * YEARS + 1
    queryset = mission_incidents(mission).filter(occurred_at__date__gte=month_start(first))
    read_s, records = timed(lambda: records_from_queryset(queryset, unit, until=origin), runs)
    panel = build_panel(records, unit, end=origin)

    def fit_and_forecast() -> int:
        rows = 0
        for horizon in (1, 2, 3):
            x, fatal, log_fat, feats = training_rows(panel, horizon, None)
            model = Forecaster(intervals=True).fit(x, fatal, log_fat)
            model.predict(feats.values[:, -1])
            rows += len(x)
        return rows

    fit_s, rows = timed(fit_and_forecast, runs)
    full_s, _ = timed(lambda: forecast_ahead(panel, origin, 3))
    return {
        "unit": unit_code,
        "areas": panel.n_areas,
        "months": panel.n_months,
        "incidents": len(records),
        "rows": rows,
        "read": read_s,
        "fit": fit_s,
        "full": full_s,
    }


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bh-forecast-bench-") as tmp:
        setup_django(Path(tmp))
        sys.path.insert(0, str(HERE))
        import harness

        from bluehelmet.core.models import Mission
        from bluehelmet.interop.importers.ged import import_ged

        import_s, _ = timed(
            lambda: import_ged(args.file, mission_code="BENCH", create_missions=True)
        )
        mission = Mission.objects.get(code="BENCH")
        duck_s = duckdb_read(args.file)
        results = [measure_unit(mission, u.strip(), args.runs) for u in args.units.split(",")]
        markdown = report(harness.machine(), results, duck_s, import_s, args)
        print(markdown)
        if not args.no_write:
            harness.write_section("forecast", SECTION_HEADING + markdown)
    return 0


SECTION_HEADING = (
    "## Early warning: fit and forecast for one country over ten years\n\n"
    "Target (DESIGN.md, issue 6): fit and forecast for one country over ten years of monthly "
    "data under 30 s. Data: the real UCDP GED 23.1 events of the Central African Republic, "
    "imported through the JOC importer; the last 120 months. Method and backtest results: "
    "docs/forecasting.md.\n\n"
)


def report(
    facts: dict[str, str], results: list[dict[str, Any]], duck_s: float, import_s: float, args: Any
) -> str:
    lines = [
        f"Forecast benchmark, {facts['date']}, {facts['cpu']} ({facts['cores']} cores), "
        f"load {facts['load']}, Python {facts['python']}, commit {facts['commit']}.",
        f"Command: `.venv/bin/python benchmarks/forecast.py --runs {args.runs} "
        f"--units {args.units}`; file {args.file.name}, imported in {import_s:.2f} s; "
        f"DuckDB reads the CSV in {duck_s * 1000:.0f} ms (reference, same run).",
        "",
        "| unit | areas | months | incidents | training rows (3 horizons) | read from DB | "
        "fit + forecast, 3 horizons | vs 30 s target | whole run incl. track record |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['unit']} | {r['areas']} | {r['months']} | {r['incidents']} | {r['rows']:,} | "
            f"{r['read'] * 1000:.0f} ms | {r['fit']:.2f} s | {r['fit'] / TARGET_SECONDS:.1%} | "
            f"{r['full']:.1f} s |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
