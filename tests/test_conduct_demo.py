"""MINUSBEL's misconduct cases in the demo (issue 18; Capstone §3.2): cases at every stage,
one overdue, seen by the demo conduct officer and Head of Mission only; the figures others
see suppress the small counts."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from tests.pages_support import client_for

from bluehelmet.conduct import figures, rules
from bluehelmet.conduct import models as m

END = datetime.date(2026, 10, 31)  # the demo is built as of the story's end


def test_given_the_demo_then_cases_stand_at_every_stage_and_one_is_overdue(demo: Any) -> None:
    cases = m.MisconductAllegation._base_manager.filter(mission=demo["MINUSBEL"])
    assert cases.count() == 12
    assert set(cases.values_list("stage", flat=True)) == set(m.Stage.values)
    overdue = [
        (c.contingent.name if c.contingent else "", v.code)
        for c in cases
        for v in rules.open_flags(rules.timeline(c, END))
    ]
    assert overdue == [("Pakistan Battalion (PAKBATT)", "outcome")]


def test_given_the_demo_then_the_officer_sees_cases_and_the_joc_the_figures(demo: Any) -> None:
    users = get_user_model().objects
    officer = users.get(username="minusbel.conduct-discipline")
    joc = users.get(username="minusbel.joc-officer")
    assert m.MisconductAllegation.objects.restrict(officer).count() == 12
    assert m.MisconductAllegation.objects.restrict(joc).count() == 0
    found = figures.mission_figures(demo["MINUSBEL"], user=joc)
    assert found is not None and found.total.text == "12"
    by_cont = {c.label: c.text for c in found.by_contingent}
    assert by_cont["Bangladesh Battalion (BANBAT-2)"] == "6"
    assert by_cont["Pakistan Battalion (PAKBATT)"] == "fewer than 5"
    page = client_for(joc).get("/missions/MINUSBEL/conduct/").content.decode()
    assert "fewer than 5" in page and "MINUSBEL-CDT" not in page
    assert "% (short)" in page  # the Pakistani rotation's training, beside its figures
    overview = client_for(joc).get("/missions/MINUSBEL/").content.decode()
    assert "conduct-panel" in overview and "MINUSBEL-CDT" not in overview
