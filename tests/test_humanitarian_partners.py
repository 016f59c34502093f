"""Humanitarian space (Capstone §7.2): whoever acts for a humanitarian partner receives only
unclassified records and never how the mission learnt of them, whatever role they were given.
``Membership.on_behalf_of`` names the partner a user acts for; ``Partner.is_humanitarian``
decides."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient
from tests.operations_support import incident

from bluehelmet.core.models import Membership, Partner, Role
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.operations.models import IncidentSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(mission: Any) -> dict[str, Any]:
    source = IncidentSource.objects.create(mission=mission, name="Radio Trottoir", kind="community")
    return {
        "open": incident(mission, title="Market fire", source=source, source_reference="R-1"),
        "confidential": incident(
            mission, title="Armed group movement", sensitivity=Sensitivity.CONFIDENTIAL
        ),
    }


def acting_for(user: Any, mission: Any, partner: Partner) -> APIClient:
    membership = Membership.objects.get(user=user, mission=mission)
    membership.on_behalf_of = partner
    membership.full_clean()
    membership.save()
    client = APIClient()
    client.force_authenticate(user)
    return client


def titles(client: APIClient) -> set[str]:
    return {i["title"] for i in client.get("/api/incidents/").json()["results"]}


def test_given_a_user_acting_for_a_humanitarian_partner_then_only_unclassified_without_sources(
    mission, make_user, records
):
    wfp = Partner.objects.create(mission=mission, name="WFP", kind="humanitarian")
    assert wfp.is_humanitarian
    client = acting_for(make_user("joc-officer", mission), mission, wfp)
    assert titles(client) == {"Market fire"}
    detail = client.get(f"/api/incidents/{records['open'].pk}/").json()
    assert not detail.get("source_reference") and not detail.get("source")
    assert client.get(f"/api/incidents/{records['confidential'].pk}/").status_code == 404


def test_given_a_user_acting_for_a_non_humanitarian_partner_then_the_role_decides(
    mission, make_user, records
):
    undp = Partner.objects.create(mission=mission, name="UNDP", kind="unct_agency")
    assert not undp.is_humanitarian
    client = acting_for(make_user("joc-officer", mission), mission, undp)
    assert titles(client) == {"Market fire", "Armed group movement"}


def test_a_membership_acts_only_for_a_partner_of_its_own_mission(mission, other_mission, make_user):
    elsewhere = Partner.objects.create(mission=other_mission, name="OCHA", kind="humanitarian")
    membership = Membership.objects.create(
        user=make_user(), role=Role.objects.get(code="joc-officer"), mission=mission
    )
    membership.on_behalf_of = elsewhere
    with pytest.raises(ValidationError, match="on_behalf_of"):
        membership.full_clean()
