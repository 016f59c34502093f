"""``bluehelmet deployment_backtest [--data ../shared/data]``: leave-one-mission-out backtest
of the force estimate against the median of missions of the same kind, as a Markdown table
(docs/deployment.md). Without ``--data`` it scores the shipped table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from bluehelmet.deployment import backtest, comparables


class Command(BaseCommand):
    help = "Backtest the force estimate (leave one mission out) against a naive baseline."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", default="", help="Rebuild from this data folder first.")
        parser.add_argument(
            "--with-intensity", action="store_true", help="Also match UCDP conflict intensity."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        table = comparables.build(Path(options["data"])) if options["data"] else comparables.load()
        scores = backtest.run(table, with_intensity=options["with_intensity"])
        self.stdout.write(f"{len(table)} missions, leave one out:\n")
        self.stdout.write(backtest.markdown(scores))
