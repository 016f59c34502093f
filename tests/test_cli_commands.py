"""The project's own commands: lifecycle, grant, roles (clear errors, non-zero exits)."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from bluehelmet.core import models as m


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_lifecycle_shows_phase_clock_and_gates(mission):
    out, _ = run("lifecycle", mission.code.lower())
    assert "Pre-deployment" in out and "target 90 days" in out
    assert "[missing] No SOFA/SOMA negotiation" in out


def test_lifecycle_json(mission):
    data = json.loads(run("lifecycle", mission.code, "--json")[0])
    assert data["phase"] == "pre_deployment" and "rapid_deployment" in data["next"]


def test_lifecycle_transition_refused_lists_the_gates(mission, make_user):
    make_user("head-of-mission", mission, username="srsg")
    with pytest.raises(CommandError, match=r"gate checks? failed[\s\S]*SOFA/SOMA"):
        run(
            "lifecycle",
            mission.code,
            "--to",
            "rapid_deployment",
            "--as",
            "srsg",
            "--date",
            "2025-01-12",
        )


def test_lifecycle_transition_with_override(mission, make_user):
    make_user("head-of-mission", mission, username="srsg")
    _out, err = run(
        "lifecycle",
        mission.code,
        "--to",
        "rapid_deployment",
        "--as",
        "srsg",
        "--date",
        "2025-01-12",
        "--reason",
        "Model SOFA applied by exchange of letters",
    )
    mission.refresh_from_db()
    assert mission.phase == "rapid_deployment" and "moved to Rapid deployment" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["NOSUCH"], "Unknown mission code NOSUCH"),
        (["MINUSTEST", "--to", "ioc", "--as", "ghost"], "Unknown user ghost"),
        (["MINUSTEST", "--to", "rapid_deployment", "--date", "12/01/2025"], "is not a date"),
    ],
)
def test_lifecycle_bad_input(mission, args, message):
    with pytest.raises(CommandError, match=message):
        run("lifecycle", *args)


def test_grant_and_revoke(mission, make_user):
    user = make_user(username="analyst")
    out, _ = run("grant", "analyst", "jmac-analyst", "--mission", mission.code)
    assert "Joint Mission Analysis Centre analyst (MINUSTEST)" in out
    assert m.Mission.objects.restrict(user).count() == 1
    run("grant", "analyst", "jmac-analyst", "--mission", mission.code, "--revoke")
    assert not m.Membership.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ghost", "joc-officer"], "Unknown user ghost"),
        (["analyst", "emperor"], "Unknown role emperor"),
        (["analyst", "joc-officer", "--mission", "NOPE"], "Unknown mission code NOPE"),
        (["analyst", "joc-officer"], "Choose the mission"),
        (["analyst", "hq-planner", "--mission", "MINUSTEST"], "covers every mission"),
        (["analyst", "joc-officer", "--mission", "MINUSTEST", "--revoke"], "No such membership"),
    ],
)
def test_grant_bad_input(mission, make_user, args, message):
    make_user(username="analyst")
    with pytest.raises(CommandError, match=message):
        run("grant", *args)


def test_roles_lists_every_role(db):
    out, _ = run("roles")
    assert out.count("\n") == m.Role.objects.count() and "partner-liaison" in out
