"""``bluehelmet backup`` and ``bluehelmet restore``: round trips, and refusals that change nothing.

The commands run as the installed script in a subprocess against their own database: a SQLite
file in tmp_path, or a scratch PostgreSQL database created beside the configured one (only when
``DATABASE_URL`` points at PostgreSQL, as in CI's second run), so the configured database is
never written.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bluehelmet.core import backup

SCRIPT = Path(sys.executable).with_name("bluehelmet")
DB_FILE = "bluehelmet.sqlite3"
CREATE_MISSION = (
    "from bluehelmet.core.models import Mission; Mission.objects.create(code='MINUSBAK', "
    "name='Backup Test Mission', host_country='XTA', host_country_name='Testland', "
    "mission_type='traditional')"
)
DELETE_MISSION = (
    "from bluehelmet.core.models import Mission; Mission.objects.filter(code='MINUSBAK').delete()"
)
LIST_MISSIONS = (
    "from bluehelmet.core.models import Mission; "
    "print(sorted(Mission.objects.values_list('code', flat=True)))"
)


def run_cli(
    *args: str, data_dir: Path, database_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """``bluehelmet ARGS`` with its data in data_dir; no terminal on stdin (no prompt)."""
    command = str(SCRIPT) if SCRIPT.exists() else shutil.which("bluehelmet") or "bluehelmet"
    env = {**os.environ, "BLUEHELMET_DATA_DIR": str(data_dir)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return subprocess.run(  # noqa: S603  (fixed argv, no shell)
        [command, *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def refused(result: subprocess.CompletedProcess[str], reason: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert reason.lower() in result.stderr.lower()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# SQLite --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite database per module: migrating takes a while."""
    data_dir = tmp_path_factory.mktemp("template")
    ok(run_cli("migrate", "--noinput", "-v0", data_dir=data_dir))
    return data_dir / DB_FILE


@pytest.fixture
def data_dir(tmp_path: Path, migrated_template: Path) -> Path:
    """A data directory holding a migrated database with the mission MINUSBAK."""
    target = tmp_path / "data"
    target.mkdir()
    with (
        contextlib.closing(sqlite3.connect(migrated_template)) as source,
        contextlib.closing(sqlite3.connect(target / DB_FILE)) as dest,
    ):
        source.backup(dest)
    ok(run_cli("shell", "-c", CREATE_MISSION, data_dir=target))
    return target


def test_sqlite_round_trip(data_dir: Path, tmp_path: Path) -> None:
    archive = tmp_path / "bluehelmet.backup"
    out = ok(run_cli("backup", str(archive), data_dir=data_dir))
    assert str(archive) in out
    assert "missions: 1" in out
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600

    ok(run_cli("shell", "-c", DELETE_MISSION, data_dir=data_dir))
    assert "MINUSBAK" not in ok(run_cli("shell", "-c", LIST_MISSIONS, data_dir=data_dir))

    # Without --yes and without a terminal to ask on, a database holding data is kept.
    refused(run_cli("restore", str(archive), data_dir=data_dir), "--yes")
    out = ok(run_cli("restore", str(archive), "--yes", data_dir=data_dir))
    assert "missions: 1" in out
    assert "['MINUSBAK']" in ok(run_cli("shell", "-c", LIST_MISSIONS, data_dir=data_dir))
    assert not list(data_dir.glob(f".{DB_FILE}.*.tmp"))  # no temporary file left behind


def test_backup_includes_commits_still_in_the_wal(data_dir: Path, tmp_path: Path) -> None:
    """A commit not yet checkpointed lives only in the -wal file; the backup has it."""
    live = sqlite3.connect(data_dir / DB_FILE)
    try:
        live.execute("PRAGMA journal_mode=WAL")
        live.execute("PRAGMA wal_autocheckpoint=0")
        live.execute("UPDATE core_mission SET name = 'Renamed in the WAL'")
        live.commit()
        archive = tmp_path / "wal.backup"
        ok(run_cli("backup", str(archive), data_dir=data_dir))
    finally:
        live.close()
    with contextlib.closing(sqlite3.connect(archive)) as conn:
        assert conn.execute("SELECT name FROM core_mission").fetchone() == ("Renamed in the WAL",)


def test_restore_refuses_a_file_that_is_not_a_database(data_dir: Path, tmp_path: Path) -> None:
    before = digest(data_dir / DB_FILE)
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database\n")
    refused(run_cli("restore", str(junk), "--yes", data_dir=data_dir), "not a SQLite database")
    assert digest(data_dir / DB_FILE) == before
    assert "['MINUSBAK']" in ok(run_cli("shell", "-c", LIST_MISSIONS, data_dir=data_dir))


def test_restore_refuses_a_sqlite_file_of_another_application(
    data_dir: Path, tmp_path: Path
) -> None:
    before = digest(data_dir / DB_FILE)
    other = tmp_path / "other.sqlite3"
    with contextlib.closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    refused(run_cli("restore", str(other), "--yes", data_dir=data_dir), "not a bluehelmet one")
    assert digest(data_dir / DB_FILE) == before


