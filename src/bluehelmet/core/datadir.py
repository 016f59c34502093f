"""The data directory and the SQLite file are readable by their owner only.

They hold every record, the secret key and the hashed passwords. ``settings`` creates them
private; this ``post_migrate`` step also tightens an installation made before that rule.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def sqlite_files(alias: str = "default") -> list[Path]:
    """The database file and its WAL companions, when the database is an SQLite file."""
    db = connections[alias].settings_dict
    name = str(db.get("NAME") or "")
    if db.get("ENGINE") != "django.db.backends.sqlite3" or not name or name.startswith(":memory:"):
        return []
    if name.startswith("file:"):  # an in-memory test database given as a URI
        return []
    base = Path(name)
    return [p for p in (base, Path(f"{name}-wal"), Path(f"{name}-shm")) if p.exists()]


def make_private(using: str = "default", **kwargs: Any) -> None:
    data_dir = getattr(settings, "DATA_DIR", None)
    if data_dir is not None and Path(data_dir).is_dir():
        _chmod_own(Path(data_dir), PRIVATE_DIR)
    for path in sqlite_files(using):
        _chmod_own(path, PRIVATE_FILE)


def _chmod_own(path: Path, mode: int) -> None:
    # Only what this account owns: a directory shared on purpose is the operator's choice.
    if path.stat().st_uid == os.getuid():
        path.chmod(mode)
