"""Backup and restore of the configured database (``bluehelmet backup`` / ``restore``).

SQLite runs in WAL mode, so recent commits may live only in the ``-wal`` file: a plain copy of
the database file can lose them or be torn. Backups therefore go through SQLite's online backup
API, which copies a consistent snapshot while the platform keeps running. A restore writes the
new database beside the old one and renames it into place, so a failure leaves the old one
intact. PostgreSQL goes through ``pg_dump --format=custom`` and ``pg_restore``, with the password
passed in the environment, never on the command line (where ``ps`` shows it to everyone).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils.translation import gettext as _

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"
# How long to wait for a writer to let go before giving up (seconds).
LOCK_TIMEOUT = 20

# The few tables the report counts, so that an operator sees at a glance what was saved.
KEY_MODELS = [
    ("core", "Mission", "missions"),
    ("operations", "Incident", "incidents"),
    ("auth", "User", "users"),
    ("core", "AuditEntry", "audit entries"),
]


class BackupError(Exception):
    """A refusal or failure, with a message for the operator."""


@dataclass
class Summary:
    """What a backup or restore wrote: the file, its size and a few row counts."""

    path: Path
    size: int
    tables: int
    counts: dict[str, int] = field(default_factory=dict)


def key_tables() -> list[tuple[str, str]]:
    """(label, table name) of the key models that are installed (core imports no other app)."""
    found = []
    for app_label, model_name, label in KEY_MODELS:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        found.append((label, model._meta.db_table))
    return found


@contextlib.contextmanager
def temp_beside(path: Path) -> Iterator[Path]:
    """A temporary file in ``path``'s directory (same file system, so the rename is atomic)."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
    finally:
        temp.unlink(missing_ok=True)


def check_destination(path: Path, *, force: bool) -> None:
    if path.is_dir():
        raise BackupError(_("%(path)s is a directory; give a file name.") % {"path": path})
    if not path.parent.is_dir():
        raise BackupError(_("Directory %(dir)s does not exist.") % {"dir": path.parent})
    if path.exists() and not force:
        raise BackupError(
            _("%(path)s already exists; pass --force to overwrite it.") % {"path": path}
        )


def read_magic(path: Path, length: int) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(length)
    except FileNotFoundError:
        raise BackupError(_("%(path)s does not exist.") % {"path": path}) from None
    except IsADirectoryError:
        raise BackupError(_("%(path)s is a directory, not a backup.") % {"path": path}) from None
    except OSError as exc:
        raise BackupError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc}
        ) from None


# SQLite --------------------------------------------------------------------------------------


def sqlite_open(path: Path, *, mode: str = "rw") -> sqlite3.Connection:
    """Open an existing database (``mode=rw`` or ``ro`` never creates an empty one by mistake)."""
    uri = f"file:{path}?mode={mode}"
    return sqlite3.connect(uri, uri=True, timeout=LOCK_TIMEOUT, isolation_level=None)


def sqlite_tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {row[0] for row in rows}


def sqlite_summary(path: Path) -> Summary:
    """Size, table count and key-table rows of a database file (read from the file itself)."""
    with contextlib.closing(sqlite_open(path, mode="ro")) as conn:
        tables = sqlite_tables(conn)
        counts = {
            label: conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for label, table in key_tables()
            if table in tables
        }
    return Summary(path, path.stat().st_size, len(tables), counts)


