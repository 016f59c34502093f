"""``bluehelmet healthcheck``: is the configured database reachable and fully migrated?

Prints a JSON report on stdout and exits non-zero when something is wrong, so that process
supervisors, container health probes and CI can use it without parsing prose. A mission running
on a poor connection needs to know quickly whether its system is usable (Capstone §8.3 on the
mission's support and communications infrastructure).
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _


def database_report(alias: str = DEFAULT_DB_ALIAS) -> dict[str, Any]:
    """Vendor, reachability and the number of migrations not applied yet."""
    connection = connections[alias]
    report: dict[str, Any] = {"alias": alias, "vendor": connection.vendor, "ok": False}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        report["error"] = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
        return report
    report["unapplied_migrations"] = len(plan)
    report["ok"] = not plan
    if plan:
        report["error"] = _("%(count)d migrations not applied: run `bluehelmet migrate`") % {
            "count": len(plan)
        }
    return report


class Command(BaseCommand):
    help = _("Check that the database is reachable and migrated; print a JSON report.")

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help=_("Database alias to check.")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["database"] not in connections:
            raise CommandError(_("Unknown database alias: %s") % options["database"])
        database = database_report(options["database"])
        status = "ok" if database["ok"] else "error"
        self.stdout.write(json.dumps({"status": status, "database": database}, indent=2))
        if status != "ok":
            raise CommandError(database["error"])
