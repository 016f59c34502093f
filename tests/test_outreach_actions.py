"""Outreach actions (Capstone §9.2, §7.2): a rumour is linked to the incidents it preceded in
its area within the mission's window; information goes to a partner only under the
partner-safe rule, and each sharing is recorded."""

from __future__ import annotations

from typing import Any

import pytest
from tests.operations_support import incident
from tests.outreach_support import at, meeting, partner, rumour

from bluehelmet.core.actions import do_set_mission_parameter
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import AuditEntry
from bluehelmet.outreach import rules
from bluehelmet.outreach.actions import do_link_rumour_incidents, do_share_with_partner
from bluehelmet.outreach.models import SharingRecord

pytestmark = pytest.mark.django_db


def test_a_rumour_is_linked_to_the_incidents_that_followed_it_in_its_area(
    mission: Any, make_user: Any
) -> None:
    # given a rumour in Bangui on 1 March and incidents before, within and after 14 days
    said = rumour(mission)
    within = incident(mission, occurred_at=at(2025, 3, 10), title="Clash at the market")
    incident(mission, occurred_at=at(2025, 2, 20), title="Before the rumour")
    incident(mission, occurred_at=at(2025, 3, 30), title="Too late")
    incident(mission, occurred_at=at(2025, 3, 5), admin1="Ouaka", title="Elsewhere")
    officer = make_user("joc-officer", mission)
    # when the officer links it
    linked = do_link_rumour_incidents(said, acting_user=officer)
    # then only the incident in the area and the window is linked, and audited once
    assert linked == [within]
    assert list(said.incidents.all()) == [within]
    assert AuditEntry.objects.filter(verb="link_rumour_incidents").count() == 1


def test_the_window_is_the_missions_setting(mission: Any, make_user: Any) -> None:
    said = rumour(mission)
    later = incident(mission, occurred_at=at(2025, 3, 30))
    do_set_mission_parameter(mission, rules.WINDOW_KEY, 30, reason="Slow spread", acting_user=None)
    assert do_link_rumour_incidents(said, acting_user=make_user("joc-officer", mission)) == [later]


def test_linking_refuses_an_incident_outside_the_window_and_a_reader(
    mission: Any, make_user: Any
) -> None:
    said = rumour(mission)
    before = incident(mission, occurred_at=at(2025, 2, 20))
    officer = make_user("joc-officer", mission)
    with pytest.raises(ActionError) as outside:
        do_link_rumour_incidents(said, incident_ids=[before.pk], acting_user=officer)
    assert outside.value.status == 400 and "within 14 days" in outside.value.message
    with pytest.raises(ActionError) as none:
        do_link_rumour_incidents(said, acting_user=officer)
    assert none.value.code == "no_incidents"
    with pytest.raises(ActionError) as forbidden:
        do_link_rumour_incidents(said, acting_user=make_user("partner-liaison", mission))
    assert forbidden.value.status == 403
    assert said.incidents.count() == 0


def test_a_humanitarian_partner_gets_only_unclassified_non_operational_information(
    mission: Any, make_user: Any
) -> None:
    ocha = partner(mission)
    officer = make_user("mlt-member", mission)
    shared = do_share_with_partner(
        ocha, item="Road access map for the Ouri corridor", acting_user=officer
    )
    assert shared.shared_by == officer and shared.item_class == 0
    for extra in ({"item_class": 1}, {"operational": True}):
        with pytest.raises(ActionError) as refused:
            do_share_with_partner(ocha, item="Patrol schedule", acting_user=officer, **extra)
        assert refused.value.status == 400
        assert "humanitarian partner" in refused.value.message
    assert SharingRecord.objects.count() == 1
    assert AuditEntry.objects.filter(verb="share_with_partner").count() == 1


def test_a_shared_record_lends_its_class(mission: Any, make_user: Any) -> None:
    secret = incident(mission, sensitivity=1)
    officer = make_user("mlt-member", mission)
    with pytest.raises(ActionError) as refused:
        do_share_with_partner(
            partner(mission),
            item="Incident report",
            record=f"operations.incident:{secret.pk}",
            acting_user=officer,
        )
    assert refused.value.code == "not_partner_safe"
    undp = partner(mission, name="UNDP", kind="unct_agency")
    shared = do_share_with_partner(
        undp,
        item="Incident report",
        record=f"operations.incident:{secret.pk}",
        meeting=meeting(mission),
        acting_user=officer,
    )
    assert shared.item_class == 1 and shared.sensitivity == 1
    assert shared.record == f"operations.incident:{secret.pk}"
