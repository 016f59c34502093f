"""The ``bluehelmet`` console script: every manage.py command, and clear errors on bad input.

Each test runs the installed script in a subprocess against a throw-away data directory, so
nothing in ``var/`` is touched and the configured ``DATABASE_URL`` (SQLite or PostgreSQL) is
only read, never migrated.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("bluehelmet")
SQLITE: dict[str, str | None] = {"DATABASE_URL": None}  # the embedded default, in tmp_path


def run_cli(
    *args: str, tmp_path: Path, env: dict[str, str | None] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``bluehelmet ARGS`` with its data directory (SQLite file, secret key) in tmp_path.

    ``env`` adds variables to the environment; a value of None removes the variable.
    """
    command = [str(SCRIPT)] if SCRIPT.exists() else [shutil.which("bluehelmet") or "bluehelmet"]
    full_env = {**os.environ, "BLUEHELMET_DATA_DIR": str(tmp_path)}
    full_env.pop("DJANGO_SETTINGS_MODULE", None)  # the script sets its own
    for name, value in (env or {}).items():
        if value is None:
            full_env.pop(name, None)
        else:
            full_env[name] = value
    return subprocess.run(  # noqa: S603  (fixed argv, no shell)
        [*command, *args], capture_output=True, text=True, env=full_env, timeout=120, check=False
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert expected.lower() in result.stderr.lower()


def test_check_passes(tmp_path: Path) -> None:
    result = run_cli("check", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_help_lists_django_and_project_commands(tmp_path: Path) -> None:
    result = run_cli("help", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "bluehelmet help <subcommand>" in result.stdout
    for command in ("migrate", "runserver", "createsuperuser", "demo", "healthcheck", "grant"):
        assert command in result.stdout


def test_unknown_command_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli("no-such-command", tmp_path=tmp_path)
    assert_clean_failure(result, "Unknown command: 'no-such-command'")


def test_bad_argument_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli("migrate", "no_such_app", tmp_path=tmp_path)
    assert_clean_failure(result, "No installed app with label 'no_such_app'")


def test_migrate_plan_lists_project_migrations(tmp_path: Path) -> None:
    """Read-only on whichever database is configured: it only lists what would be applied."""
    result = run_cli("migrate", "--plan", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Planned operations" in result.stdout


def test_migrate_plan_on_fresh_sqlite_includes_core(tmp_path: Path) -> None:
    result = run_cli("migrate", "--plan", tmp_path=tmp_path, env=SQLITE)
    assert result.returncode == 0, result.stderr
    assert "core.0001_initial" in result.stdout
    assert "lifecycle.0001_initial" in result.stdout


def test_runs_as_python_module(tmp_path: Path) -> None:
    env = {**os.environ, "BLUEHELMET_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "bluehelmet", "check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_healthcheck_reports_database_state(tmp_path: Path) -> None:
    """A migrated SQLite database is healthy; the report is JSON for scripts and monitors."""
    env = SQLITE
    assert run_cli("migrate", "--noinput", tmp_path=tmp_path, env=env).returncode == 0
    result = run_cli("healthcheck", tmp_path=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["status"] == "ok"
    assert report["database"]["vendor"] == "sqlite"
    assert report["database"]["unapplied_migrations"] == 0


def test_healthcheck_fails_cleanly_on_unmigrated_database(tmp_path: Path) -> None:
    result = run_cli("healthcheck", tmp_path=tmp_path, env=SQLITE)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)["status"] == "error"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgres://nobody:x@127.0.0.1:1/nowhere", "connection"),
        ("bogus://x", "bogus"),
    ],
)
def test_unusable_database_url_is_a_clear_error(tmp_path: Path, url: str, expected: str) -> None:
    result = run_cli("migrate", "--noinput", tmp_path=tmp_path, env={"DATABASE_URL": url})
    assert_clean_failure(result, expected)
