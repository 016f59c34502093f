"""Conduct figures in the periodic report to the Council (issue 16 and 18; Capstone §3.2, §9.1):
the suppressed aggregates only, through the report-section hook, never a case or its words."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from tests.conduct_support import case, contingent, leaks

from bluehelmet.conduct.report import conduct_paragraphs
from bluehelmet.core.registry import registry

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_report_carries_suppressed_conduct_figures_and_no_case(
    mission: Any, make_user: Any
) -> None:
    assert "conduct" in {s.key for s in registry.periodic_report_sections()}
    unit = contingent(mission)
    for _n in range(3):
        case(mission, contingent=unit)
    hom = make_user("head-of-mission", mission)
    text = " ".join(conduct_paragraphs(mission, D(2026, 7, 1), D(2026, 9, 30), hom) or [])
    assert "fewer than 5" in text and "3" not in text.split(":")[1][:5]
    assert leaks(text) == []
    for _n in range(4):
        case(mission, contingent=unit)
    text = " ".join(conduct_paragraphs(mission, D(2026, 7, 1), D(2026, 9, 30), None) or [])
    assert "to date: 7." in text and leaks(text) == []


def test_no_section_for_a_user_who_may_not_see_the_mission(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    stranger = make_user("joc-officer", other_mission)
    assert conduct_paragraphs(mission, D(2026, 7, 1), D(2026, 9, 30), stranger) is None
