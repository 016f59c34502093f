"""``bluehelmet mandate history|gap|consultations CODE``: a mission's mandate from the terminal."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bluehelmet.core.models import Mission
from bluehelmet.mandates.gap import Thresholds, gap_flags, gap_series
from bluehelmet.mandates.history import history, history_csv
from bluehelmet.mandates.models import Consultation


class Command(BaseCommand):
    help = "Mandate history (with --csv), mandate-resource gap, consultations (Capstone §4.2-4.3)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="what", required=True)
        h = sub.add_parser("history", help="mandate versions and their changes")
        h.add_argument("mission")
        h.add_argument("--csv", action="store_true")
        g = sub.add_parser("gap", help="authorised vs deployed, with flags")
        g.add_argument("mission")
        g.add_argument("--ratio", type=float)
        g.add_argument("--min-months", type=int)
        g.add_argument("--json", action="store_true")
        c = sub.add_parser("consultations", help="consultations with contributors")
        c.add_argument("mission")
        c.add_argument("--overdue", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        code = opts["mission"].upper()
        mission = Mission.objects.filter(code=code).first()
        if mission is None:
            raise CommandError(f"Unknown mission code {code}.")
        getattr(self, f"_{opts['what']}")(mission, opts)

    def _history(self, mission: Mission, opts: dict[str, Any]) -> None:
        rows = history(mission)
        if opts["csv"]:
            self.stdout.write(history_csv(rows), ending="")
            return
        for r in rows:
            basis = r["resolutions"] or r["other_basis"]
            ch7 = " Chapter VII" if r["chapter_vii"] else ""
            self.stdout.write(
                f"v{r['version']} {r['effective_from']}..{r['effective_to'] or 'now'}"
                f" [{basis}]{ch7}: {len(r['tasks'].split())} tasks"
            )
            if r["tasks_added"] and r["version"] > 1:
                self.stdout.write(f"   + {r['tasks_added']}")
            if r["tasks_removed"]:
                self.stdout.write(f"   - {r['tasks_removed']}")

    def _gap(self, mission: Mission, opts: dict[str, Any]) -> None:
        try:
            thresholds = Thresholds.from_settings(
                ratio=opts["ratio"], min_months=opts["min_months"]
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        flags = gap_flags(gap_series(mission), thresholds)
        if opts["json"]:
            self.stdout.write(json.dumps([asdict(f) for f in flags], default=str, indent=2))
            return
        if not flags:
            self.stdout.write("No mandate-resource gap at these thresholds.")
        for f in flags:
            self.stdout.write(f"[{f.category}] {f.explanation}")

    def _consultations(self, mission: Mission, opts: dict[str, Any]) -> None:
        for c in Consultation.objects.filter(mission=mission).prefetch_related("countries"):
            if opts["overdue"] and c.status != "overdue":
                continue
            countries = ", ".join(c.countries.values_list("iso3", flat=True)) or "-"
            self.stdout.write(f"{c.due_on} {c.status:8} {c.get_trigger_display()} ({countries})")
