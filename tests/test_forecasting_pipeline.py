"""The forecasting pipeline on small synthetic panels (issue 6, item 3): the panel counts quiet
months, features never look past their month, baselines and metrics give known values, the
model is deterministic. No database."""

from __future__ import annotations

import math

import numpy as np
import pytest
from h3.api import basic_int as h3int

from bluehelmet.forecasting.backtest import (
    BacktestError,
    BacktestErrorCode,
    evaluate,
    score,
    training_rows,
)
from bluehelmet.forecasting.features import build_features, decayed, lagged, seasonal_share
from bluehelmet.forecasting.model import Forecaster, ModelParams
from bluehelmet.forecasting.panel import (
    PanelError,
    Site,
    Unit,
    actor_diversity,
    add_presence,
    build_panel,
    h3_area,
    make_records,
    month_label,
    parse_month,
)

JAN_2020 = parse_month("2020-01")


def toy_records(months: int = 36, seed: int = 1, areas: tuple[str, ...] = ("North", "South")):
    """Incidents in a few admin-1 areas over ``months`` months; North is violent, South rarely."""
    rng = np.random.default_rng(seed)
    rows = []
    for m in range(months):
        for i, area in enumerate(areas):
            if rng.random() < (0.6 if i == 0 else 0.15):
                killed = int(rng.integers(0, 5))
                lat, lon = 5.0 + i, 20.0 + 0.5 * i
                rows.append((JAN_2020 + m, area, killed, f"Group {m % 3}", "Civilians", lat, lon))
    return make_records(rows)


def test_given_an_area_with_gaps_when_the_panel_is_built_then_quiet_months_are_zeros() -> None:
    records = make_records(
        [
            (JAN_2020, "A", 2, "X", "", 1.0, 1.0),
            (JAN_2020 + 3, "A", 0, "X", "", 1.0, 1.0),
            (JAN_2020 + 3, "B", 5, "Y", "", 2.0, 2.0),
            (JAN_2020 + 3, "", 9, "Z", "", None, None),  # no area at this unit: left out
        ]
    )
    panel = build_panel(records, Unit("admin1"))
    assert panel.areas == ["A", "B"]
    assert month_label(panel.start) == "2020-01" and panel.n_months == 4
    assert panel.events.tolist() == [[1, 0, 0, 1], [0, 0, 0, 1]]
    assert panel.fatalities.tolist() == [[2, 0, 0, 0], [0, 0, 0, 5]]
    assert panel.fatal.tolist() == [[1, 0, 0, 0], [0, 0, 0, 1]]
    # Extended with quiet months up to a later end; B unknown before month 3.
    longer = build_panel(records, Unit("admin1"), end=JAN_2020 + 5)
    assert longer.n_months == 6 and longer.until(2).areas == ["A"]


def test_given_h3_res5_cells_when_asked_for_res4_then_their_parents_are_the_areas() -> None:
    cell5 = h3int.latlng_to_cell(4.36, 18.55, 5)
    assert h3_area(cell5, 4) == format(h3int.cell_to_parent(cell5, 4), "x")
    assert h3_area(cell5, 5) == format(cell5, "x")
    assert h3_area(None, 4) == ""


@pytest.mark.parametrize("text", ["", "h3", "h3:8", "h3:-1", "admin2", "H3:x"])
def test_given_a_bad_unit_then_the_message_lists_the_valid_ones(text: str) -> None:
    with pytest.raises(PanelError, match="use admin1, or h3:<resolution>"):
        Unit.parse(text)


@pytest.mark.parametrize("text", ["2015", "2015-13", "15-01", "2015/01", "x"])
def test_given_a_bad_month_then_the_message_shows_the_form(text: str) -> None:
    with pytest.raises(PanelError, match="YYYY-MM"):
        parse_month(text)


def test_given_an_actor_seen_twice_within_a_year_then_it_counts_once_for_twelve_months() -> None:
    counts = actor_diversity([(0, 0, "X"), (0, 5, "X"), (0, 5, "Y")], (1, 20))
    # X covers months 0-16 (seen at 0 and 5), Y months 5-16.
    assert counts[0].tolist() == [1] * 5 + [2] * 12 + [0] * 3


def test_lags_decays_and_seasonal_share_use_only_earlier_months() -> None:
    x = np.array([[1.0, 0.0, 0.0, 2.0]])
    assert lagged(x, 1).tolist() == x.tolist()
    assert lagged(x, 2).tolist() == [[0.0, 1.0, 0.0, 0.0]]
    assert decayed(x, 1).tolist() == [[1.0, 0.5, 0.25, 2.125]]
    fatal = np.zeros((1, 30))
    fatal[0, [2, 14]] = 1.0  # March of two years
    share = seasonal_share(fatal, horizon=1)
    # At month 25 (February of year 3) the target is March: fatal in both earlier Marches.
    assert share[0, 25] == 1.0
    assert share[0, 13] == 1.0 and share[0, 1] == 0.0  # Feb year 2: one March seen, fatal


@pytest.mark.parametrize("unit", ["admin1", "h3:4"])
def test_given_changed_future_incidents_then_features_up_to_the_origin_do_not_change(
    unit: str,
) -> None:
    records = toy_records()
    if unit != "admin1":  # place the same incidents in H3 cells
        records.area = [
            format(h3int.latlng_to_cell(lat, lon, 4), "x")
            for lat, lon in zip(records.latitude, records.longitude, strict=True)
        ]
    origin = 20
    altered = make_records(
        [
            (m, a, k * 10 + 7 if m > JAN_2020 + origin else k, "New " + a1, a2, lat + 1, lon)
            for m, a, k, a1, a2, lat, lon in zip(
                records.month,
                records.area,
                records.killed,
                records.actor1,
                records.actor2,
                records.latitude,
                records.longitude,
                strict=True,
            )
        ]
    )
    parsed = Unit.parse(unit)
    before = build_features(build_panel(records, parsed).until(origin), 3)
    after = build_features(build_panel(altered, parsed).until(origin), 3)
    np.testing.assert_array_equal(before.values, after.values)
    assert before.values.shape[1] == origin + 1


