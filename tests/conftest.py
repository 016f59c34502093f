"""Shared fixtures: two missions and users holding roles in them.

``make_user("joc-officer", mission)`` gives a user with that role in that mission;
``make_user("hq-planner")`` an HQ user who sees every mission.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from bluehelmet.core.models import (
    Component,
    ComponentKind,
    Membership,
    Mission,
    MissionType,
    OrgUnit,
    OrgUnitKind,
    Role,
)

# Playwright's sync API runs an event loop in the test thread; Django must still allow ORM use.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Shared fixtures: the module-wide demo build (``demo_built``, ``demo``) and the two scoped
# missions of the page tests (``scoped``).
pytest_plugins = ["tests.demo_support", "tests.pages_support"]

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def english_by_default() -> Any:
    """Each test starts in English: a request in French (a saved choice, ``Accept-Language``)
    leaves its language active in the thread, and the next test's direct calls would read it."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def mission(db: Any) -> Mission:
    m = Mission.objects.create(
        code="MINUSTEST",
        name="UN Test Stabilization Mission",
        host_country="XTA",
        host_country_name="Testland",
        mission_type=MissionType.MULTIDIMENSIONAL,
        mandate_authorised_on=datetime.date(2025, 1, 10),
    )
    Component.objects.create(mission=m, kind=ComponentKind.MILITARY, name="Force")
    OrgUnit.objects.create(
        mission=m, kind=OrgUnitKind.MISSION_HQ, name="Test HQ", latitude=4.5, longitude=21.0
    )
    return m


@pytest.fixture
def other_mission(db: Any) -> Mission:
    m = Mission.objects.create(
        code="UNOTHER",
        name="UN Other Observer Mission",
        host_country="CYP",
        mission_type=MissionType.TRADITIONAL,
        mandate_authorised_on=datetime.date(2025, 6, 1),
    )
    OrgUnit.objects.create(
        mission=m, kind=OrgUnitKind.MISSION_HQ, name="Other HQ", latitude=35.1, longitude=33.4
    )
    return m


@pytest.fixture
def make_user(db: Any) -> Callable[..., Any]:
    counter = {"n": 0}

    def _make(role_code: str | None = None, mission: Mission | None = None, **extra: Any) -> Any:
        counter["n"] += 1
        user = get_user_model().objects.create_user(
            username=extra.pop("username", f"user{counter['n']}"), password=PASSWORD, **extra
        )
        if role_code:
            Membership.objects.create(
                user=user, role=Role.objects.get(code=role_code), mission=mission
            )
        return user

    return _make


@pytest.fixture
def superuser(db: Any) -> Any:
    return get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)


IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def skip_or_fail(reason: str) -> None:
    """Skip a test whose input is missing on a developer's machine; fail it in CI, which always
    has ../shared/data and Chromium, so that a green run means every test ran."""
    if IN_CI:
        pytest.fail(f"{reason}: CI must run this test")
    pytest.skip(reason)
