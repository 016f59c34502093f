"""``bluehelmet geodata build --country ISO3 | --all``: the offline maps' country context.

Cuts the Natural Earth layers of the shared data (``--source``, default ``../shared/data/geo``
from the project root) to one country and its neighbours' side of the borders and writes
``<ISO3>.json`` (plain GeoJSON) to ``--output`` (default: the shipped static files,
``src/bluehelmet/static/geo/``). ``--all`` builds every host of UN operations in the cut and
``world.json``, the world outlines of the headquarters overview's map (``--country world``).
Exit status 1 (nothing written for that country) when the source is missing or lacks it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from bluehelmet.interop import geodata


def default_source() -> Path:
    return Path(settings.PROJECT_ROOT).parent / "shared" / "data" / "geo"


def default_output() -> Path:
    return Path(settings.BASE_DIR) / "static" / "geo"


class Command(BaseCommand):
    help = "Build the offline maps' country context files from Natural Earth (public domain)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["build"])
        parser.add_argument("--country", action="append", default=[], help="ISO3, repeatable")
        parser.add_argument("--all", action="store_true", help="every mission host in the cut")
        parser.add_argument("--source", type=Path, default=None, help="Natural Earth directory")
        parser.add_argument("--output", type=Path, default=None, help="where to write the files")

    def handle(self, *args: Any, **opts: Any) -> None:
        wanted = [c.strip().upper() for c in opts["country"]]
        if opts["all"]:
            wanted += [c for c in geodata.MISSION_HOSTS if c not in wanted]
        world = "WORLD" in wanted or opts["all"]
        wanted = [c for c in wanted if c != "WORLD"]
        if not wanted and not world:
            raise CommandError("Name a country (--country ISO3) or give --all.")
        bad = [c for c in wanted if len(c) != 3 or not c.isalpha()]
        if bad:
            raise CommandError(f"Not an ISO 3166 alpha-3 code: {', '.join(bad)}.")
        source = opts["source"] or default_source()
        output = opts["output"] or default_output()
        try:
            layers = geodata.load_layers(source)
        except geodata.GeodataError as exc:
            raise CommandError(str(exc)) from exc
        total = 0
        if world:
            path = geodata.write_country(geodata.build_world(layers), output)
            total += path.stat().st_size
            self.stdout.write(f"world: {path.stat().st_size / 1024:.0f} KB -> {path}")
        for country in wanted:
            try:
                collection = geodata.build_country(layers, country)
            except geodata.GeodataError as exc:
                raise CommandError(f"{exc} Known: {', '.join(geodata.countries(layers))}.") from exc
            path = geodata.write_country(collection, output)
            size = path.stat().st_size
            total += size
            self.stdout.write(
                f"{country}: {len(collection['features'])} features, {size / 1024:.0f} KB -> {path}"
            )
        if len(wanted) > 1:
            self.stdout.write(f"{len(wanted)} countries, {total / 1024:.0f} KB in all")
