"""Shared by the page tests: a logged-in client, team sites and two scoped missions.

Registered as a pytest plugin in tests/conftest.py, so ``scoped`` needs no import.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from bluehelmet.core.models import Mission, OrgUnit, OrgUnitKind


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def team_site(mission: Mission, name: str, **extra: Any) -> OrgUnit:
    hq = OrgUnit.objects.get(mission=mission, kind=OrgUnitKind.MISSION_HQ)
    defaults = {"latitude": 5.0, "longitude": 21.5, "parent": hq}
    return OrgUnit.objects.create(
        mission=mission, kind=OrgUnitKind.TEAM_SITE, name=name, **{**defaults, **extra}
    )


@pytest.fixture
def scoped(mission: Mission, other_mission: Mission, make_user: Any) -> dict[str, Any]:
    """Two missions with a team site each, a mission user in each and an HQ planner."""
    return {
        "site": team_site(mission, "Team Site Alpha"),
        "other_site": team_site(other_mission, "Other Team Site", latitude=35.2, longitude=33.3),
        "hom": make_user("head-of-mission", mission),
        "other_hom": make_user("head-of-mission", other_mission),
        "staff": make_user("component-staff", mission),
        "hq": make_user("hq-planner"),
    }
