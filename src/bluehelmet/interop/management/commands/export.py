"""``bluehelmet export incidents --mission CODE --format csv|geojson|hxl``.

Filters are the API's (``--since``, ``--until``, ``--category``, ``--bbox``); ``--humanitarian``
writes the partner variant: unclassified records only, without operationally sensitive fields
(Capstone §7.2). ``--as USER`` limits the export to what that user may see; without it the
command runs as the system and exports every record of the mission.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from bluehelmet.core.models import Mission
from bluehelmet.operations import export as exporter
from bluehelmet.operations.filtersets import IncidentFilterSet
from bluehelmet.operations.models import Incident

FILTERS = ("since", "until", "category", "bbox", "actor")


class Command(BaseCommand):
    help = "Export incidents of a mission as CSV, GeoJSON or HXL (Capstone §7.2)."
    # Data work needs no system checks (they import every URLconf and view): start at once.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("what", choices=["incidents"])
        parser.add_argument("--mission", required=True, help="mission code")
        parser.add_argument("--format", choices=exporter.FORMATS, default="csv")
        parser.add_argument(
            "--humanitarian", action="store_true", help="partner variant: unclassified only"
        )
        parser.add_argument("--since", help="YYYY-MM-DD or ISO 8601 date-time")
        parser.add_argument("--until", help="YYYY-MM-DD (whole day) or ISO 8601 date-time")
        parser.add_argument("--category", help="category codes, comma-separated")
        parser.add_argument("--bbox", help="minlon,minlat,maxlon,maxlat")
        parser.add_argument("--actor", help="actor name (either side), part of it")
        parser.add_argument("--output", "-o", type=Path, help="file to write (default stdout)")
        parser.add_argument("--as", dest="username", help="export only what this user may see")

    def handle(self, *args: Any, **opts: Any) -> None:
        user = self._user(opts["username"])
        mission = Mission.objects.filter(code=opts["mission"].strip().upper()).first()
        if mission is None:
            raise CommandError(f"Unknown mission {opts['mission']}.")
        queryset = Incident.objects.filter(mission=mission)
        if user is not None:
            queryset = queryset.restrict(user)
        data = {k: opts[k] for k in FILTERS if opts.get(k)}
        filterset = IncidentFilterSet(data=data, queryset=queryset)
        if not filterset.is_valid():
            problems = "; ".join(f"--{k}: {' '.join(v)}" for k, v in filterset.errors.items())
            raise CommandError(problems)
        chunks = exporter.write(
            opts["format"], filterset.qs, humanitarian=opts["humanitarian"], user=user
        )
        self._write(chunks, opts["output"])

    def _write(self, chunks: Any, output: Path | None) -> None:
        try:
            self._drain(chunks, output)
        finally:
            chunks.close()  # release the database cursor even when the reader went away

    def _drain(self, chunks: Any, output: Path | None) -> None:
        if output is None:
            for chunk in chunks:
                self.stdout.write(chunk, ending="")
            return
        try:
            with output.open("w", encoding="utf-8", newline="") as handle:
                for chunk in chunks:
                    handle.write(chunk)
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc.strerror or exc}") from exc
        self.stderr.write(f"Wrote {output}")

    def _user(self, username: str | None) -> Any:
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Unknown user {username}.")
        return user