def sqlite_check_database(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a file that is corrupt or not a bluehelmet database."""
    try:
        verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        tables = sqlite_tables(conn)
        core = (
            "django_migrations" in tables
            and conn.execute(
                "SELECT COUNT(*) FROM django_migrations WHERE app = 'core'"
            ).fetchone()[0]
        )
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            _("%(path)s is not a usable SQLite database: %(error)s") % {"path": path, "error": exc}
        ) from None
    if verdict != "ok":
        raise BackupError(_("%(path)s is damaged: %(error)s") % {"path": path, "error": verdict})
    if not core:
        raise BackupError(
            _("%(path)s is a SQLite database but not a bluehelmet one (no core migrations).")
            % {"path": path}
        )


def sqlite_copy(source: sqlite3.Connection, dest: Path) -> None:
    """Copy a consistent snapshot of ``source`` into the file ``dest``, self-contained."""
    with contextlib.closing(sqlite3.connect(dest, isolation_level=None)) as target:
        source.backup(target)
        # The copy carries the WAL flag of the live file; a backup is one file, not three.
        target.execute("PRAGMA journal_mode=DELETE")
    dest.chmod(0o600)  # as sensitive as the database itself


def sqlite_backup(source: Path, dest: Path, *, force: bool = False) -> Summary:
    check_destination(dest, force=force)
    if not source.is_file():
        raise BackupError(_("No database at %(path)s: nothing to back up.") % {"path": source})
    try:
        with contextlib.closing(sqlite_open(source)) as conn:
            if not sqlite_tables(conn):  # created on start-up, never migrated
                raise BackupError(
                    _("The database %(path)s is empty: nothing to back up.") % {"path": source}
                )
            sqlite_check_database(conn, source)
            with temp_beside(dest) as temp:
                sqlite_copy(conn, temp)
                temp.replace(dest)
    except sqlite3.Error as exc:  # unreadable source, full disk, a lock held too long
        raise BackupError(
            _("Backup of %(path)s failed: %(error)s") % {"path": source, "error": exc}
        ) from None
    return sqlite_summary(dest)


def sqlite_validate_backup(path: Path) -> None:
    if read_magic(path, len(SQLITE_MAGIC)) != SQLITE_MAGIC:
        raise BackupError(_("%(path)s is not a SQLite database.") % {"path": path})
    with contextlib.closing(sqlite_open(path, mode="ro")) as conn:
        sqlite_check_database(conn, path)


def sqlite_table_count(path: Path) -> int:
    """How many tables the database at ``path`` holds (0 when there is no file yet)."""
    if not path.exists() or path.stat().st_size == 0:
        return 0
    try:
        with contextlib.closing(sqlite_open(path, mode="ro")) as conn:
            return len(sqlite_tables(conn))
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            _("Cannot read the current database %(path)s: %(error)s") % {"path": path, "error": exc}
        ) from None


@contextlib.contextmanager
def sqlite_exclusive(target: Path) -> Iterator[None]:
    """Hold the target database exclusively, out of WAL mode, while it is replaced.

    Leaving WAL mode folds the ``-wal`` file into the database and deletes it; it needs every
    other connection closed, so a running server or worker makes the restore refuse instead of
    leaving a stale ``-wal`` that SQLite would replay onto the restored file.
    """
    if not target.exists():
        yield
        return
    conn = sqlite_open(target)
    try:
        conn.execute("PRAGMA busy_timeout = 2000")
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if mode.lower() != "delete":
            raise sqlite3.OperationalError("database is locked")
        conn.execute("BEGIN EXCLUSIVE")
        yield
    except sqlite3.OperationalError as exc:
        raise BackupError(
            _(
                "The database %(path)s is in use (%(error)s): stop the server and the "
                "background worker, then restore again."
            )
            % {"path": target, "error": exc}
        ) from None
    finally:
        conn.close()


def sqlite_restore(backup: Path, target: Path) -> Summary:
    sqlite_validate_backup(backup)
    target.parent.mkdir(parents=True, exist_ok=True)
    with temp_beside(target) as temp:
        try:
            with contextlib.closing(sqlite_open(backup, mode="ro")) as source:
                sqlite_copy(source, temp)
        except sqlite3.Error as exc:  # e.g. a full disk: the old database is still in place
            raise BackupError(
                _("Restore from %(path)s failed: %(error)s") % {"path": backup, "error": exc}
            ) from None
        with sqlite_exclusive(target):
            Path(f"{target}-wal").unlink(missing_ok=True)  # stale once out of WAL mode
            temp.replace(target)
    return sqlite_summary(target)


# PostgreSQL ----------------------------------------------------------------------------------


def pg_env(db: dict[str, Any]) -> dict[str, str]:
    """libpq variables for the configured database: the password never reaches argv."""
    env = dict(os.environ)
    values = {
        "PGHOST": db.get("HOST"),
        "PGPORT": db.get("PORT"),
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
        "PGDATABASE": db.get("NAME"),
        "PGSSLMODE": (db.get("OPTIONS") or {}).get("sslmode"),
    }
    env.update({name: str(value) for name, value in values.items() if value})
    return env


def tool_major(executable: str) -> int | None:
    """The major version ``pg_dump --version`` reports, or None if it does not run."""
    try:
        result = subprocess.run(  # noqa: S603  (fixed argv, no shell)
            [executable, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except OSError:
        return None
    match = re.search(r"\) (\d+)", result.stdout) or re.search(r" (\d+)\.", result.stdout)
    return int(match.group(1)) if result.returncode == 0 and match else None


def find_pg_tool(name: str, server_major: int, pg_bin: str | None = None) -> str:
    """A ``pg_dump``/``pg_restore`` at least as new as the server (pg_dump's own rule)."""
    # --pg-bin is the operator's explicit choice: no silent fall-back to another client.
    candidates = (
        [str(Path(pg_bin) / name)]
        if pg_bin
        else [shutil.which(name) or "", f"/usr/lib/postgresql/{server_major}/bin/{name}"]
    )
    seen = []
    for candidate in filter(None, candidates):
        major = tool_major(candidate)
        if major is not None and major >= server_major:
            return candidate
        if major is not None:
            seen.append(f"{candidate} ({major})")
    if not seen:
        raise BackupError(
            _("%(tool)s not found: install the PostgreSQL %(major)d client or pass --pg-bin DIR.")
            % {"tool": name, "major": server_major}
        )
    raise BackupError(
        _(
            "%(tool)s is older than the server (PostgreSQL %(major)d): found %(seen)s. "
            "Install the PostgreSQL %(major)d client or pass --pg-bin DIR."
        )
        % {"tool": name, "major": server_major, "seen": ", ".join(seen)}
    )


def run_pg_tool(argv: list[str], db: dict[str, Any]) -> None:
    result = subprocess.run(  # noqa: S603  (argv built here, no shell)
        argv, capture_output=True, text=True, env=pg_env(db), check=False
    )
    if result.returncode != 0:
        detail = result.stderr.strip() or result.stdout.strip()
        raise BackupError(
            _("%(tool)s failed: %(error)s") % {"tool": Path(argv[0]).name, "error": detail}
        )


def pg_backup(pg_dump: str, db: dict[str, Any], dest: Path, *, force: bool = False) -> None:
    check_destination(dest, force=force)
    with temp_beside(dest) as temp:
        run_pg_tool([pg_dump, "--format=custom", f"--file={temp}"], db)
        temp.chmod(0o600)
        temp.replace(dest)


def pg_validate_backup(pg_restore: str, backup: Path) -> None:
    """Refuse a file that is not a pg_dump archive of a bluehelmet database."""
    if read_magic(backup, len(PG_MAGIC)) != PG_MAGIC:
        raise BackupError(
            _("%(path)s is not a PostgreSQL backup (pg_dump --format=custom).") % {"path": backup}
        )
    result = subprocess.run(  # noqa: S603  (argv built here, no shell)
        [pg_restore, "--list", str(backup)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or " TABLE public django_migrations " not in result.stdout:
        raise BackupError(
            _("%(path)s is not a backup of a bluehelmet database.") % {"path": backup}
        )


def pg_restore(pg_restore: str, db: dict[str, Any], backup: Path) -> None:
    """Replace the database's contents in one transaction: all of the backup or nothing."""
    pg_validate_backup(pg_restore, backup)
    run_pg_tool(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={db['NAME']}",
            str(backup),
        ],
        db,
    )


# The configured database -------------------------------------------------------------------


def sqlite_path(connection: BaseDatabaseWrapper) -> Path:
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        raise BackupError(_("An in-memory SQLite database cannot be backed up or restored."))
    return Path(name)


def pg_server_major(connection: BaseDatabaseWrapper) -> int:
    connection.ensure_connection()
    return int(connection.pg_version) // 10000  # type: ignore[attr-defined]


def check_vendor(connection: BaseDatabaseWrapper) -> None:
    if connection.vendor not in {"sqlite", "postgresql"}:
        raise BackupError(
            _("Backups support SQLite and PostgreSQL, not %(vendor)s.")
            % {"vendor": connection.vendor}
        )


def live_summary(connection: BaseDatabaseWrapper, path: Path) -> Summary:
    """Table count and key-table rows read from the live database (PostgreSQL)."""
    tables = set(connection.introspection.table_names())
    counts = {}
    with connection.cursor() as cursor:
        for label, table in key_tables():
            if table in tables:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
                counts[label] = cursor.fetchone()[0]
    return Summary(path, path.stat().st_size, len(tables), counts)


def database_is_empty(connection: BaseDatabaseWrapper) -> bool:
    """True when a restore would overwrite nothing: no file, or no table in it."""
    check_vendor(connection)
    if connection.vendor == "sqlite":
        return sqlite_table_count(sqlite_path(connection)) == 0
    return not connection.introspection.table_names()


def backup_database(
    connection: BaseDatabaseWrapper, dest: Path, *, force: bool = False, pg_bin: str | None = None
) -> Summary:
    check_vendor(connection)
    if connection.vendor == "sqlite":
        return sqlite_backup(sqlite_path(connection), dest, force=force)
    pg_dump = find_pg_tool("pg_dump", pg_server_major(connection), pg_bin)
    pg_backup(pg_dump, connection.settings_dict, dest, force=force)
    return live_summary(connection, dest)


def validate_backup(
    connection: BaseDatabaseWrapper, backup: Path, *, pg_bin: str | None = None
) -> None:
    """Refuse, before anything is asked or changed, a file that is not a usable backup."""
    check_vendor(connection)
    if not backup.exists():
        raise BackupError(_("%(path)s does not exist.") % {"path": backup})
    if not backup.is_file():
        raise BackupError(_("%(path)s is not a file.") % {"path": backup})
    if connection.vendor == "sqlite":
        sqlite_validate_backup(backup)
    else:
        pg_validate_backup(find_pg_tool("pg_restore", pg_server_major(connection), pg_bin), backup)


def restore_database(
    connection: BaseDatabaseWrapper, backup: Path, *, pg_bin: str | None = None
) -> Summary:
    check_vendor(connection)
    if connection.vendor == "sqlite":
        target = sqlite_path(connection)
        connection.close()  # our own connection would keep the old file's -wal open
        restored = sqlite_restore(backup, target)
        return Summary(backup, backup.stat().st_size, restored.tables, restored.counts)
    tool = find_pg_tool("pg_restore", pg_server_major(connection), pg_bin)
    connection.close()
    pg_restore(tool, connection.settings_dict, backup)
    return live_summary(connection, backup)
