"""The force estimate from comparable missions and its backtest (Capstone §4.2), on the real
data in ../shared/data (TAMM v2.1, authorised-vs-deployed personnel, UCDP/PRIO ACD 25.1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import skip_or_fail
from tests.deployment_support import make_crisis

from bluehelmet.deployment import backtest, comparables
from bluehelmet.deployment.estimate import Profile, estimate, estimate_for_option

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


@pytest.fixture(scope="module")
def table():
    if not (DATA / comparables.TAMM).exists():
        skip_or_fail("../shared/data is not here")
    return comparables.build(DATA)


def test_given_the_real_data_then_the_shipped_table_is_what_the_command_builds(table, tmp_path):
    target = tmp_path / "t.csv"
    comparables.write(table, target)
    assert target.read_text() == comparables.TABLE.read_text()
    assert len(table) >= 50
    by_name = {c.mission: c for c in table}
    assert by_name["UNMOGIP"].kind == "traditional" and by_name["UNMOGIP"].observers == 45
    assert by_name["MINUSCA"].ch7 and by_name["MINUSCA"].troops == 10510


def test_given_the_backtest_then_comparables_beat_the_baseline_for_troops(table):
    scores = {(s.category, s.method): s for s in backtest.run(table)}
    assert (
        scores[("troops", "comparables")].median_abs_error
        < scores[("troops", "baseline")].median_abs_error
    )
    assert 0.3 <= scores[("troops", "comparables")].coverage <= 0.8
    assert "| troops | comparables |" in backtest.markdown(list(scores.values()))


def test_given_an_observer_profile_then_observer_missions_are_leaned_on(table):
    profile = Profile(frozenset({"peaceag_cease_monitor", "liaise_warpart"}), "traditional", False)
    result = estimate(profile, table)
    assert len(result.neighbours) == 5
    est, low, high = result.figures["observers"]
    assert low <= est <= high


@pytest.mark.django_db
def test_given_an_option_then_the_page_estimate_names_its_comparables():
    crisis = make_crisis()
    shown = estimate_for_option(crisis.options["multi"])
    assert [r["label"] for r in shown["rows"]] == ["Troops", "Police", "Military observers"]
    assert shown["rows"][0]["planned"] == 8000 and len(shown["comparables"]) == 5
    assert estimate_for_option(crisis.options["none"]) is None
