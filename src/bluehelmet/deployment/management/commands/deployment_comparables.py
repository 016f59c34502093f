"""``bluehelmet deployment_comparables [--data ../shared/data]``: rebuild the table of
comparable missions the force estimate ships with (deployment/data/comparable_missions.csv)
from TAMM, the authorised-vs-deployed personnel data and the UCDP/PRIO conflict data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bluehelmet.deployment import comparables


class Command(BaseCommand):
    help = "Rebuild the force estimate's table of comparable missions from the research data."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", default="../shared/data", help="The shared data folder.")
        parser.add_argument("--output", default=str(comparables.TABLE), help="Where to write.")

    def handle(self, *args: Any, **options: Any) -> None:
        data = Path(options["data"])
        missing = [
            p
            for p in (comparables.TAMM, comparables.PERSONNEL, comparables.ACD)
            if not (data / p).exists()
        ]
        if missing:
            raise CommandError(f"Missing under {data}: {', '.join(missing)}")
        rows = comparables.build(data)
        comparables.write(rows, Path(options["output"]))
        self.stdout.write(f"{len(rows)} comparable missions written to {options['output']}.")
