"""``bluehelmet backup PATH``: a consistent copy of the database, taken while it runs.

SQLite goes through its online backup API (a plain copy of a live WAL database can lose the
latest commits); PostgreSQL through ``pg_dump --format=custom``. Exit status 0 when the backup
is written, 1 with a message when it is refused or fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from bluehelmet.core.backup import BackupError, Summary, backup_database


def describe(summary: Summary) -> str:
    """Size, tables and key-table rows on one line each, for the operator to check."""
    size = str(filesizeformat(summary.size)).replace("\xa0", " ")
    counts = ", ".join(f"{label}: {count}" for label, count in summary.counts.items())
    lines = [_("  size: %(size)s, %(tables)d tables") % {"size": size, "tables": summary.tables}]
    if counts:
        lines.append(f"  {counts}")
    return "\n".join(lines)


def add_common_arguments(parser: Any) -> None:
    parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help=_("Database alias."))
    parser.add_argument(
        "--pg-bin",
        metavar="DIR",
        help=_("Directory of pg_dump/pg_restore (PostgreSQL), e.g. /usr/lib/postgresql/15/bin."),
    )


class Command(BaseCommand):
    help = _("Write a consistent backup of the database to PATH (SQLite or PostgreSQL).")
    requires_system_checks: list[str] = []  # a data command: the checks only slow it down

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", help=_("File to write the backup to."))
        parser.add_argument("--force", action="store_true", help=_("Overwrite PATH if it exists."))
        add_common_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["database"] not in connections:
            raise CommandError(_("Unknown database alias: %s") % options["database"])
        path = Path(options["path"]).expanduser().absolute()
        try:
            summary = backup_database(
                connections[options["database"]],
                path,
                force=options["force"],
                pg_bin=options["pg_bin"],
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(_("Backup written to %(path)s") % {"path": summary.path})
        self.stdout.write(describe(summary))
