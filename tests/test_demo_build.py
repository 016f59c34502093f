"""Building the demo into a database of its own (``bluehelmet demo``; DESIGN "Demo scenario").

Each test here starts from an empty database, or one holding a mission of its own, so none
can share tests/demo_support.py's module-wide build.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from tests.demo_support import DEMO_PASSWORD
from tests.demo_support import run_demo as run

from bluehelmet.core.models import AdminArea, Mission
from bluehelmet.core.roles import DEFAULT_ROLES
from bluehelmet.demo import scenario
from bluehelmet.mandates.models import DataSource, Mandate, Resolution

MISSION_ROLES = [r["code"] for r in DEFAULT_ROLES if r["scope"] == "mission"]
HQ_ROLES = [r["code"] for r in DEFAULT_ROLES if r["scope"] == "hq"]


@pytest.fixture
def env_password(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("BLUEHELMET_DEMO_PASSWORD", DEMO_PASSWORD)
    return DEMO_PASSWORD


def test_json_lists_a_user_per_role_and_mission(db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BLUEHELMET_DEMO_PASSWORD", raising=False)
    out, err = run("--json")
    document = json.loads(out)
    users = {
        (u["role"], u["mission"]): u["username"] for u in document["users"] if u["language"] == "en"
    }
    french = {u["mission"]: u["username"] for u in document["users"] if u["language"] == "fr"}
    for code in scenario.DEMO_MISSION_CODES:
        for role in MISSION_ROLES:
            assert users[(role, code)] == f"{code.lower()}.{role}"
        assert french[code] == f"{code.lower()}.mlt-member-fr"  # one French speaker each
    for role in HQ_ROLES:
        assert (role, None) in users
    assert users[("superuser", None)] == "admin"
    password = document["password"]
    assert password and password not in err
    assert authenticate(username="unmogto.jmac-analyst", password=password) is not None
    assert get_user_model().objects.get(username="admin").is_superuser


def test_if_empty_leaves_a_database_with_missions_alone(
    mission: Mission, env_password: str
) -> None:
    out, _err = run("--if-empty")
    assert "not loaded" in out
    assert list(Mission.objects.values_list("code", flat=True)) == ["MINUSTEST"]


def test_if_empty_builds_on_an_empty_database(db: Any, env_password: str) -> None:
    run("--if-empty")
    assert Mission.objects.filter(code__in=scenario.DEMO_MISSION_CODES).count() == 2


def test_reset_keeps_other_missions(other_mission: Mission, env_password: str) -> None:
    run()
    run("--reset")
    assert set(Mission.objects.values_list("code", flat=True)) == {
        "UNOTHER",
        *scenario.DEMO_MISSION_CODES,
    }


def test_a_failure_leaves_nothing_half_written(
    db: Any, env_password: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Any) -> None:
        raise ValidationError("partner data is broken")

    monkeypatch.setattr(scenario.MissionBuilder, "_partners", broken)
    with pytest.raises(CommandError, match="partner data is broken"):
        run()
    assert not Mission.objects.exists() and not AdminArea.objects.exists()
    assert not get_user_model().objects.exists()


def test_missing_migrations_give_a_clear_error(db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.db.migrations.executor import MigrationExecutor

    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("m", False)])
    with pytest.raises(CommandError, match="bluehelmet migrate"):
        run()


def test_an_existing_non_demo_account_is_left_alone(db: Any, env_password: str) -> None:
    owner = get_user_model().objects.create_user("admin", "ops@example.org", "their-own-pass")
    document = json.loads(run("--json")[0])
    owner.refresh_from_db()
    assert owner.check_password("their-own-pass") and not owner.is_superuser
    assert "admin" not in {u["username"] for u in document["users"]}


def test_a_resolution_that_is_not_demo_data_is_not_taken_over(db: Any, env_password: str) -> None:
    Resolution.objects.create(number=2934, source=DataSource.MANUAL)
    with pytest.raises(CommandError, match="2934 already exists"):
        run()
    assert not Mission.objects.exists()
    assert Resolution.objects.get().source == DataSource.MANUAL


def test_a_fresh_build_records_five_mandate_versions(db: Any, env_password: str) -> None:
    run()
    assert Mandate.objects.count() == 5
