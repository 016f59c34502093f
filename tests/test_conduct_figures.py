"""The figures everyone viewing a mission sees (Capstone §3.2): counts by category and
contingent and per 100 personnel, small counts suppressed so that no case can be singled out,
and no case, reference or word of free text in what the function returns."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.conduct_support import D, case, contingent, leaks

from bluehelmet.conduct import figures
from bluehelmet.conduct.figures import PRIMARY, SECONDARY, Cell, suppress

pytestmark = pytest.mark.django_db


def texts(cells: list[Cell]) -> list[str]:
    return [c.text for c in cells]


def test_a_count_below_five_reads_fewer_than_five() -> None:
    cells = suppress([Cell("a", 3), Cell("b", 6), Cell("c", 7)], 16)
    assert texts(cells) == ["fewer than 5", "withheld", "7"]
    assert [c.suppressed for c in cells] == [PRIMARY, SECONDARY, ""]


def test_one_suppressed_cell_cannot_be_worked_out_from_the_total() -> None:
    """Given a total of 16 shown, "3 / fewer than 5 / 7" alone would give 6 by subtraction:
    the smallest other non-zero cell is withheld too."""
    cells = suppress([Cell("a", 2), Cell("b", 0), Cell("c", 9), Cell("d", 12)], 23)
    assert texts(cells) == ["fewer than 5", "0", "withheld", "12"]


def test_two_small_cells_need_no_second_suppression() -> None:
    cells = suppress([Cell("a", 2), Cell("b", 3), Cell("c", 9)], 14)
    assert texts(cells) == ["fewer than 5", "fewer than 5", "9"]


def test_a_small_total_suppresses_the_whole_group_zeros_included() -> None:
    """A zero beside a small total would say where the few cases are."""
    cells = suppress([Cell("a", 0), Cell("b", 4)], 4)
    assert texts(cells) == ["fewer than 5", "fewer than 5"]


def test_rates_of_suppressed_cells_are_withheld() -> None:
    shown, hidden = (
        Cell("a", 10, 850),
        Cell(
            "b",
            3,
            400,
        ),
    )
    suppress([shown, hidden, Cell("c", 11, 10)], 24)
    assert shown.per_100 is None  # withheld as the second cell
    assert hidden.per_100 is None
    assert Cell("d", 17, 850).per_100 == "2.00"


def test_mission_figures_count_by_category_and_contingent(mission: Any, make_user: Any) -> None:
    bat = contingent(mission, "BANBAT 1", strength=800)
    fpu = contingent(mission, "SENFPU 1", "SEN", unit_type="formed_police_unit", strength=140)
    for _ in range(6):
        case(mission, contingent=bat)
    for _ in range(2):
        case(mission, category="serious", personnel_category="police", contingent=fpu)
    for _ in range(5):
        case(mission, category="minor", personnel_category="national_civilian")
    joc = make_user("joc-officer", mission)
    found = figures.mission_figures(mission, user=joc)
    assert found is not None
    assert found.total.count == 13
    by_cat = {c.label: c.text for c in found.by_category}
    assert by_cat == {
        "Sexual exploitation and abuse": "6",
        "Other serious misconduct": "fewer than 5",
        "Minor misconduct": "withheld",
    }
    by_cont = {c.label: (c.text, c.per_100) for c in found.by_contingent}
    assert by_cont["BANBAT 1"] == ("6", "0.75")
    assert by_cont["SENFPU 1"] == ("fewer than 5", None)
    assert by_cont["Not in a contingent (civilians, individual officers)"][0] == "withheld"
    dumped = json.dumps(found.as_dict())
    assert not leaks(dumped) and "CDT" not in dumped


def test_a_user_outside_the_mission_gets_no_figures(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    case(mission)
    assert figures.mission_figures(mission, user=make_user("joc-officer", other_mission)) is None
    assert figures.mission_figures(mission, user=make_user("researcher")) is not None


def test_the_rate_uses_the_latest_deployed_strength(mission: Any) -> None:
    from bluehelmet.mandates.models import DeployedStrength

    for _ in range(5):
        case(mission)
    DeployedStrength.objects.create(
        mission=mission, month=D(2026, 1, 1), troops=9000, civilians=1000
    )
    assert figures.compute(mission).total.per_100 == "0.05"
