"""The drawdown plan (issue 16; Capstone §6.1: withdrawal): contingents to repatriate and sites
to close, carried out by an action that updates the organisation, read by the liquidation
gate, against the deployed-strength series, and in the periodic report."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from tests.pages_support import client_for
from tests.reports_support import Q3, section, text_of

from bluehelmet.core.audit import AuditEntry
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Contingent, ContributingCountry, OrgUnit, OrgUnitKind
from bluehelmet.core.phases import Phase
from bluehelmet.lifecycle.actions import do_complete_drawdown_step
from bluehelmet.lifecycle.gates import check_gates
from bluehelmet.lifecycle.models import DrawdownStep
from bluehelmet.mandates.models import AuthorisedStrength, DeployedStrength
from bluehelmet.reports.actions import do_draft_periodic_report

pytestmark = pytest.mark.django_db
D = datetime.date


def contingent(mission: Any, name: str = "NEPBATT", strength: int = 800) -> Contingent:
    country, _made = ContributingCountry.objects.get_or_create(iso3="NPL")
    return Contingent.objects.create(
        mission=mission,
        country=country,
        name=name,
        unit_type="infantry_battalion",
        strength=strength,
        status="deployed",
        arrival_date=D(2025, 3, 1),
    )


def site(mission: Any, name: str = "Team Site Alpha") -> OrgUnit:
    return OrgUnit.objects.create(
        mission=mission,
        kind=OrgUnitKind.TEAM_SITE,
        name=name,
        latitude=5.0,
        longitude=21.0,
        established_on=D(2025, 2, 1),
    )


def plan(mission: Any) -> tuple[DrawdownStep, DrawdownStep]:
    unit = contingent(mission)
    leave = DrawdownStep.objects.create(
        mission=mission,
        kind="repatriation",
        contingent=unit,
        personnel=800,
        planned_on=D(2026, 11, 30),
    )
    close = DrawdownStep.objects.create(
        mission=mission, kind="site_closure", org_unit=site(mission), planned_on=D(2026, 12, 31)
    )
    return leave, close


def gate(mission: Any) -> Any:
    return next(c for c in check_gates(mission, Phase.LIQUIDATION) if c.code == "drawdown_complete")


def test_no_liquidation_before_the_drawdown_is_carried_out(mission: Any) -> None:
    found = gate(mission)
    assert not found.passed and "drawdown plan is empty" in found.explanation
    leave, close = plan(mission)
    found = gate(mission)
    assert not found.passed and "2 of 2 drawdown steps are not carried out" in found.explanation
    do_complete_drawdown_step(leave, completed_on=D(2026, 11, 28), acting_user=None)
    do_complete_drawdown_step(close, completed_on=D(2027, 1, 2), acting_user=None)
    assert gate(mission).passed and found.citation == "Capstone §6.1"
    # Carrying the steps out changed the organisation the other gates read.
    assert Contingent.objects.get(pk=leave.contingent_id).status == "repatriated"
    assert OrgUnit.objects.get(pk=close.org_unit_id).closed_on == D(2027, 1, 2)
    assert next(c for c in check_gates(mission, Phase.LIQUIDATION)).passed
    assert AuditEntry.objects.filter(verb="complete_drawdown_step").count() == 2
    with pytest.raises(ActionError) as exc:
        do_complete_drawdown_step(leave, acting_user=None)
    assert exc.value.status == 409


def test_a_step_names_what_it_is_about(mission: Any, other_mission: Any) -> None:
    bad = DrawdownStep(mission=mission, kind="repatriation", planned_on=D(2026, 11, 1))
    with pytest.raises(ValidationError, match="one contingent"):
        bad.full_clean()
    bad = DrawdownStep(
        mission=mission, kind="site_closure", org_unit=site(other_mission), planned_on=D(2026, 1, 1)
    )
    with pytest.raises(ValidationError, match="another mission"):
        bad.full_clean()


def test_a_member_without_the_right_cannot_carry_a_step_out(mission: Any, make_user: Any) -> None:
    leave, _close = plan(mission)
    with pytest.raises(ActionError) as exc:
        do_complete_drawdown_step(leave, acting_user=make_user("partner-liaison", mission))
    assert exc.value.status == 403
    assert Contingent.objects.get(pk=leave.contingent_id).status == "deployed"


def test_the_pages_read_the_plan_against_the_strength(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    leave, _close = plan(mission)
    DeployedStrength.objects.create(mission=mission, month=D(2026, 10, 1), troops=2000, police=300)
    web = client_for(make_user("head-of-mission", mission))
    page = web.get(f"/drawdown-steps/?mission={mission.code}").content.decode()
    assert "NEPBATT" in page and 'id="drawdown-outlook"' in page
    assert "2300 uniformed personnel deployed" in page and "leaving 1500" in page
    response = web.post(f"/drawdown-steps/{leave.pk}/complete/")
    assert response.status_code == 302
    assert DrawdownStep.objects.get(pk=leave.pk).done
    stranger = client_for(make_user("head-of-mission", other_mission))
    assert stranger.get(f"/drawdown-steps/{leave.pk}/").status_code == 404
    assert stranger.post(f"/drawdown-steps/{leave.pk}/complete/").status_code == 404


def test_the_api_keeps_completion_an_action(mission: Any, make_user: Any) -> None:
    unit = contingent(mission, "ZAMBATT", 750)
    web = client_for(make_user("head-of-mission", mission))
    made = web.post(
        "/api/drawdown-steps/",
        json.dumps(
            {
                "mission": mission.code,
                "kind": "repatriation",
                "contingent": unit.pk,
                "personnel": 750,
                "planned_on": "2026-12-01",
                "completed_on": "2026-11-01",
            }
        ),
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    assert made.json()["completed_on"] is None
    pk = made.json()["id"]
    done = web.post(f"/api/drawdown-steps/{pk}/complete/", {"on": "2026-12-02"})
    assert done.status_code == 200 and done.json()["completed_on"] == "2026-12-02"
    assert web.post(f"/api/drawdown-steps/{pk}/complete/").status_code == 409


def test_the_periodic_report_carries_the_strength_and_the_drawdown(mission: Any) -> None:
    AuthorisedStrength.objects.create(mission=mission, effective_from=D(2025, 1, 1), troops=2500)
    DeployedStrength.objects.create(mission=mission, month=D(2026, 9, 1), troops=2000)
    DeployedStrength.objects.create(mission=mission, month=D(2026, 10, 1), troops=1000)
    leave, _close = plan(mission)
    do_complete_drawdown_step(leave, completed_on=D(2026, 8, 15), acting_user=None)
    content = do_draft_periodic_report(mission, *Q3, acting_user=None).content
    text = text_of(section(content, "Personnel against authorised strength"))
    assert "Drawdown plan: 1 steps carried out in the period; 1 open steps will take out 0" in text
    # The last month of the period, not the month after it.
    table = section(content, "Personnel against authorised strength")["tables"][0]
    assert table["rows"][0] == ["troops", 2500, 2000, "80%"]
