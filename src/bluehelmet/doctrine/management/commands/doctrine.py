"""``bluehelmet doctrine load`` / ``bluehelmet doctrine tasks [--tamm] [--group GROUP]``.

``load`` (re)loads the doctrine catalogue, idempotently (the data migration already did it once);
``tasks`` lists the task taxonomy (Capstone §1.4, §2.3-2.5), with ``--tamm`` only the task types
that match a TAMM v2.1 column, and that column.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bluehelmet.doctrine.loader import describe, load_catalogue
from bluehelmet.doctrine.models import TaskGroup, TaskType


class Command(BaseCommand):
    help = "Load the Capstone doctrine catalogue, or list its task taxonomy."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(
            dest="subcommand", metavar="{load,tasks}", title="subcommands", required=True
        )
        sub.add_parser("load", help="create or update the catalogue (safe to repeat)")
        tasks = sub.add_parser("tasks", help="list the task types and their categories")
        tasks.add_argument(
            "--tamm", action="store_true", help="only task types with a TAMM v2.1 column"
        )
        tasks.add_argument("--group", choices=TaskGroup.values, help="only one group")

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts["subcommand"] == "load":
            self.stdout.write(describe(load_catalogue()))
            return
        if opts["subcommand"] == "tasks":
            self._tasks(tamm_only=opts["tamm"], group=opts["group"])
            return
        raise CommandError(f"Unknown subcommand {opts['subcommand']!r}: use load or tasks.")

    def _tasks(self, *, tamm_only: bool, group: str | None) -> None:
        rows = TaskType.objects.select_related("category")
        if tamm_only:
            rows = rows.exclude(tamm_flag="")
        if group:
            rows = rows.filter(category__group=group)
        tasks = sorted(rows, key=_listing_key)
        if not tasks:
            raise CommandError(
                "No task types found. Run `bluehelmet doctrine load` (or `bluehelmet migrate`)."
            )
        for task in tasks:
            column = task.tamm_flag or "-"
            resolution = task.cross_cutting_resolution
            suffix = f" [res. {resolution}]" if resolution else ""
            self.stdout.write(
                f"{task.code:36} {task.category.group:14} {column:28} {task.name}{suffix}"
            )
        self.stdout.write(f"{len(tasks)} task type(s).")


def _listing_key(task: TaskType) -> tuple[int, int, int, str]:
    """Groups in the doctrine's order (traditional first), then catalogue order."""
    groups = list(TaskGroup.values)
    group = task.category.group
    rank = groups.index(group) if group in groups else len(groups)
    return (rank, task.category.order, task.order, task.code)
