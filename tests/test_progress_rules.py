"""Benchmark rules (issue 16; Capstone §10.2): outcomes not inputs, two independent sources,
the self-assessment against independent sources, deteriorations that must be reported; each
verdict in plain words and overridable with a recorded reason."""

from __future__ import annotations

from typing import Any

import pytest
from tests.progress_support import D, benchmark, indicator, observe, optimistic_indicator

from bluehelmet.benchmarks import actions
from bluehelmet.benchmarks.verdicts import judge_mission, must_report
from bluehelmet.core.audit import AuditEntry
from bluehelmet.core.errors import ActionError

pytestmark = pytest.mark.django_db


def verdicts(mission: Any, ind: Any) -> dict[str, Any]:
    judged = next(j for j in judge_mission(mission, None) if j.indicator == ind)
    return {v.code: v for v in judged.verdicts}


def test_an_output_indicator_is_flagged_as_not_an_outcome(mission: Any) -> None:
    ind = indicator(benchmark(mission), "Patrols conducted", level="output")
    found = verdicts(mission, ind)["not-outcome"]
    assert found.flagged and "effort, not progress" in found.explanation
    assert found.citation == "Capstone §10.2"
    assert not verdicts(mission, indicator(benchmark(mission, "B2")))["not-outcome"].flagged


def test_fewer_than_two_independent_sources_is_flagged(mission: Any) -> None:
    ind = indicator(benchmark(mission))
    observe(ind, D(2026, 6, 30), 70, "self_assessment", "Mission self-assessment")
    observe(ind, D(2026, 6, 30), 72, "mission_data", "JOC incidents", independent=True)
    observe(ind, D(2026, 6, 30), 90, "host_government", "Ministry of Interior")
    found = verdicts(mission, ind)["few-sources"]
    # The JOC's own data is never independent, whatever the caller said.
    assert found.flagged and "1 independent source(s) (Ministry of Interior)" in found.explanation
    observe(ind, D(2026, 6, 1), 95, "un_country_team", "OHCHR")
    assert not verdicts(mission, ind)["few-sources"].flagged


def test_sources_older_than_the_window_do_not_count(mission: Any) -> None:
    ind = indicator(benchmark(mission))
    observe(ind, D(2025, 1, 1), 100, "survey", "Old survey")
    observe(ind, D(2026, 6, 30), 90, "host_government", "Ministry of Interior")
    assert verdicts(mission, ind)["few-sources"].flagged


def test_persistent_over_optimism_is_flagged(mission: Any) -> None:
    ind = optimistic_indicator(mission)
    found = verdicts(mission, ind)["over-optimism"]
    assert found.flagged and "Over-optimistic in the last 2 comparisons" in found.explanation


def test_one_optimistic_reading_is_not_yet_persistent(mission: Any) -> None:
    ind = indicator(benchmark(mission))
    observe(ind, D(2026, 3, 31), 100, "self_assessment", "Mission")
    observe(ind, D(2026, 3, 31), 101, "survey", "Survey")
    observe(ind, D(2026, 6, 30), 60, "self_assessment", "Mission")
    observe(ind, D(2026, 6, 30), 100, "survey", "Survey")
    assert not verdicts(mission, ind)["over-optimism"].flagged


def test_a_deterioration_must_be_reported_until_dismissed_with_a_reason(mission: Any) -> None:
    ind = indicator(benchmark(mission), threshold=150)
    observe(ind, D(2026, 3, 31), 90, "survey", "Household survey")
    observe(ind, D(2026, 6, 30), 130, "survey", "Household survey")
    found = verdicts(mission, ind)["deterioration"]
    assert found.flagged and "must appear in the next report" in found.explanation
    assert found.subject == f"indicator:{ind.pk}|since:2026-06-30"
    assert [j.indicator for j in must_report(judge_mission(mission, None))] == [ind]

    actions.do_override_benchmark_verdict(
        mission,
        rule="deterioration",
        subject=found.subject,
        decision="dismissed",
        reason="Survey sample changed; not comparable.",
        acting_user=None,
    )
    assert verdicts(mission, ind)["deterioration"].dismissed
    assert must_report(judge_mission(mission, None)) == []
    assert AuditEntry.objects.filter(note="Survey sample changed; not comparable.").count() == 1
    # A new deterioration is judged afresh: the decision was about the earlier one.
    observe(ind, D(2026, 9, 30), 160, "survey", "Household survey")
    assert verdicts(mission, ind)["deterioration"].override is None
    assert len(must_report(judge_mission(mission, None))) == 1


def test_a_reading_beyond_the_threshold_is_a_deterioration(mission: Any) -> None:
    ind = indicator(benchmark(mission), threshold=100, direction="decrease")
    observe(ind, D(2026, 6, 30), 101, "survey", "Household survey")
    assert "beyond the threshold of 100" in verdicts(mission, ind)["deterioration"].explanation


def test_an_override_needs_a_known_rule_and_a_reason(mission: Any) -> None:
    with pytest.raises(ActionError) as exc:
        actions.do_override_benchmark_verdict(
            mission,
            rule="few-sources",
            subject="indicator:1",
            decision="accepted",
            reason=" ",
            acting_user=None,
        )
    assert exc.value.code == "invalid"
    with pytest.raises(ActionError):
        actions.do_override_benchmark_verdict(
            mission,
            rule="nope",
            subject="indicator:1",
            decision="accepted",
            reason="x",
            acting_user=None,
        )
