"""Hotspots and trends (Capstone §7.2): the change tests, their words, and the counting."""

from __future__ import annotations

import datetime

import pytest
from tests.analysis_support import END, actor, make_history, surge_and_steady

from bluehelmet.analysis import hotspots as hs
from bluehelmet.analysis import linking, queries, trends
from bluehelmet.analysis.params import ParamError, Unit, counted_incidents, parse_window
from bluehelmet.operations.models import Incident, VerificationStatus


def series(counts):
    return hs.Series(counts=counts, killed=[0] * len(counts))


def spots(named):
    out = [hs.assess_unit(k, k, series(c)) for k, c in named.items()]
    hs.classify(out)
    return {s.key: s for s in out}


# -- the tests, without a database ----------------------------------------------------------


def test_a_surge_is_flagged_and_explained_in_words():
    result = spots({"Tabassi": [12] * 12 + [48], "Calm": [5] * 13})
    tabassi = result["Tabassi"]
    assert tabassi.flagged and tabassi.status == "rising"
    assert tabassi.p_baseline < 0.001
    text = hs.explain(tabassi, 30, 12)
    assert text == (
        "Tabassi: 48 incidents in the last 30 days against 12 expected from the previous 12 "
        "periods of 30 days (4.0x, p < 0.001); 12 in the 30 days before (p < 0.001)."
    )
    assert not result["Calm"].flagged


def test_a_steady_series_is_not_flagged_even_among_many_areas():
    # Forty areas with the ups and downs of ordinary months: none is flagged.
    wobble = [10, 8, 12, 9, 11, 10, 8, 12, 10, 9, 11, 10]
    result = spots({f"area{i}": [*wobble, 10 + i % 5] for i in range(40)})
    assert [s.key for s in result.values() if s.flagged] == []


def test_a_bursty_history_raises_the_bar():
    # The same count is a surge against a flat history but not against a bursty one.
    flat = hs.rise_p_value(20, [8] * 12)
    bursty = hs.rise_p_value(20, [0, 25, 1, 2, 18, 0, 3, 22, 1, 0, 17, 7])
    assert flat < 0.001 < 0.05 < bursty


def test_small_counts_and_new_areas():
    result = spots({"tiny": [0] * 12 + [3], "new": [0] * 12 + [9], "fall": [30] * 12 + [6]})
    assert not result["tiny"].flagged  # fewer than MIN_COUNT incidents
    assert result["new"].status == "new" and result["new"].flagged
    assert "had none" in hs.explain(result["new"], 30, 12)
    assert result["fall"].status == "falling" and not result["fall"].flagged


def test_previous_period_test_is_the_binomial_split_of_two_counts():
    assert hs.previous_p_value(10, 10) == 1.0
    assert hs.previous_p_value(0, 0) == 1.0
    assert hs.previous_p_value(20, 5) < 0.01
    assert hs.previous_p_value(5, 20) < 0.01


def test_benjamini_hochberg_adjusts_for_the_number_of_areas():
    q = hs.benjamini_hochberg([0.01, 0.04, 0.03, 0.5])
    assert q == pytest.approx([0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5])


# -- parameters -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"period": "banana"}, "period"),
        ({"period": "0d"}, "period"),
        ({"period": "400d"}, "period"),
        ({"since": "2025-13-01"}, "since"),
        ({"since": "2025-12-01", "until": "2025-11-01"}, "since"),
        ({"since": "2025-11-01", "period": "30d"}, "period"),
    ],
)
def test_bad_windows_are_refused_by_name(params, field):
    with pytest.raises(ParamError) as exc:
        parse_window(params, END, 30)
    assert field in exc.value.errors


def test_windows_are_whole_days_ending_with_the_last_day_given():
    window = parse_window({"period": "4w", "until": "2025-11-30"}, END, 30)
    assert window.days == 28
    assert window.last_day == END
    assert window.since == datetime.datetime(2025, 11, 3, tzinfo=datetime.UTC)
    window = parse_window({"since": "2025-11-01"}, END, 30)
    assert window.days == 30


