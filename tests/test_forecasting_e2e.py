"""End to end (issue 6, "Done means"): the forecaster evaluated on the real CAR events imported
through the JOC's GED importer, and on a second mission whose incidents come from another
source, the demo scenario's generator, with the same code and no per-country setting.

UCDP GED 23.1 (Davies, Pettersson & Öberg 2023; Sundberg & Melander 2013), CC BY 4.0, read
from ../shared/data (skipped when absent)."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from tests.conftest import skip_or_fail
from tests.forecasting_support import demo_incidents

from bluehelmet.core.models import Mission
from bluehelmet.forecasting.models import ForecastRun
from bluehelmet.interop.importers.ged import import_ged

pytestmark = pytest.mark.django_db
GED = (
    Path(__file__).resolve().parents[1].parent
    / "shared/data/ucdp/ged_v23_1_central_african_republic.csv"
)
METHODS = ("model", "persistence", "climatology")


def evaluate(*args: str) -> dict:
    out = StringIO()
    call_command("forecast", "evaluate", *args, "--json", stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())


@pytest.fixture
def car() -> Mission:
    if not GED.is_file():
        skip_or_fail(f"{GED} is not there")
    report = import_ged(GED, mission_code="MINUSCA", create_missions=True)
    assert report.counts["incidents created"] == 1848
    return Mission.objects.get(code="MINUSCA")


def test_on_the_real_car_events_the_model_beats_both_baselines_at_admin1(car) -> None:
    data = evaluate(
        "--mission", "MINUSCA", "--unit", "admin1", "--horizon", "1",
        "--start", "2021-01", "--end", "2022-12", "--refit-every", "12",
    )  # fmt: skip
    assert (data["n_cells"], data["n_months"]) == (17, 24)
    model = data["model"]
    for baseline in ("persistence", "climatology"):
        assert model["brier"] < data[baseline]["brier"]
        assert model["average_precision"] > data[baseline]["average_precision"]


def test_on_the_real_car_events_h3_cells_are_evaluated_too(car) -> None:
    data = evaluate(
        "--mission", "MINUSCA", "--unit", "h3:3", "--horizon", "3",
        "--start", "2022-01", "--end", "2022-12", "--refit-every", "12",
    )  # fmt: skip
    assert data["n_months"] == 12 and data["n_cells"] > 17
    for method in METHODS:
        assert 0 <= data[method]["brier"] <= 1 and data[method]["mse_log"] >= 0


def test_on_the_demo_missions_generated_incidents_the_same_pipeline_runs(mission) -> None:
    assert demo_incidents(mission) > 7000
    data = evaluate(
        "--mission", "MINUSTEST", "--unit", "admin1", "--horizon", "2",
        "--start", "2025-07", "--end", "2026-10", "--refit-every", "8",
    )  # fmt: skip
    assert data["n_months"] == 16 and data["n_cells"] == 7  # Belnara's regions
    assert data["model"]["brier"] < data["persistence"]["brier"]
    out = StringIO()
    call_command(
        "forecast", "run", "--mission", "MINUSTEST", "--unit", "h3:4", "--months", "1",
        stdout=out,
    )  # fmt: skip
    run = ForecastRun.objects.get(mission=mission)
    assert run.origin_month.isoformat() == "2026-10-01" and run.unit == "h3:4"
    assert run.forecasts.count() == run.n_areas > 10
    assert set(run.track_record["1"]) >= {"model", "persistence", "climatology", "start"}
