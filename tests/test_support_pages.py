"""Support pages (issue 18; Capstone §8.1-8.3): every list with filters, search and CSV, the
forms, the logistics request steps, the dashboard with its verdicts and decisions, the overview
panel; another mission's records answer 404."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from tests.mission_support_fixtures import (
    D,
    contingent,
    inspect,
    lease,
    moss_check,
    period,
    premises,
    request,
    rotation,
)
from tests.pages_support import client_for

from bluehelmet.support import models as m

pytestmark = pytest.mark.django_db

LISTS = (
    "selfsufficiency",
    "supportcontract",
    "equipmentlease",
    "equipmentline",
    "equipmentinspection",
    "inspectionfinding",
    "supplyrequest",
    "premises",
    "mosscheck",
    "securityassessment",
    "securitymeeting",
    "securitydecision",
    "rotation",
    "trainingrecord",
)


def test_every_list_and_add_page_renders(scoped: dict[str, Any]) -> None:
    web = client_for(scoped["hom"])
    for name in LISTS:
        assert web.get(reverse(f"{name}-list")).status_code == 200, name
        assert web.get(reverse(f"{name}-add")).status_code == 200, name
    assert web.get(reverse("supportverdictoverride-list")).status_code == 200


def test_a_request_is_added_through_the_form_then_approved(
    mission: Any, scoped: dict[str, Any]
) -> None:
    web = client_for(scoped["hom"])
    form = {
        "mission": mission.code,
        "kind": "supply",
        "requesting_unit": scoped["site"].pk,
        "item": "Generators",
        "quantity": "2",
        "priority": "urgent",
        "requested_on": "2026-10-01",
        "needed_by": "2026-09-01",
        "sensitivity": "0",
    }
    refused = web.post(reverse("supplyrequest-add"), form)
    assert refused.status_code == 400 and "Needed before it was requested" in refused.text
    form["needed_by"] = "2026-10-15"
    saved = web.post(reverse("supplyrequest-add"), form, follow=True)
    made = m.SupplyRequest.objects.get()
    assert saved.status_code == 200 and "Approve" in saved.text
    approved = web.post(reverse("supplyrequest-step", args=[made.pk, "approve"]), follow=True)
    assert "Approved." in approved.text and "Status: Approved." in approved.text
    again = web.post(reverse("supplyrequest-step", args=[made.pk, "approve"]), follow=True)
    assert "only a submitted request can be approved" in again.text


def test_a_reader_sees_no_steps_and_another_mission_gets_404(
    mission: Any, other_mission: Any, scoped: dict[str, Any]
) -> None:
    made = request(mission, scoped["site"])
    page = client_for(scoped["staff"]).get(reverse("supplyrequest-detail", args=[made.pk]))
    step_url = reverse("supplyrequest-step", args=[made.pk, "approve"])
    assert page.status_code == 200 and step_url not in page.text
    other = client_for(scoped["other_hom"])
    assert other.get(reverse("supplyrequest-detail", args=[made.pk])).status_code == 404
    step = other.post(reverse("supplyrequest-step", args=[made.pk, "approve"]))
    assert step.status_code == 404
    assert made.item not in other.get(reverse("supplyrequest-list")).text


def test_the_request_list_filters_overdue_and_exports_csv(
    mission: Any, scoped: dict[str, Any]
) -> None:
    request(
        mission,
        scoped["site"],
        item="Late fuel",
        needed_by=D(2026, 1, 1),
        requested_on=D(2025, 12, 1),
    )
    request(mission, scoped["site"], item="Future tents", needed_by=D(2099, 1, 1))
    web = client_for(scoped["hom"])
    late = web.get(reverse("supplyrequest-list"), {"overdue": "true"})
    assert "Late fuel" in late.text and "Future tents" not in late.text
    found = web.get(reverse("supplyrequest-list"), {"q": "tents", "export": "csv"})
    body = found.content.decode()
    assert found["Content-Type"].startswith("text/csv") and "Future tents" in body
    assert "Late fuel" not in body
    assert web.get(reverse("supplyrequest-list"), {"mission": "NOPE"}).status_code == 400


def test_the_dashboard_shows_the_flags_and_takes_a_decision(
    mission: Any, scoped: dict[str, Any]
) -> None:
    mou = lease(contingent(mission), ("APC", 10))
    inspection = inspect(mou, D(2026, 10, 1), APC=6)
    site = premises(mission, "Team Site Bravo")
    moss_check(site, D(2026, 10, 1), "shelter")
    period(contingent(mission, "Second"), 30)
    rotation(contingent(mission, "Third"), D(2026, 1, 1), 10)
    web = client_for(scoped["hom"])
    url = reverse("mission-support", args=[mission.code])
    page = web.get(url)
    assert page.status_code == 200
    assert "6 of 10 agreed items serviceable" in page.text
    assert "Team Site Bravo met 90% of the standards" in page.text
    assert "Protected shelter (bunker)" in page.text
    decided = web.post(
        reverse("mission-support-decide", args=[mission.code]),
        {
            "rule": "serviceability-shortfall",
            "subject": f"equipmentinspection:{inspection.pk}",
            "decision": "dismissed",
            "reason": "Six vehicles are in the workshop",
        },
        follow=True,
    )
    assert "Decision recorded with its reason." in decided.text
    assert "Six vehicles are in the workshop" in decided.text
    no_reason = web.post(
        reverse("mission-support-decide", args=[mission.code]),
        {"rule": "serviceability-shortfall", "subject": "x", "decision": "accepted"},
        follow=True,
    )
    assert "Give the reason." in no_reason.text


def test_the_dashboard_is_404_for_another_mission_and_readers_cannot_decide(
    mission: Any, scoped: dict[str, Any]
) -> None:
    assert (
        client_for(scoped["other_hom"])
        .get(reverse("mission-support", args=[mission.code]))
        .status_code
        == 404
    )
    page = client_for(scoped["staff"]).get(reverse("mission-support", args=[mission.code]))
    assert page.status_code == 200 and "Accept or dismiss" not in page.text


def test_the_overview_panel_lists_the_open_flags(mission: Any, scoped: dict[str, Any]) -> None:
    premises(mission, "Team Site Charlie")  # never checked
    page = client_for(scoped["hom"]).get(reverse("mission-detail", args=[mission.code]))
    assert "support-flags-panel" in page.text
    assert "Team Site Charlie has never been checked" in page.text


def test_record_text_is_escaped(mission: Any, scoped: dict[str, Any]) -> None:
    made = request(mission, scoped["site"], item="<script>alert(1)</script>")
    page = client_for(scoped["hom"]).get(reverse("supplyrequest-detail", args=[made.pk]))
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;" in page.text


def test_every_detail_and_edit_page_renders(mission: Any, scoped: dict[str, Any]) -> None:
    from tests.mission_support_fixtures import contract, train

    c = contingent(mission)
    contract(period(c), "fuel")
    inspect(lease(c, ("APC", 10)), D(2026, 10, 1), APC=9)
    site = premises(mission, "Team Site Delta")
    moss_check(site, D(2026, 10, 1))
    m.SecurityAssessment.objects.create(
        mission=mission, premises=site, assessed_on=D(2026, 10, 1), risk_level="low", summary="s"
    )
    meeting = m.SecurityMeeting.objects.create(
        mission=mission, held_on=D(2026, 10, 1), chaired_by="DO"
    )
    m.SecurityDecision.objects.create(mission=mission, meeting=meeting, decision="Patrol at night")
    train(rotation(c, D(2026, 9, 1), 10), "poc", 10)
    request(mission, scoped["site"])
    web = client_for(scoped["hom"])
    for name in LISTS:
        obj = getattr(m, next(k for k in m.__all__ if k.lower() == name)).objects.first()
        assert web.get(reverse(f"{name}-detail", args=[obj.pk])).status_code == 200, name
        assert web.get(reverse(f"{name}-edit", args=[obj.pk])).status_code == 200, name
        listing = web.get(reverse(f"{name}-list"), {"export": "csv"})
        assert listing.status_code == 200 and len(listing.content.splitlines()) == 2, name


def test_a_strictly_confidential_request_is_hidden_below_clearance_and_its_reads_logged(
    mission: Any, scoped: dict[str, Any], make_user: Any
) -> None:
    from bluehelmet.core.models import AuditEntry

    made = request(mission, scoped["site"], item="Special forces resupply", sensitivity=2)
    support = client_for(make_user("mission-support", mission))  # cleared to confidential
    assert support.get(reverse("supplyrequest-detail", args=[made.pk])).status_code == 404
    assert "Special forces resupply" not in support.get(reverse("supplyrequest-list")).text
    leader = client_for(scoped["hom"])
    assert leader.get(reverse("supplyrequest-detail", args=[made.pk])).status_code == 200
    reads = AuditEntry.objects.filter(action="read", object_id=str(made.pk))
    assert reads.filter(actor=scoped["hom"]).exists()


def test_a_movement_page_lists_the_incidents_near_its_route(
    mission: Any, scoped: dict[str, Any]
) -> None:
    import datetime

    from django.utils import timezone
    from tests.mission_support_fixtures import unit

    from bluehelmet.operations.models import Incident, IncidentCategory

    start, end = unit(mission, "Start", 4.0, 21.0), unit(mission, "End", 4.0, 22.0)
    move = request(mission, start, kind="movement", origin=start, destination=end)
    Incident.objects.create(
        mission=mission,
        title="Roadblock <b>on the bridge</b>",
        category=IncidentCategory.objects.first(),
        occurred_at=timezone.now() - datetime.timedelta(days=1),
        latitude=4.02,
        longitude=21.4,
    )
    page = client_for(scoped["hom"]).get(reverse("supplyrequest-detail", args=[move.pk]))
    assert "Roadblock &lt;b&gt;on the bridge&lt;/b&gt;" in page.text
    assert "2.2 km from the route" in page.text
