"""``bluehelmet forecast`` (issue 6, item 4): clear one-line errors for every bad input, the
JSON keys researchers script against, and ``run`` storing forecasts with one audit entry."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from tests.forecasting_support import monthly_history

from bluehelmet.core.models import AuditEntry
from bluehelmet.forecasting.models import ForecastRun

pytestmark = pytest.mark.django_db


def forecast(*args: str) -> str:
    out = StringIO()
    call_command("forecast", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


EVALUATE = ["evaluate", "--mission", "MINUSTEST", "--unit", "admin1", "--horizon", "1"]
WINDOW = ["evaluate", "--start", "2022-01", "--end", "2022-12"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([*WINDOW, "--mission", "NOPE"], "Unknown mission"),
        ([*EVALUATE, "--start", "2022-1x", "--end", "2022-12"], "YYYY-MM"),
        ([*EVALUATE, "--start", "2022-06", "--end", "2022-01"], "after it ends"),
        ([*EVALUATE, "--start", "2020-06", "--end", "2022-12"], "Too little history"),
        ([*EVALUATE, "--start", "2022-06", "--end", "2023-06"], "cannot end later"),
        ([*EVALUATE[:-1], "13", "--start", "2022-06", "--end", "2022-12"], "1 to 12 months"),
        ([*WINDOW, "--mission", "MINUSTEST", "--unit", "h3:8"], "Unknown unit"),
        ([*EVALUATE, "--start", "2022-06", "--end", "2022-12", "--train-window", "-1"], "0 .all"),
        ([*EVALUATE, "--start", "2022-06", "--end", "2022-12", "--refit-every", "0"], "at least 1"),
        (["run", "--mission", "MINUSTEST", "--months", "0"], "1 to 12 months"),
        (["run", "--mission", "MINUSTEST", "--origin", "2021-01"], "Too little history"),
        (["run", "--mission", "MINUSTEST", "--as", "nobody"], "Unknown user"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_with_a_clear_message(mission, args, message) -> None:
    monthly_history(mission, months=36)
    with pytest.raises(CommandError, match=message):
        forecast(*args)
    assert not ForecastRun.objects.exists()


def test_a_mission_without_incidents_is_refused(mission) -> None:
    with pytest.raises(CommandError, match="no incidents"):
        forecast("evaluate", "--mission", "MINUSTEST", "--start", "2022-01", "--end", "2022-02")


def test_evaluate_prints_the_scores_of_the_model_and_both_baselines(mission) -> None:
    monthly_history(mission, months=36)
    args = [*EVALUATE, "--start", "2022-07", "--end", "2022-12", "--refit-every", "6"]
    data = json.loads(forecast(*args, "--json"))
    assert set(data) == {"model", "persistence", "climatology", "n_cells", "n_months"}
    for method in ("model", "persistence", "climatology"):
        assert set(data[method]) == {"brier", "average_precision", "mse_log"}
        assert 0 <= data[method]["brier"] <= 1
    assert (data["n_cells"], data["n_months"]) == (3, 6)
    table = forecast(*args)
    assert "| persistence |" in table and "18 area-months scored" in table


def test_run_stores_the_next_months_with_a_track_record_and_one_audit_entry(
    mission, make_user
) -> None:
    monthly_history(mission, months=36)
    analyst = make_user("jmac-analyst", mission, username="analyst")
    out = forecast("run", "--mission", "MINUSTEST", "--months", "2", "--as", "analyst")
    run = ForecastRun.objects.get()
    assert f"Run {run.pk}: 6 forecasts for 3 areas (admin1), 2 month(s) ahead of 2022-12" in out
    assert run.created_by == analyst and run.sensitivity == 1
    assert {f.target_month.isoformat() for f in run.forecasts.all()} == {"2023-01-01", "2023-02-01"}
    # 24 months back from the origin, but not before 24 months of history (2020-01 + 24 + 1).
    assert run.track_record["1"]["start"] == "2022-02" and run.track_record["1"]["end"] == "2022-12"
    entries = AuditEntry.objects.filter(verb="run_forecast")
    assert entries.count() == 1 and entries.get().actor == analyst


def test_run_refuses_a_user_whose_role_may_not_run_forecasts(mission, make_user) -> None:
    monthly_history(mission, months=36)
    make_user("component-staff", mission, username="staff")
    with pytest.raises(CommandError, match="does not run forecasts"):
        forecast("run", "--mission", "MINUSTEST", "--as", "staff")
    assert not ForecastRun.objects.exists()


def test_run_all_forecasts_every_active_mission_and_reports_the_ones_it_cannot(
    mission, other_mission
) -> None:
    from bluehelmet.core.models import MissionStatus

    monthly_history(mission, months=36)
    monthly_history(other_mission, months=3)  # too little history for a track record or fit
    for m in (mission, other_mission):
        m.status = MissionStatus.ACTIVE
        m.save()
    err = StringIO()
    with pytest.raises(CommandError, match="No forecast for UNOTHER") as refused:
        call_command("forecast", "run", "--all", stdout=StringIO(), stderr=err)
    assert refused.value.returncode == 3
    assert "UNOTHER:" in err.getvalue()
    (run,) = ForecastRun.objects.all()
    assert run.mission == mission and run.forecasts.exists()


def test_run_takes_a_mission_or_all_but_not_both(mission) -> None:
    with pytest.raises(CommandError, match="not allowed with"):
        forecast("run", "--mission", "MINUSTEST", "--all")
