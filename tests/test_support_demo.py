"""MINUSBEL's mission support in the demo (issue 18; Capstone §8.1-8.3): a contingent whose
self-sufficiency ends without its contracts, one battalion below its serviceability threshold,
an overdue logistics request, one team site below standard, one rotation short of training."""

from __future__ import annotations

import datetime
from typing import Any

from bluehelmet.support import models as m
from bluehelmet.support.training import training_compliance
from bluehelmet.support.verdicts import judge_mission

STORY_END = datetime.date(2026, 10, 31)


def open_flags(demo: Any) -> dict[str, list[str]]:
    judged = judge_mission(demo["MINUSBEL"], None, STORY_END)
    found: dict[str, list[str]] = {}
    for v in judged.open_flags:
        found.setdefault(v.code, []).append(v.explanation)
    return found


def test_given_the_demo_then_each_support_story_shows_as_a_flag(demo: Any) -> None:
    found = open_flags(demo)
    assert sorted(found) == [
        "contract-late",
        "premises-below-standard",
        "rotation-untrained",
        "serviceability-shortfall",
    ]
    assert len(found["contract-late"]) == 2
    assert all("Zambia Battalion" in text for text in found["contract-late"])
    assert ["Rwanda Battalion" in t for t in found["serviceability-shortfall"]] == [True]
    assert ["Team Site Bangassi" in t for t in found["premises-below-standard"]] == [True]
    assert ["Pakistan Battalion" in t for t in found["rotation-untrained"]] == [True]


def test_given_the_demo_then_the_head_of_mission_is_the_designated_official(demo: Any) -> None:
    [verdict] = judge_mission(demo["MINUSBEL"], None, STORY_END).security
    assert not verdict.flagged and "Head of Mission" in verdict.explanation


def test_given_the_demo_then_one_request_is_overdue_and_lead_times_are_counted(demo: Any) -> None:
    requests = list(m.SupplyRequest.objects.filter(mission=demo["MINUSBEL"]))
    overdue = [r for r in requests if r.is_overdue(STORY_END)]
    assert [(r.item, r.requesting_unit.name) for r in overdue] == [
        ("Diesel fuel", "Team Site Dorokou")
    ]
    assert sorted(r.lead_time_days for r in requests if r.lead_time_days is not None) == [
        12,
        15,
        18,
        21,
    ]


def test_given_the_demo_then_training_compliance_is_readable_by_conduct(demo: Any) -> None:
    rows = {
        r.contingent: r for r in training_compliance(demo["MINUSBEL"], user=None, today=STORY_END)
    }
    pakbatt = rows["Pakistan Battalion (PAKBATT)"]
    assert (pakbatt.required, pakbatt.done, pakbatt.complete) == (2550, 2260, False)
    assert sum(1 for r in rows.values() if r.complete) == 4


def test_given_the_demo_when_it_is_deleted_then_no_support_record_remains(demo: Any) -> None:
    from bluehelmet.demo.scenario import delete_demo

    delete_demo(lambda _message: None)
    assert not m.SupplyRequest.objects.exists()
    assert not m.Premises.objects.exists() and not m.SelfSufficiency.objects.exists()
