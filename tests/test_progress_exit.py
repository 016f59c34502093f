"""Hand-over and liquidation (issue 16; Capstone §10.1-10.2, §6.1): the hand-over plan and the
liquidation asset register of the lifecycle app, the gates that read them (no liquidation
before the drawdown is complete, no closure with undecided assets), approvals as actions, and
the readiness page that shows both."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from rest_framework.test import APIClient
from tests.pages_support import client_for
from tests.progress_support import D

from bluehelmet.core.audit import AuditEntry
from bluehelmet.core.errors import ActionError
from bluehelmet.core.phases import Phase
from bluehelmet.lifecycle.actions import do_approve_asset_disposal, do_complete_asset_disposal
from bluehelmet.lifecycle.gates import check_gates
from bluehelmet.lifecycle.models import AssetDisposal, HandoverItem

pytestmark = pytest.mark.django_db


def item(mission: Any, **extra: Any) -> HandoverItem:
    fields = {
        "responsibility": "Protection of civilians",
        "receiver_kind": "host_government",
        "receiver": "National police",
        "admin1": "Bas-Sanvi",
        "planned_on": D(2026, 9, 1),
        **extra,
    }
    return HandoverItem.objects.create(mission=mission, **fields)


def asset(mission: Any, method: str = "", **extra: Any) -> AssetDisposal:
    return AssetDisposal.objects.create(
        mission=mission,
        asset="Armoured personnel carrier",
        category="vehicles",
        quantity=4,
        value=Decimal(1200000),
        method=method,
        **extra,
    )


def gate(mission: Any, phase: str, code: str) -> Any:
    return next(c for c in check_gates(mission, phase) if c.code == code)


def test_no_liquidation_before_every_item_is_handed_over(mission: Any) -> None:
    found = gate(mission, Phase.LIQUIDATION, "handover_complete")
    assert not found.passed and "drawdown plan is empty" in found.explanation
    done = item(mission, status="handed_over", completed_on=D(2026, 9, 20))
    item(mission, responsibility="Prison security", admin1="")
    found = gate(mission, Phase.LIQUIDATION, "handover_complete")
    assert not found.passed and "1 of 2 hand-over items" in found.explanation
    HandoverItem.objects.exclude(pk=done.pk).update(
        status="handed_over", completed_on=D(2026, 10, 1)
    )
    assert gate(mission, Phase.LIQUIDATION, "handover_complete").passed


def test_no_closure_with_undecided_assets(mission: Any) -> None:
    assert gate(mission, Phase.CLOSED, "assets_disposed").passed
    undecided = asset(mission)
    assert undecided.status == "undecided"
    proposed = asset(mission, "transfer", recipient="MINUSTAM")
    assert proposed.status == "proposed"
    found = gate(mission, Phase.CLOSED, "assets_disposed")
    assert not found.passed and "2 assets are not disposed of yet, 2 of them" in found.explanation
    do_approve_asset_disposal(proposed, approved_on=D(2026, 10, 1), acting_user=None)
    do_complete_asset_disposal(proposed, completed_on=D(2026, 10, 20), acting_user=None)
    assert (
        "1 assets are not disposed of yet, 1 of them"
        in gate(mission, Phase.CLOSED, "assets_disposed").explanation
    )
    with pytest.raises(ActionError) as exc:
        do_approve_asset_disposal(undecided, acting_user=None)
    assert exc.value.code == "no_method"
    with pytest.raises(ActionError) as exc:
        do_complete_asset_disposal(undecided, acting_user=None)
    assert exc.value.code == "not_approved"
    assert AuditEntry.objects.filter(verb="approve_asset_disposal").count() == 1


def test_disposals_through_the_api(mission: Any, other_mission: Any, make_user: Any) -> None:
    staff = APIClient()
    staff.force_authenticate(make_user("mission-support", mission))
    made = staff.post(
        "/api/asset-disposals/",
        {
            "mission": mission.code,
            "asset": "Generators",
            "category": "power",
            "quantity": 12,
            "value": "240000",
            "method": "gift",
            "recipient": "Ministry of Energy",
            "status": "completed",
        },
        format="json",
    )
    assert made.status_code == 201, made.content
    assert made.json()["status"] == "proposed"  # status is read-only: approval is an action
    pk = made.json()["id"]
    refused = staff.post(f"/api/asset-disposals/{pk}/approve/", {"on": "2026-10-02"})
    assert refused.status_code == 403
    hom = APIClient()
    hom.force_authenticate(make_user("head-of-mission", mission))
    approved = hom.post(f"/api/asset-disposals/{pk}/approve/", {"on": "2026-10-02"})
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    stranger = APIClient()
    stranger.force_authenticate(make_user("head-of-mission", other_mission))
    assert stranger.get(f"/api/asset-disposals/{pk}/").status_code == 404
    handed = hom.post(
        "/api/handover-items/",
        {
            "mission": mission.code,
            "responsibility": "DDR camps",
            "receiver_kind": "un_country_team",
            "receiver": "UNDP",
            "planned_on": "2026-11-01",
            "status": "handed_over",
        },
        format="json",
    )
    assert handed.status_code == 400 and "completed_on" in handed.json()


def test_the_readiness_page_shows_the_plan_and_the_register(mission: Any, make_user: Any) -> None:
    item(mission, status="handed_over", completed_on=D(2026, 9, 20))
    proposed = asset(mission, "sale")
    web = client_for(make_user("head-of-mission", mission))
    page = web.get(f"/missions/{mission.code}/readiness/").content.decode()
    assert "National police" in page and "Armoured personnel carrier" in page
    assert "Sale: 1 (1200000.00 USD)" in page
    response = web.post(
        f"/missions/{mission.code}/readiness/disposals/approve/", {"disposal": proposed.pk}
    )
    assert response.status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == "approved"
    for url in ("/handover-items/", "/asset-disposals/", f"/asset-disposals/{proposed.pk}/"):
        assert web.get(url).status_code == 200
