"""The in-Django half of the JOC benchmark (``benchmarks/incidents.py`` starts it once per
database, with the environment that selects that database, after ``bluehelmet migrate``).

It imports the synthetic GED file with the real importer, then times what the JOC reads
(Capstone §7.2: the common operating picture, the weekly picture, the incident list), each
through the code path users hit: ``IncidentFilterSet`` on ``Incident.objects.restrict(user)``,
``operations.aggregate``, and the API and page views through Django's test client. The
figures and query plans go to a JSON file the parent turns into docs/benchmarks.md.

    python benchmarks/incidents_worker.py --csv FILE --out RESULT.json [--windows 60]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MISSION = "MINUSBENCH"
WARMUP = 10  # COP windows run before the measured ones, never reported
LIST_RUNS = 20


def log(message: str) -> None:
    print(f"[bench]   {message}", file=sys.stderr, flush=True)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def summary(samples: list[float]) -> dict[str, float]:
    """p50, p95 (nearest rank) and max of a list of milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[max(0, -(-95 * len(ordered) // 100) - 1)]
    return {
        "n": len(ordered),
        "p50": statistics.median(ordered),
        "p95": p95,
        "max": ordered[-1],
    }


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return (time.perf_counter() - start) * 1000, value


# --- import ------------------------------------------------------------------------------------


def import_file(path: Path) -> dict[str, Any]:
    from django.db import connection

    from bluehelmet.interop.importers.ged import import_ged
    from bluehelmet.operations.models import Incident

    log(f"{connection.vendor}: importing {path.name} with the GED importer ...")
    cpu_before, start = cpu_seconds(), time.perf_counter()
    report = import_ged(path, create_missions=True, mission_code=MISSION)
    seconds = time.perf_counter() - start
    cpu = cpu_seconds() - cpu_before
    stored = Incident.objects.filter(mission__code=MISSION).count()
    log(f"{report.rows:,} rows in {seconds:.1f} s ({report.rows / seconds:,.0f} rows/s), "
        f"{len(report.rejected)} rejected, {stored:,} stored")  # fmt: skip
    start = time.perf_counter()
    if connection.vendor == "postgresql":  # what autovacuum does soon after a bulk load
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE operations_incident")
    return {
        "rows": report.rows,
        "rejected": len(report.rejected),
        "stored": stored,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "vacuum_seconds": time.perf_counter() - start,
    }


def bench_user() -> Any:
    from django.contrib.auth import get_user_model

    from bluehelmet.core.models import Membership, Mission, Role

    user = get_user_model().objects.create_user(username="joc-bench", password=None)
    role, mission = Role.objects.get(code="joc-officer"), Mission.objects.get(code=MISSION)
    Membership.objects.create(user=user, role=role, mission=mission)
    return user


# --- the common operating picture ----------------------------------------------------------


def cop_windows(count: int, seed: int = 7) -> list[dict[str, str]]:
    """Map requests centred on stored incidents: bbox 0.5-13 degrees wide, a window of a week
    to two years ending near that incident, one or two of the categories present."""
    from django.db.models import Max, Min

    from bluehelmet.operations.models import Incident

    rng = random.Random(seed)  # noqa: S311  (synthetic data, not secrets)
    incidents = Incident.objects.filter(mission__code=MISSION)
    categories = sorted(set(incidents.values_list("category__code", flat=True).distinct()))
    ids = incidents.aggregate(low=Min("id"), high=Max("id"))
    windows = []
    while len(windows) < count:
        anchor = incidents.filter(pk=rng.randint(ids["low"], ids["high"])).values_list(
            "latitude", "longitude", "occurred_at"
        )
        if not anchor or anchor[0][0] is None:
            continue
        lat, lon, moment = anchor[0]
        width = rng.choice([0.5, 1, 2, 4, 8, 13])
        days = rng.choice([7, 30, 90, 180, 365, 730])
        until = moment.date() + datetime.timedelta(days=rng.randint(0, days // 2))
        since = until - datetime.timedelta(days=days)
        half = width / 2
        bbox = [lon - half, lat - half * 0.7, lon + half, lat + half * 0.7]
        windows.append(
            {
                "mission": MISSION,
                "bbox": ",".join(f"{v:.4f}" for v in bbox),
                "since": since.isoformat(),
                "until": until.isoformat(),
                "category": ",".join(rng.sample(categories, rng.choice([1, 2]))),
            }
        )
    return windows


class FakeRequest:
    """What ``IncidentFilterSet`` reads from a request: the user (for visible sources)."""

    def __init__(self, user: Any) -> None:
        self.user = user


def cop_queryset(user: Any, params: dict[str, str]) -> Any:
    """The API's geojson query: restrict, IncidentFilterSet, located, order, the shown columns
    as values (``operations.export.map_features``; the bench user sees sources)."""
    from bluehelmet.operations.export import MAP_FIELDS, MAP_SOURCE_FIELDS
    from bluehelmet.operations.filtersets import IncidentFilterSet
    from bluehelmet.operations.models import Incident

    base = Incident.objects.restrict(user)
    filterset = IncidentFilterSet(params, queryset=base, request=FakeRequest(user))
    if not filterset.is_valid():
        raise RuntimeError(f"COP filters refused: {filterset.errors.as_json()}")
    located = filterset.qs.filter(latitude__isnull=False)
    return located.values(*MAP_FIELDS, *MAP_SOURCE_FIELDS)[:501]


class LastIncidentQuery:
    """Remembers the last incident SELECT run (an ``execute_wrapper``), to time it bare."""

    def __init__(self, marker: str) -> None:
        self.marker = marker
        self.sql, self.params = "", ()

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if 'FROM "operations_incident"' in sql and self.marker in sql:
            self.sql, self.params = sql, params
        return execute(sql, params, many, context)


def bench_sql(statements: list[tuple[str, Any]]) -> list[float]:
    """Milliseconds to run each statement and fetch its rows as tuples (no model objects)."""
    from django.db import connection

    samples = []
    with connection.cursor() as cursor:
        for sql, params in statements:
            start = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def bench_cop(user: Any, client: Any, windows: list[dict[str, str]]) -> dict[str, Any]:
    from django.db import connection

    warm, measured = windows[:WARMUP], windows[WARMUP:]
    query_ms, rows, statements = [], [], []
    recorder = LastIncidentQuery("LIMIT")
    for i, params in enumerate(warm + measured):
        with connection.execute_wrapper(recorder):
            ms, result = timed(lambda p=params: list(cop_queryset(user, p)))
        if i >= WARMUP:
            query_ms.append(ms)
            rows.append(len(result))
            statements.append((recorder.sql, recorder.params))
    sql_ms = bench_sql(statements)
    by_time = sorted(range(len(measured)), key=lambda n: query_ms[n])
    endpoint_ms = []
    for i, params in enumerate(warm + measured):
        ms, response = timed(
            lambda p=params: client.get("/api/incidents/geojson/", {**p, "limit": "500"})
        )
        if response.status_code != 200:
            raise RuntimeError(f"geojson answered {response.status_code}: {response.content!r}")
        if i >= WARMUP:
            endpoint_ms.append(ms)
    return {
        "sql": summary(sql_ms),
        "query": summary(query_ms),
        "endpoint": summary(endpoint_ms),
        "points": summary(bench_points(client, warm + measured)),
        "rows_median": statistics.median(rows),
        "full_pages": sum(1 for r in rows if r > 500),
        "windows": len(measured),
        "median_window": measured[by_time[len(by_time) // 2]],
        "slowest_window": measured[by_time[-1]],
    }


def bench_points(client: Any, windows: list[dict[str, str]]) -> list[float]:
    """The COP map's own request at point zoom (one category: the page offers one)."""
    samples = []
    for i, params in enumerate(windows):
        query = {**params, "category": params["category"].split(",")[0], "limit": "500"}
        del query["mission"]
        ms, response = timed(
            lambda q=query: client.get(f"/missions/{MISSION}/cop/points.geojson", q)
        )
        if response.status_code != 200:
            raise RuntimeError(f"points.geojson answered {response.status_code}")
        if i >= WARMUP:
            samples.append(ms)
    return samples


# --- weekly counts and the list page --------------------------------------------------------


def year_params(year: int) -> dict[str, str]:
    return {"mission": MISSION, "since": f"{year}-01-01", "until": f"{year}-12-31"}


def weekly(user: Any, params: dict[str, str]) -> list[dict[str, Any]]:
    from bluehelmet.operations.aggregate import Grouping, aggregate
    from bluehelmet.operations.filtersets import IncidentFilterSet
    from bluehelmet.operations.models import Incident

    base = Incident.objects.select_related("mission", "category", "source").restrict(user)
    filterset = IncidentFilterSet(params, queryset=base, request=FakeRequest(user))
    if not filterset.is_valid():
        raise RuntimeError(f"aggregate filters refused: {filterset.errors.as_json()}")
    return aggregate(filterset.qs, Grouping(("period", "category", "admin1"), period="week"))


def data_years() -> list[int]:
    from django.db.models import Max, Min

    from bluehelmet.operations.models import Incident

    span = Incident.objects.aggregate(first=Min("occurred_at"), last=Max("occurred_at"))
    return list(range(span["first"].year, span["last"].year + 1))


def bench_weekly(user: Any, client: Any, years: list[int]) -> dict[str, Any]:
    from django.db import connection

    code_ms, endpoint_ms, groups, statements = [], [], [], []
    weekly(user, year_params(years[0]))  # warm-up, excluded
    recorder = LastIncidentQuery("GROUP BY")
    for _round in range(2):
        for year in years:
            with connection.execute_wrapper(recorder):
                ms, rows = timed(lambda y=year: weekly(user, year_params(y)))
            code_ms.append(ms)
            groups.append(len(rows))
            statements.append((recorder.sql, recorder.params))
    sql_ms = bench_sql(statements)
    query = {"by": "period,category,admin1", "period": "week"}
    client.get("/api/incidents/aggregate/", {**year_params(years[0]), **query})
    for year in years:
        ms, response = timed(
            lambda y=year: client.get("/api/incidents/aggregate/", {**year_params(y), **query})
        )
        if response.status_code != 200:
            raise RuntimeError(f"aggregate answered {response.status_code}")
        endpoint_ms.append(ms)
    return {
        "sql": summary(sql_ms),
        "code": summary(code_ms),
        "endpoint": summary(endpoint_ms),
        "groups_median": statistics.median(groups),
    }


LIST_PAGES = {
    "mission": {"mission": MISSION},
    "filtered": {"mission": MISSION, "since": "2022-01-01", "category": "attack-civilians"},
}


def bench_list(client: Any) -> dict[str, Any]:
    result = {}
    for name, params in LIST_PAGES.items():
        client.get("/incidents/", params)  # warm-up, excluded
        samples = []
        for _ in range(LIST_RUNS):
            ms, response = timed(lambda p=params: client.get("/incidents/", p))
            if response.status_code != 200:
                raise RuntimeError(f"/incidents/ answered {response.status_code}")
            samples.append(ms)
        result[name] = summary(samples)
    return result


# --- the headquarters overview (issue 20) ---------------------------------------------------

HQ_RUNS = 20


def data_end() -> datetime.datetime:
    """The day after the last stored incident: the synthetic years end long before today, so
    the overview's "last 90 days" and "last 12 months" are read as of then, full of incidents."""
    from django.db.models import Max

    from bluehelmet.operations.models import Incident

    last = Incident.objects.aggregate(last=Max("occurred_at"))["last"]
    return last + datetime.timedelta(days=1)


def bench_hq() -> dict[str, Any]:
    """``/hq/`` and ``/api/overview/`` for an HQ role that sees everything, with "now" set to
    the end of the data (``django.utils.timezone.now`` patched, as every cell reads it)."""
    from unittest import mock

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone

    from bluehelmet.core.models import Membership, Role

    user = get_user_model().objects.create_user(username="hq-bench", password=None)
    Membership.objects.create(user=user, role=Role.objects.get(code="hq-oversight"))
    client = Client()
    client.force_login(user)
    end = data_end()
    result: dict[str, Any] = {"as_of": end.date().isoformat()}
    with mock.patch.object(timezone, "now", return_value=end):
        for name, url in (("page", "/hq/"), ("api", "/api/overview/")):
            client.get(url)  # warm-up, excluded
            samples = []
            for _ in range(HQ_RUNS):
                ms, response = timed(lambda u=url: client.get(u))
                if response.status_code != 200:
                    raise RuntimeError(f"{url} answered {response.status_code}")
                samples.append(ms)
            result[name] = summary(samples)
        cells = client.get("/api/overview/").json()["missions"][0]["cells"]
    result["incidents_90d"] = (cells.get("incidents-90d") or {}).get("value")
    return result


# --- query plans ----------------------------------------------------------------------------


def captured_sql(fn: Callable[[], Any], marker: str) -> str:
    """The SQL (parameters inlined by the backend) of the incident query ``fn`` runs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        fn()
    for query in queries.captured_queries:
        sql = query["sql"]
        if 'FROM "operations_incident"' in sql and marker in sql:
            return sql
    raise RuntimeError(f"no incident query with {marker!r} was run")


def explain(sql: str) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            return sqlite_tree(cursor.fetchall())
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def sqlite_tree(rows: list[tuple[Any, ...]]) -> str:
    depth: dict[int, int] = {0: 0}
    lines = []
    for node, parent, _unused, detail in rows:
        depth[node] = depth.get(parent, 0) + 1
        lines.append(f"{'  ' * (depth[node] - 1)}{detail}")
    return "\n".join(lines)


def plans(user: Any, cop: dict[str, Any], year: int) -> dict[str, dict[str, str]]:
    """Plans of the median and the slowest COP window, and of one year's weekly counts."""
    result = {}
    for name in ("median_window", "slowest_window"):
        params = cop[name]
        sql = captured_sql(lambda p=params: list(cop_queryset(user, p)), "LIMIT")
        result[f"cop_{name}"] = {"sql": sql, "plan": explain(sql), "params": json.dumps(params)}
    sql = captured_sql(lambda: weekly(user, year_params(year)), "GROUP BY")
    result["weekly"] = {"sql": sql, "plan": explain(sql), "params": json.dumps(year_params(year))}
    return result


# --- main -----------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client

    result: dict[str, Any] = {"vendor": connection.vendor}
    result["import"] = import_file(args.csv)
    user = bench_user()
    client = Client()
    client.force_login(user)
    windows = cop_windows(args.windows + WARMUP)
    log("common operating picture: queryset, then the geojson endpoint")
    result["cop"] = bench_cop(user, client, windows)
    years = data_years()
    log(f"weekly counts by category and admin1, one year at a time ({years[0]}-{years[-1]})")
    result["weekly"] = bench_weekly(user, client, years)
    log("incident list page")
    result["list"] = bench_list(client)
    log("headquarters overview page and API")
    result["hq"] = bench_hq()
    result["plans"] = plans(user, result["cop"], years[len(years) // 2])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--windows", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bluehelmet.settings")
    import django

    django.setup()
    args.out.write_text(json.dumps(run(args), indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
