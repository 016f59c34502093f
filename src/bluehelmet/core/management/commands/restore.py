"""``bluehelmet restore PATH``: replace the database with a backup made by ``bluehelmet backup``.

The backup is checked first (a SQLite or pg_dump file of a bluehelmet database); a database that
holds anything is replaced only with ``--yes`` or after a confirmation on a terminal. SQLite is
written beside the old file and renamed into place; PostgreSQL is restored in one transaction.
Exit status 0 when restored, 1 with a message when refused or failed (nothing changed then).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils.translation import gettext as _

from bluehelmet.core.backup import (
    BackupError,
    database_is_empty,
    restore_database,
    validate_backup,
)
from bluehelmet.core.management.commands.backup import add_common_arguments, describe
from bluehelmet.core.management.commands.healthcheck import database_report


class Command(BaseCommand):
    help = _("Replace the database with a backup written by `bluehelmet backup`.")
    requires_system_checks: list[str] = []  # the database may not match the code until restored

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", help=_("Backup file to restore."))
        parser.add_argument(
            "--yes", action="store_true", help=_("Replace a database that holds data, unasked.")
        )
        add_common_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["database"] not in connections:
            raise CommandError(_("Unknown database alias: %s") % options["database"])
        connection = connections[options["database"]]
        path = Path(options["path"]).expanduser().absolute()
        try:
            validate_backup(connection, path, pg_bin=options["pg_bin"])
            self.confirm(connection, assume_yes=options["yes"])
            summary = restore_database(connection, path, pg_bin=options["pg_bin"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            _("Restored %(path)s into %(name)s")
            % {"path": summary.path, "name": connection.settings_dict["NAME"]}
        )
        self.stdout.write(describe(summary))
        self.warn_unapplied(options["database"])

    def confirm(self, connection: BaseDatabaseWrapper, *, assume_yes: bool) -> None:
        """Overwriting data needs --yes, or a "yes" typed at a terminal."""
        if assume_yes or database_is_empty(connection):
            return
        name = connection.settings_dict["NAME"]
        if not sys.stdin.isatty():
            raise BackupError(
                _("The database %(name)s holds data; pass --yes to replace it.") % {"name": name}
            )
        answer = input(_("Replace the database %(name)s with the backup? [y/N] ") % {"name": name})
        if answer.strip().lower() not in {"y", "yes", _("y"), _("yes")}:
            raise BackupError(_("Restore cancelled; nothing was changed."))

    def warn_unapplied(self, alias: str) -> None:
        """A backup from an older release needs the newer migrations."""
        report = database_report(alias)
        if report.get("unapplied_migrations"):
            self.stdout.write(
                _("Note: %(count)d migrations not applied: run `bluehelmet migrate`.")
                % {"count": report["unapplied_migrations"]}
            )