def test_given_an_origin_then_no_training_target_is_later_than_it() -> None:
    known = build_panel(toy_records(), Unit("admin1")).until(20)
    x, fatal, log_fat, _ = training_rows(known, horizon=3, window=None)
    # Rows are months 0..17: their targets (months 3..20) are all observed by the origin.
    assert x.shape[0] == known.n_areas * (21 - 3)
    assert np.isfinite(fatal).all() and np.isfinite(log_fat).all()
    assert np.array_equal(fatal.reshape(2, 18), known.fatal[:, 3:21])


def test_baselines_on_a_toy_panel_have_their_exact_values() -> None:
    rows = []
    for m in range(30):  # A fatal every even month; B fatal only in month 28
        rows.append((JAN_2020 + m, "A", 2 if m % 2 == 0 else 0, "", "", 1.0, 1.0))
        if m in (0, 28):
            rows.append((JAN_2020 + m, "B", 1 if m == 28 else 0, "", "", 2.0, 2.0))
    panel = build_panel(make_records(rows), Unit("admin1"))
    target = JAN_2020 + 29  # origin month 28
    result = evaluate(panel, 1, target, target, refit_every=1)
    r = result.rows
    assert r["area"].tolist() == [0, 1]
    assert r["persistence_p"].tolist() == [1.0, 1.0]
    assert r["persistence_log"].tolist() == pytest.approx([math.log(3), math.log(2)])
    assert r["climatology_p"].tolist() == pytest.approx([15 / 29, 1 / 29])
    assert r["climatology_log"].tolist() == pytest.approx([15 * math.log(3) / 29, math.log(2) / 29])
    assert r["fatal"].tolist() == [0.0, 0.0]  # month 29: A quiet, B quiet
    assert result.as_dict()["persistence"]["brier"] == 1.0
    assert set(result.as_dict()) == {"model", "persistence", "climatology", "n_cells", "n_months"}


def test_metrics_have_their_known_values() -> None:
    y = np.array([1.0, 0.0, 1.0, 0.0])
    p = np.array([0.9, 0.8, 0.3, 0.1])
    s = score(y, p, np.log1p([2.0, 0.0, 1.0, 0.0]), np.log1p([1.0, 0.0, 1.0, 1.0]))
    assert s.brier == pytest.approx((0.01 + 0.64 + 0.49 + 0.01) / 4)
    assert s.average_precision == pytest.approx((1 + 2 / 3) / 2)
    assert s.mse_log == pytest.approx(((math.log(3) - math.log(2)) ** 2 + math.log(2) ** 2) / 4)
    assert score(np.zeros(3), np.zeros(3), np.zeros(3), np.zeros(3)).average_precision is None


def test_the_model_is_deterministic_and_calibrated_between_zero_and_one() -> None:
    known = build_panel(toy_records(months=60, areas=("N", "S", "E", "W")), Unit("admin1"))
    x, fatal, log_fat, _ = training_rows(known, 1, None)
    params = ModelParams(max_iter=30)
    first = Forecaster(params, intervals=True).fit(x, fatal, log_fat).predict(x[:20])
    second = Forecaster(params, intervals=True).fit(x, fatal, log_fat).predict(x[:20])
    np.testing.assert_array_equal(first.probability, second.probability)
    assert ((first.probability >= 0) & (first.probability <= 1)).all()
    assert (first.low <= first.log_fatalities).all() and (first.log_fatalities <= first.high).all()


def test_with_no_fatal_month_to_learn_from_the_probability_is_the_base_rate() -> None:
    model = Forecaster().fit(np.zeros((50, 3)), np.zeros(50), np.zeros(50))
    assert model.predict(np.zeros((2, 3))).probability.tolist() == [0.0, 0.0]
    assert "base rate" in model.notes[0]


@pytest.mark.parametrize(
    ("horizon", "start", "end", "code"),
    [
        (0, "2022-01", "2022-02", BacktestErrorCode.BAD_HORIZON),
        (1, "2022-03", "2022-02", BacktestErrorCode.BAD_WINDOW),
        (1, "2022-01", "2023-02", BacktestErrorCode.NO_DATA),
        (1, "2021-01", "2022-02", BacktestErrorCode.TOO_LITTLE_HISTORY),
    ],
)
def test_bad_backtest_windows_are_refused_with_a_reason(
    horizon: int, start: str, end: str, code: BacktestErrorCode
) -> None:
    panel = build_panel(toy_records(), Unit("admin1"))  # 2020-01 .. 2022-12
    with pytest.raises(BacktestError) as caught:
        evaluate(panel, horizon, parse_month(start), parse_month(end))
    assert caught.value.code == code


def test_mission_locations_count_as_presence_in_their_area_while_open() -> None:
    panel = build_panel(toy_records(months=6), Unit("admin1"), end=JAN_2020 + 5)
    sites = [Site(5.0, 20.0, "north", opened=JAN_2020 + 2, closed=JAN_2020 + 4), Site(0, 0, "?")]
    presence = add_presence(panel, sites).presence
    assert presence[0].tolist() == [0, 0, 1, 1, 0, 0] and presence[1].sum() == 0