@pytest.mark.parametrize("text", ["h3:9", "hex", "admin2", "h3:-1"])
def test_bad_units_are_refused(text):
    with pytest.raises(ParamError):
        Unit.parse(text)


# -- with incidents -------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_surging_admin_area_is_flagged_and_the_steady_one_is_not(mission):
    surge_and_steady(mission)
    incidents = counted_incidents(Incident.objects.filter(mission=mission))
    window = parse_window({"until": END.isoformat()}, END, 30)
    report = hs.find_hotspots(incidents, Unit("admin1"), window)
    by_key = {s.key: s for s in report.spots}
    assert [s.key for s in report.flagged] == ["Surgeville"]
    assert by_key["Surgeville"].count == 30 and by_key["Surgeville"].previous == 4
    assert by_key["Surgeville"].explanation.startswith(
        "Surgeville: 30 incidents in the last 30 days against 3 expected"
    )
    assert by_key["Steadyton"].status == "steady"
    assert by_key["Surgeville"].counts == [3, 2, 4, 3, 3, 2, 4, 3, 3, 2, 3, 4, 30]


@pytest.mark.django_db
def test_hexagons_roll_up_and_carry_their_outline(mission):
    surge_and_steady(mission)
    incidents = Incident.objects.filter(mission=mission)
    window = parse_window({"until": END.isoformat()}, END, 30)
    report = hs.find_hotspots(incidents, Unit("h3", 4), window)
    flagged = report.flagged
    assert len(flagged) == 1 and flagged[0].label.endswith("(Surgeville)")
    assert len(flagged[0].boundary) == 6 and flagged[0].key.startswith("84")


@pytest.mark.django_db
def test_duplicates_and_refuted_reports_are_not_counted(mission):
    originals = make_history(mission, "X", [0] * 12 + [6])
    make_history(mission, "X", [0] * 12 + [6], verification_status=VerificationStatus.REFUTED)
    copies = make_history(mission, "X", [0] * 12 + [6])
    for copy, original in zip(copies, originals, strict=True):
        copy.duplicate_of = original
    Incident.objects.bulk_update(copies, ["duplicate_of"])
    report = queries.hotspot_report(None, mission, {"until": END.isoformat()})
    assert report.spots == []  # the anonymous caller sees nothing at all
    incidents = counted_incidents(Incident.objects.filter(mission=mission))
    window = parse_window({"until": END.isoformat()}, END, 30)
    assert hs.find_hotspots(incidents, Unit("admin1"), window).spots[0].count == 6


@pytest.mark.django_db
def test_trends_by_category_and_by_actor_fill_every_month(mission):
    make_history(mission, "A", [2, 0, 3], days=30, actor1="M9J", end=datetime.date(2025, 3, 31))
    make_history(
        mission, "A", [1, 1, 1], category="crime", actor1="Bandits", end=datetime.date(2025, 3, 31)
    )
    actor(mission, "M9J")
    actor(mission, "Bandits", kind="criminal_group")
    linking.relink_mission(mission.pk)
    incidents = Incident.objects.filter(mission=mission)
    window = parse_window({"since": "2025-01-01", "until": "2025-03-31"}, END, 90, 3660)
    data = trends.category_trends(incidents, window, "month")
    assert data["periods"] == ["2025-01-01", "2025-02-01", "2025-03-01"]
    totals = {s["key"]: s["total"] for s in data["series"]}
    assert totals == {"clash-state": 5, "crime": 3}
    by_actor = trends.actor_trends(incidents, mission.actor_set.all(), window, "month")
    assert {s["label"]: s["total"] for s in by_actor["series"]} == {"M9J": 5, "Bandits": 3}
    rows = trends.trend_rows(data)
    assert len(rows) == 6 and all(len(r) == 5 for r in rows)
