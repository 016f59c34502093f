"""Pages: the lifecycle page (phases, gates, transitions, milestones) and the audit page.

A user of one mission never sees another mission's records through the pages (issue 2, item 10).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from tests.pages_support import client_for

from bluehelmet.core.models import (
    AuditAction,
    AuditEntry,
    Mission,
    SofaStatus,
)
from bluehelmet.core.phases import Phase
from bluehelmet.lifecycle.models import MilestoneKind, PhaseTransition, StartUpMilestone

# --- lifecycle -------------------------------------------------------------------------------


def lifecycle_url(mission: Mission, name: str = "mission-lifecycle") -> str:
    return reverse(name, kwargs={"code": mission.code})


def test_lifecycle_page_shows_phases_gates_and_clock(scoped: dict[str, Any]) -> None:
    mission = scoped["site"].mission
    page = client_for(scoped["hom"]).get(lifecycle_url(mission))
    assert page.status_code == 200
    text = page.content.decode()
    for expected in (
        "Pre-deployment",
        "Liquidation",
        'aria-current="step"',
        "Move to: Rapid deployment",
        "Mandate authorised on 2025-01-10",
        "No SOFA/SOMA negotiation",
        "Capstone §6.2",
        "Deployment clock",
        "Override gates and move to Rapid deployment",
    ):
        assert expected in text, expected


def test_transition_refused_with_explanations_when_gates_fail(scoped: dict[str, Any]) -> None:
    mission = scoped["site"].mission
    client = client_for(scoped["hom"])
    response = client.post(
        lifecycle_url(mission, "mission-transition"), {"to_phase": "rapid_deployment"}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "1 gate check failed; fix it" in text
    assert "No SOFA/SOMA negotiation with the host government is recorded." in text
    mission.refresh_from_db()
    assert mission.phase == Phase.PRE_DEPLOYMENT
    assert not PhaseTransition.objects.exists()


def test_transition_accepted_with_an_override_reason(scoped: dict[str, Any]) -> None:
    mission = scoped["site"].mission
    client = client_for(scoped["hom"])
    reason = "Model SOFA agreed verbally with the host government; text follows."
    response = client.post(
        lifecycle_url(mission, "mission-transition"),
        {"to_phase": "rapid_deployment", "override_reason": reason, "effective_on": "2025-01-20"},
    )
    assert response.status_code == 302
    mission.refresh_from_db()
    assert mission.phase == Phase.RAPID_DEPLOYMENT
    transition = PhaseTransition.objects.get(mission=mission)
    assert transition.overridden and transition.override_reason == reason
    assert transition.decided_by == scoped["hom"]
    assert transition.effective_on == datetime.date(2025, 1, 20)
    page = client.get(response["Location"]).content.decode()
    assert reason in page and "overridden" in page
    assert "Move to: Mission HQ start-up" in page


def test_transition_with_passing_gates_needs_no_reason(scoped: dict[str, Any]) -> None:
    mission = scoped["site"].mission
    mission.sofa_status = SofaStatus.SIGNED
    mission.save()
    client = client_for(scoped["hom"])
    page = client.get(lifecycle_url(mission)).content.decode()
    assert "all gates pass" in page
    response = client.post(
        lifecycle_url(mission, "mission-transition"), {"to_phase": "rapid_deployment"}
    )
    assert response.status_code == 302
    transition = PhaseTransition.objects.get(mission=mission)
    assert not transition.overridden
    assert AuditEntry.objects.filter(verb="transition_mission_phase", mission=mission).count() == 1


def test_transition_bad_input_is_400(scoped: dict[str, Any]) -> None:
    mission = scoped["site"].mission
    mission.sofa_status = SofaStatus.SIGNED
    mission.save()
    client = client_for(scoped["hom"])
    url = lifecycle_url(mission, "mission-transition")
    skip = client.post(url, {"to_phase": "closed"})
    assert skip.status_code == 400
    assert "Select a valid choice" in skip.content.decode()
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    late = client.post(url, {"to_phase": "rapid_deployment", "effective_on": future})
    assert late.status_code == 400
    assert "cannot take effect in the future" in late.content.decode()
    junk = client.post(url, {"to_phase": "rapid_deployment", "effective_on": "yesterday"})
    assert junk.status_code == 400
    assert "Enter a valid date." in junk.content.decode()
    mission.refresh_from_db()
    assert mission.phase == Phase.PRE_DEPLOYMENT


def test_only_transition_roles_see_and_use_the_form(scoped: dict[str, Any], make_user: Any) -> None:
    mission = scoped["site"].mission
    mlt = client_for(make_user("mlt-member", mission))
    page = mlt.get(lifecycle_url(mission)).content.decode()
    assert "Your role does not decide lifecycle transitions." in page
    assert lifecycle_url(mission, "mission-transition") not in page
    response = mlt.post(
        lifecycle_url(mission, "mission-transition"),
        {"to_phase": "rapid_deployment", "override_reason": "x"},
    )
    assert response.status_code == 404
    other = client_for(scoped["other_hom"])
    assert (
        other.post(
            lifecycle_url(mission, "mission-transition"),
            {"to_phase": "rapid_deployment", "override_reason": "x"},
        ).status_code
        == 404
    )
    mission.refresh_from_db()
    assert mission.phase == Phase.PRE_DEPLOYMENT


def test_milestones_are_recorded_from_the_lifecycle_page(
    scoped: dict[str, Any], make_user: Any
) -> None:
    mission = scoped["site"].mission
    client = client_for(scoped["hom"])
    url = reverse("startupmilestone-add", kwargs={"code": mission.code})
    data = {
        "kind": MilestoneKind.ADVANCE_TEAM_DEPLOYED,
        "achieved_on": "2025-01-25",
        "evidence": "Advance team arrived",
        "sensitivity": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == lifecycle_url(mission)
    milestone = StartUpMilestone.objects.get(mission=mission)
    page = client.get(lifecycle_url(mission)).content.decode()
    assert "Advance team deployed" in page and "2025-01-25" in page
    duplicate = client.post(url, data)
    assert duplicate.status_code == 400
    assert StartUpMilestone.objects.count() == 1
    edit = reverse("startupmilestone-edit", kwargs={"code": mission.code, "pk": milestone.pk})
    assert client.post(edit, {**data, "achieved_on": "2025-01-26"}).status_code == 302
    milestone.refresh_from_db()
    assert milestone.achieved_on == datetime.date(2025, 1, 26)
    # Another mission's URL cannot reach this milestone; a read-only role cannot add.
    wrong = reverse("startupmilestone-edit", kwargs={"code": "UNOTHER", "pk": milestone.pk})
    assert client_for(scoped["hq"]).get(wrong).status_code == 404
    liaison = client_for(make_user("partner-liaison", mission))
    assert liaison.post(url, data).status_code == 404
    delete = reverse("startupmilestone-delete", kwargs={"code": mission.code, "pk": milestone.pk})
    assert client.post(delete).status_code == 302
    assert not StartUpMilestone.objects.exists()


# --- audit -----------------------------------------------------------------------------------


def test_audit_page_for_head_of_mission_is_scoped(scoped: dict[str, Any]) -> None:
    site = scoped["site"]
    site.name = "Team Site Alpha Prime"
    site.save()
    client = client_for(scoped["hom"])
    page = client.get(reverse("auditentry-list"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Team Site Alpha Prime" in text
    assert "Other Team Site" not in text
    entry = AuditEntry.objects.get(action=AuditAction.UPDATE, object_id=str(site.pk))
    detail = client.get(reverse("auditentry-detail", kwargs={"pk": entry.pk}))
    assert detail.status_code == 200
    body = detail.content.decode()
    assert "Team Site Alpha" in body and "Team Site Alpha Prime" in body
    assert "changed" in body
    other_entry = AuditEntry.objects.filter(mission_code="UNOTHER").first()
    assert (
        client.get(reverse("auditentry-detail", kwargs={"pk": other_entry.pk})).status_code == 404
    )
    filtered = client.get(reverse("auditentry-list") + "?action=update").content.decode()
    assert "Team Site Alpha Prime" in filtered and "Test HQ" not in filtered
    assert client.post(reverse("auditentry-detail", kwargs={"pk": entry.pk})).status_code == 405


def test_audit_page_is_404_without_the_audit_action(scoped: dict[str, Any]) -> None:
    entry = AuditEntry.objects.filter(mission_code="MINUSTEST").first()
    for user in (scoped["staff"], scoped["hq"]):
        client = client_for(user)
        assert client.get(reverse("auditentry-list")).status_code == 404
        assert client.get(reverse("auditentry-detail", kwargs={"pk": entry.pk})).status_code == 404
        assert b"Audit log" not in client.get(reverse("mission-list")).content


def test_oversight_sees_every_missions_audit(scoped: dict[str, Any], make_user: Any) -> None:
    text = client_for(make_user("hq-oversight")).get(reverse("auditentry-list")).content.decode()
    assert "Team Site Alpha" in text and "Other Team Site" in text