def test_restore_refuses_a_missing_file(data_dir: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.backup"
    refused(run_cli("restore", str(missing), "--yes", data_dir=data_dir), "does not exist")


def test_restore_refuses_while_the_database_is_open(data_dir: Path, tmp_path: Path) -> None:
    """A running server keeps the database open: replacing it then would lose its -wal."""
    archive = tmp_path / "open.backup"
    ok(run_cli("backup", str(archive), data_dir=data_dir))
    with contextlib.closing(sqlite3.connect(data_dir / DB_FILE)) as server:
        server.execute("PRAGMA journal_mode=WAL")
        server.execute("SELECT COUNT(*) FROM core_mission").fetchone()
        refused(run_cli("restore", str(archive), "--yes", data_dir=data_dir), "in use")


def test_backup_does_not_overwrite_without_force(data_dir: Path, tmp_path: Path) -> None:
    archive = tmp_path / "existing.backup"
    archive.write_text("an older backup")
    refused(run_cli("backup", str(archive), data_dir=data_dir), "--force")
    assert archive.read_text() == "an older backup"
    ok(run_cli("backup", str(archive), "--force", data_dir=data_dir))
    assert archive.read_bytes().startswith(backup.SQLITE_MAGIC)


def test_backup_of_a_missing_database_is_refused(tmp_path: Path) -> None:
    refused(run_cli("backup", str(tmp_path / "x.backup"), data_dir=tmp_path), "nothing to back up")


def test_restore_into_an_empty_data_directory_needs_no_confirmation(
    data_dir: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "fresh.backup"
    ok(run_cli("backup", str(archive), data_dir=data_dir))
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    ok(run_cli("restore", str(archive), data_dir=fresh))
    assert "['MINUSBAK']" in ok(run_cli("shell", "-c", LIST_MISSIONS, data_dir=fresh))


# PostgreSQL tools, without a server -----------------------------------------------------------


def fake_tool(directory: Path, name: str, version: str) -> None:
    path = directory / name
    path.write_text(f"#!/bin/sh\necho '{name} (PostgreSQL) {version}'\n")
    path.chmod(0o755)


def test_pg_tool_older_than_the_server_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_tool(tmp_path, "pg_dump", "13.4")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(backup.BackupError, match="older than the server"):
        backup.find_pg_tool("pg_dump", 99)


def test_missing_pg_tool_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(backup.BackupError, match="pg_dump not found"):
        backup.find_pg_tool("pg_dump", 99)


def test_pg_tool_from_pg_bin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tool(tmp_path, "pg_restore", "99.1")
    monkeypatch.setenv("PATH", "/nonexistent")
    assert backup.find_pg_tool("pg_restore", 99, str(tmp_path)) == str(tmp_path / "pg_restore")


def test_pg_password_goes_through_the_environment() -> None:
    db = {"NAME": "bh", "USER": "u", "PASSWORD": "s3cret", "HOST": "127.0.0.1", "PORT": 5433}
    env = backup.pg_env(db)
    assert env["PGPASSWORD"] == "s3cret"
    assert (env["PGHOST"], env["PGPORT"], env["PGUSER"], env["PGDATABASE"]) == (
        "127.0.0.1",
        "5433",
        "u",
        "bh",
    )


# PostgreSQL round trip -----------------------------------------------------------------------

DATABASE_URL = os.environ.get("DATABASE_URL", "")
needs_postgres = pytest.mark.skipif(
    not DATABASE_URL.startswith(("postgres://", "postgresql://")),
    reason="DATABASE_URL does not point at PostgreSQL",
)


@pytest.fixture
def scratch_postgres() -> Iterator[str]:
    """A database of its own beside the configured one, dropped afterwards."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(DATABASE_URL)
    name = f"bh_backup_{uuid.uuid4().hex[:12]}"
    params = {
        "host": config["HOST"] or None,
        "port": config["PORT"] or None,
        "user": config["USER"] or None,
        "password": config["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**params) as conn:  # type: ignore[arg-type]
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield DATABASE_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(**params) as conn:  # type: ignore[arg-type]
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@needs_postgres
def test_postgres_round_trip(scratch_postgres: str, tmp_path: Path) -> None:
    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, data_dir=tmp_path, database_url=scratch_postgres)

    ok(cli("migrate", "--noinput", "-v0"))
    ok(cli("shell", "-c", CREATE_MISSION))
    archive = tmp_path / "bluehelmet.dump"
    out = ok(cli("backup", str(archive)))
    assert "missions: 1" in out
    assert archive.read_bytes().startswith(backup.PG_MAGIC)

    ok(cli("shell", "-c", DELETE_MISSION))
    refused(cli("restore", str(archive)), "--yes")
    junk = tmp_path / "junk.dump"
    junk.write_text("not a dump")
    refused(cli("restore", str(junk), "--yes"), "not a PostgreSQL backup")
    assert "MINUSBAK" not in ok(cli("shell", "-c", LIST_MISSIONS))

    ok(cli("restore", str(archive), "--yes"))
    assert "['MINUSBAK']" in ok(cli("shell", "-c", LIST_MISSIONS))
