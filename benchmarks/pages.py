"""Server time of the pages on the demo (issue 13: every list and form page under 300 ms).

Builds the demo (``bluehelmet migrate`` and ``bluehelmet demo``) in a temporary data directory
(SQLite, DEBUG off), logs in a MINUSBEL user (the Head of Mission by default, who sees every page
of the menu), picks MINUSBEL with the switcher, and times in-process with Django's test client,
so that no network or browser time is counted, every page the menu links to, every add page
those pages link to, and the add page of every other entity of the URLconf. Each page is loaded
once to warm it, then ``--runs`` times; the median goes to docs/benchmarks.md. Pages of the API
(``/api/...``: Swagger UI, the browsable API) are not the app's pages and are left out.

    .venv/bin/python benchmarks/pages.py [--runs 5] [--role head-of-mission] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from typing import Any

import harness
from harness import BenchError, log

TARGET_MS = 300.0
MISSION = "MINUSBEL"
SKIPPED_PREFIXES = ("/api/",)


@dataclass(frozen=True)
class Timing:
    path: str
    kind: str  # "menu" (a link of the menu) or "add" (an entity's add form)
    median_ms: float
    runs_ms: tuple[float, ...]
    queries: int

    @property
    def met(self) -> bool:
        return self.median_ms < TARGET_MS


class Links(HTMLParser):
    """The hrefs of the menu (``#sidenav``) and the add links of ``<main>``."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.menu: list[str] = []
        self.adds: list[str] = []
        self._where: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "nav" and a.get("id") == "sidenav":
            self._where.append("nav")
        elif tag == "main":
            self._where.append("main")
        elif tag == "a" and a.get("href") and self._where:
            href = str(a["href"])
            if self._where[-1] == "nav":
                self.menu.append(href)
            elif href.split("?")[0].endswith("/add/"):
                self.adds.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("nav", "main") and self._where:
            self._where.pop()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed loads per page (median)")
    parser.add_argument("--role", default="head-of-mission", help="the MINUSBEL demo role")
    parser.add_argument("--no-write", action="store_true", help="print, do not write the doc")
    return parser.parse_args(argv)


def set_up(workdir: Path, password: str) -> None:
    """Django on a fresh SQLite database in ``workdir`` with the demo built."""
    os.environ.update(
        {
            "BLUEHELMET_DATA_DIR": str(workdir),
            "BLUEHELMET_DEMO_PASSWORD": password,
            "DJANGO_SETTINGS_MODULE": "bluehelmet.settings",
            "ALLOWED_HOSTS": "testserver",
            "LOG_LEVEL": "ERROR",
        }
    )
    for name in ("DEBUG", "DATABASE_URL"):
        os.environ.pop(name, None)
    (workdir / "static").mkdir(parents=True, exist_ok=True)
    import django
    from django.core.management import call_command

    django.setup()
    log("migrating a fresh SQLite database")
    call_command("migrate", verbosity=0, interactive=False)
    log("building the demo")
    call_command("demo", stdout=StringIO(), stderr=StringIO())


def entity_add_pages() -> list[str]:
    """The ``<entity>-add`` pages of the URLconf, with the demo mission where one is needed."""
    from django.urls import NoReverseMatch, get_resolver, reverse

    names = sorted(
        {n for n in get_resolver().reverse_dict if isinstance(n, str) and n.endswith("-add")}
    )
    paths = []
    for name in names:
        for kwargs in ({}, {"code": MISSION}):
            try:
                paths.append(reverse(name, kwargs=kwargs))
                break
            except NoReverseMatch:
                continue
    return paths


def log_in(role: str) -> Any:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from bluehelmet.demo.users import mission_username

    username = mission_username(MISSION, role)
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise BenchError(f"no demo user {username!r}")
    client = Client()
    client.force_login(user)  # the password hasher is slow on purpose: not a page's time
    response = client.post("/switch-mission/", {"mission": MISSION})
    if response.status_code != 302:
        raise BenchError(f"switching to {MISSION} answered {response.status_code}")
    return client


def pages_to_time(client: Any) -> list[tuple[str, str]]:
    start = client.get(f"/missions/{MISSION}/")
    links = Links(start.content.decode())
    if not links.menu:
        raise BenchError("no menu on the mission overview")
    menu = [p for p in dict.fromkeys(links.menu) if not p.startswith(SKIPPED_PREFIXES)]
    adds: dict[str, str] = {}  # path without the query: the first link seen to it
    for path in menu:
        response = client.get(path)
        if response.status_code == 200:
            for add in Links(response.content.decode()).adds:  # one per entity
                adds.setdefault(add.split("?")[0], add)
    for add in entity_add_pages():
        adds.setdefault(add, add)
    return [(p, "menu") for p in menu] + [(p, "add") for p in adds.values() if p not in menu]


def time_page(client: Any, path: str, kind: str, runs: int, left_out: list[str]) -> Timing | None:
    from django.db import connection, reset_queries

    first = client.get(path)  # warm-up
    if first.status_code != 200:
        log(f"{path}: HTTP {first.status_code}, left out")
        left_out.append(f"`{path}` (HTTP {first.status_code})")
        return None
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise BenchError(f"{path} answered {response.status_code} after the warm-up")
    connection.force_debug_cursor = True
    reset_queries()
    client.get(path)
    queries = len(connection.queries)
    connection.force_debug_cursor = False
    return Timing(path, kind, statistics.median(times), tuple(times), queries)


def report(
    facts: dict[str, str], timings: list[Timing], runs: int, role: str, left_out: list[str]
) -> str:
    slow = [t for t in timings if not t.met]
    lines = [
        "## Pages on the demo",
        "",
        f"Target (issue 13): every list and form page answers in under {TARGET_MS:.0f} ms of "
        "server time on the demo. Server time is measured in-process with Django's test client "
        "(middleware, view, queries and template; no network, no browser), SQLite, DEBUG off, "
        f"as the MINUSBEL `{role}` demo user with MINUSBEL picked in the switcher: every page "
        "the menu links to, and every add form (those the pages link to and every other "
        "entity's). Median of "
        f"{runs} loads after one warm-up. Measured {facts['date']}, {facts['cpu']} "
        f"({facts['cores']} cores), load {facts['load']}, Python {facts['python']}, commit "
        f"{facts['commit']}; command `.venv/bin/python benchmarks/pages.py --runs {runs}`.",
        "",
        f"{len(timings) - len(slow)} of {len(timings)} pages under the target"
        + (f"; over it: {', '.join(f'`{t.path}`' for t in slow)}." if slow else ".")
        + (f" Not for this user, so not timed: {', '.join(left_out)}." if left_out else ""),
        "",
        "| page | kind | median | queries | under 300 ms |",
        "|---|---|---:|---:|---|",
    ]
    for t in timings:
        lines.append(
            f"| `{t.path}` | {t.kind} | {t.median_ms:.0f} ms | {t.queries} | "
            f"{'yes' if t.met else '**no**'} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    facts = harness.machine()
    try:
        with tempfile.TemporaryDirectory(prefix="bluehelmet-pages-") as tmp:
            set_up(Path(tmp) / "data", password="bench-pages-" + os.urandom(6).hex())
            client = log_in(args.role)
            pages = pages_to_time(client)
            log(f"timing {len(pages)} pages, {args.runs} runs each")
            left_out: list[str] = []
            timings = [t for p, k in pages if (t := time_page(client, p, k, args.runs, left_out))]
            from django.db import connections

            connections.close_all()
    except BenchError as exc:
        log(f"failed: {exc}")
        return 1
    timings.sort(key=lambda t: t.median_ms, reverse=True)
    markdown = report(facts, timings, args.runs, args.role, left_out)
    print(markdown)
    if not args.no_write:
        harness.write_section("pages", markdown)
        log(f"wrote the 'pages' section of {harness.DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
