"""Incident ingest against the data engines (issue 12), whole processes measured in one run.

For each file (the real UCDP GED file of the Central African Republic from ../shared/data, and
synthetic GED files of ``--sizes`` rows from ``ged_synth``) and each database (SQLite, and
PostgreSQL when there is one: ``DATABASE_URL=postgres://...`` or a throw-away server):

1. DuckDB, a whole ``python`` process: ``CREATE TABLE AS SELECT * FROM read_csv_auto(file)``
   into an on-disk database, the reference;
2. pandas, a whole process: ``read_csv`` + ``to_sql`` into a fresh SQLite file (SQLite only:
   pandas writes to PostgreSQL through SQLAlchemy, which bluehelmet does not install);
3. bluehelmet, a whole process: ``bluehelmet import ucdp-ged FILE --mission BENCH --create``
   into a freshly migrated database, with its peak resident memory (``wait4``), while a second
   process makes a short write transaction every 50 ms and records how long each one waited:
   the longest wait is what another user of the platform would have felt;
4. the same import again (nothing changes: the idempotent re-import).

With ``--formats`` the same synthetic events are also written as ACLED exports and HXL-tagged
tables (``ged_synth.write_format``) and imported with ``bluehelmet import acled|hxl``.

    .venv/bin/python benchmarks/ingest.py [--sizes 16000,1000000] [--database all|sqlite|postgres]
                                          [--formats ged,acled,hxl] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import ged_synth
import harness
from harness import BenchError, Database, log
from incidents import databases

REAL_GED = (
    harness.ROOT.parent / "shared" / "data" / "ucdp" / "ged_v23_1_central_african_republic.csv"
)
RATIO_TARGET, STRETCH_PG, RSS_TARGET_MB = 3.0, 1.5, 1024.0
PROBE_EVERY = 0.05
KINDS = {"ged": "ucdp-ged", "acled": "acled", "hxl": "hxl"}  # --formats -> `bluehelmet import`


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="16000,1000000", help="synthetic file sizes (rows)")
    parser.add_argument(
        "--database", choices=["sqlite", "postgres", "all"], default="all",
        help="'all': SQLite, and PostgreSQL when DATABASE_URL names one or it is installed",
    )  # fmt: skip
    parser.add_argument(
        "--formats", default="ged", help="file formats to import: ged, acled, hxl (commas)"
    )
    parser.add_argument("--no-write", action="store_true", help="do not update the doc")
    args = parser.parse_args(argv)
    args.formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    if not args.formats or any(f not in KINDS for f in args.formats):
        parser.error(f"--formats takes {', '.join(KINDS)} separated by commas")
    try:
        args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas")
    if any(n < 100 for n in args.sizes):
        parser.error("--sizes must be at least 100 rows each")
    return args


# --- whole processes ----------------------------------------------------------------------------


def timed(argv: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall seconds and peak resident MB of one process (its own ``wait4`` usage)."""
    start = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    stdout, stderr = process.stdout.read(), process.stderr.read()  # type: ignore[union-attr]
    if os.waitstatus_to_exitcode(status) != 0:
        raise BenchError(f"{' '.join(argv[:3])} ... failed:\n{(stderr or stdout).decode()[-2000:]}")
    return {"seconds": seconds, "rss_mb": usage.ru_maxrss / 1024}


DUCKDB = """
import duckdb, sys
with duckdb.connect(sys.argv[2]) as con:
    con.execute("CREATE TABLE ged AS SELECT * FROM read_csv_auto(?)", [sys.argv[1]])
"""

PANDAS = """
import pandas, sqlite3, sys
frame = pandas.read_csv(sys.argv[1], low_memory=False)
with sqlite3.connect(sys.argv[2]) as con:
    frame.to_sql("ged", con, index=False, chunksize=10000)
"""


def reference(script: str, csv: Path, target: Path) -> dict[str, float]:
    target.unlink(missing_ok=True)
    result = timed([sys.executable, "-c", textwrap.dedent(script), str(csv), str(target)])
    target.unlink(missing_ok=True)
    return result


# --- the concurrent writer --------------------------------------------------------------------

PROBE = """
import sys, time
url, stop, out = sys.argv[1], sys.argv[2], sys.argv[3]
waits = []
if url.startswith("postgres"):
    import psycopg
    con = psycopg.connect(url, autocommit=True)
    con.execute("CREATE TABLE IF NOT EXISTS bench_probe (at double precision)")
    def write():
        with con.transaction():
            con.execute("INSERT INTO bench_probe VALUES (%s)", [time.time()])
else:
    import sqlite3
    con = sqlite3.connect(url, timeout=600, isolation_level=None)
    con.execute("CREATE TABLE IF NOT EXISTS bench_probe (at REAL)")
    def write():
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO bench_probe VALUES (?)", [time.time()])
        con.execute("COMMIT")
import os
while not os.path.exists(stop):
    start = time.perf_counter()
    write()
    waits.append(time.perf_counter() - start)
    time.sleep(%(every)s)
open(out, "w").write(" ".join(f"{w:.6f}" for w in waits))
""".replace("%(every)s", str(PROBE_EVERY))


def probe_target(db: Database) -> str:
    url = db.env.get("DATABASE_URL", "")
    return url or str(Path(db.env["BLUEHELMET_DATA_DIR"]) / "bluehelmet.sqlite3")


def import_with_probe(db: Database, csv: Path, workdir: Path, kind: str) -> dict[str, Any]:
    env = environment(db)
    stop, out = workdir / "probe.stop", workdir / "probe.out"
    stop.unlink(missing_ok=True)
    probe = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", PROBE, probe_target(db), str(stop), str(out)]
    )
    time.sleep(0.5)
    try:
        argv = [str(harness.BIN / "bluehelmet"), "import", kind, str(csv)]
        result = timed([*argv, "--mission", "BENCH", "--create"], env)
    finally:
        stop.touch()
        probe.wait(timeout=600)
    waits = [float(w) for w in out.read_text().split()] if out.exists() else []
    result["probe_writes"] = len(waits)
    result["longest_wait_ms"] = max(waits, default=0.0) * 1000
    return result


def environment(db: Database) -> dict[str, str]:
    return harness.environment(db)


def fresh(db: Database) -> None:
    """An empty, migrated database for each file."""
    url = db.env.get("DATABASE_URL")
    if url:  # ``postgres_database`` made ``<name>_bench`` beside ``<name>``: make it again
        harness.postgres_database(url.rsplit("_bench", 1)[0], Path(db.env["BLUEHELMET_DATA_DIR"]))
    else:
        shutil.rmtree(db.env["BLUEHELMET_DATA_DIR"], ignore_errors=True)
        (Path(db.env["BLUEHELMET_DATA_DIR"]) / "static").mkdir(parents=True)
    harness.bluehelmet(["migrate", "--noinput", "-v", "0"], environment(db))


def bench_file(
    db: Database, csv: Path, workdir: Path, refs: dict[str, Any], kind: str = "ucdp-ged"
) -> dict[str, Any]:
    fresh(db)
    log(f"{db.label}: importing {csv.name}")
    first = import_with_probe(db, csv, workdir, kind)
    again = timed(
        [str(harness.BIN / "bluehelmet"), "import", kind, str(csv), "--mission", "BENCH"],
        environment(db),
    )
    stored = count_stored(db)
    log(f"{db.label}: {first['seconds']:.1f} s, again {again['seconds']:.1f} s, {stored:,} stored")
    return {
        "db": db.label,
        "file": csv.name,
        "first": first,
        "again": again,
        "stored": stored,
        **refs,
    }


def count_stored(db: Database) -> int:
    url = db.env.get("DATABASE_URL")
    sql = "SELECT count(*) FROM operations_incident"
    if url:
        import psycopg

        with psycopg.connect(url) as con:
            return int(con.execute(sql).fetchone()[0])  # type: ignore[index]
    with sqlite3.connect(probe_target(db)) as con:
        return int(con.execute(sql).fetchone()[0])


# --- report -------------------------------------------------------------------------------------


def table_rows(results: list[dict[str, Any]]) -> list[str]:
    rows = []
    for r in results:
        first, duck, rows_n = r["first"], r["duckdb"], r["rows"]
        ratio = first["seconds"] / duck["seconds"]
        pandas = r.get("pandas") if r["db"] == "SQLite" else None
        vs_pandas = f"{first['seconds'] / pandas['seconds']:,.2f}" if pandas else ""
        target = STRETCH_PG if r["db"].startswith("PostgreSQL") else RATIO_TARGET
        verdict = "met" if ratio <= RATIO_TARGET else "NOT met"
        if r["db"].startswith("PostgreSQL") and ratio <= target:
            verdict = "met (stretch too)"
        rows.append(
            f"| {r['db']} | {r['file']} | {rows_n:,} | {r['stored']:,} | {first['seconds']:,.1f} "
            f"| {rows_n / first['seconds']:,.0f} | {duck['seconds']:,.2f} | **{ratio:,.1f}x** "
            f"| {verdict} | {vs_pandas} "
            f"| {first['rss_mb']:,.0f} | {first['longest_wait_ms']:,.0f} ({first['probe_writes']}) "
            f"| {r['again']['seconds']:,.1f} |"
        )
    return rows


def report(ctx: dict[str, Any]) -> str:
    m = ctx["machine"]
    return "\n".join([
        "## Ingest: whole import processes against DuckDB and pandas",
        "",
        "Targets (issue 12): a GED import, the whole `bluehelmet import` process, within 3x of "
        "a whole DuckDB process loading the same file into an on-disk table (stretch on "
        "PostgreSQL: 1.5x), on a ~16,000-row file and on 1,000,000 rows; the 1M import under "
        f"{RSS_TARGET_MB:,.0f} MB resident; other writers wait well under a second.",
        "",
        f"- Date: {m['date']}; commit {m['commit']}",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}; {m['os']}; "
        f"Python {m['python']}",
        f"- Load: 1-minute load average {ctx['load_before']} at the start, {m['load']} at the end",
        f"- Command: `.venv/bin/python benchmarks/ingest.py {ctx['argv']}` "
        f"({ctx['minutes']:.1f} minutes)",
        "- Files: the real GED 23.1 extract of the Central African Republic (1,848 events), and "
        "synthetic GED events (`benchmarks/ged_synth.py`: real CAR events with new ids, dates "
        "and jittered points; 48 columns)"
        + (
            "; `acled_*` and `hxl_*`: the same synthetic events as ACLED exports (31 columns) "
            "and as HXL-tagged tables (our export's header and hashtag rows, 20 columns), "
            "imported with `bluehelmet import acled|hxl`."
            if ctx["formats"] != ["ged"]
            else "."
        ),
        "- pandas: `read_csv` + `to_sql` into a fresh SQLite file, a whole process (on "
        "PostgreSQL it would need SQLAlchemy, not installed: the column is left empty).",
        "- Longest wait: a second process writes one row in its own transaction every "
        f"{PROBE_EVERY * 1000:.0f} ms during the first import; the longest time one of those "
        "writes waited, and (in brackets) how many it made.",
        "",
        "| database | file | rows | stored | bluehelmet s | rows/s | DuckDB s | ratio | target "
        "| / pandas | peak MB | longest wait ms (writes) | re-import s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|",
        *table_rows(ctx["results"]),
        "",
        *NOTES,
    ])  # fmt: skip


NOTES = (
    "### Notes",
    "",
    "- **What the import does.** DuckDB reads the file and one SQL query converts and checks "
    "every column (`interop/importers/columnar.py`; ACLED and HXL: `columnar_acled.py`, "
    "`columnar_hxl.py`, whose query also builds each row's fields as one JSON document); rows "
    "in the plain forms real files use take that path, others go to the row parser "
    "(`parse_ged_row`, `parse_acled_row`, `parse_hxl_row`), so rules, messages and fields are "
    "the same (tested row by row). Python then fingerprints "
    "each row (orjson + BLAKE2b), adds its H3 cells, and new incidents are written in batches "
    "of 5,000 with one prepared `executemany` on SQLite or `COPY` on PostgreSQL "
    "(`interop/importers/writer.py`), each batch its own short transaction, hidden from every "
    "query by an open `IncidentImportBatch` until the whole file is in; publishing deletes "
    "that row, so the incidents appear at once. A failure removes what was written; a killed "
    "process leaves a batch whose heartbeat goes stale, removed by the next import.",
    "- **Where the time goes.** A cProfile of a 300,000-row SQLite import (36.8 s under "
    "the profiler): `executemany` 25 %, commits 24 % (each commit of a batch passes SQLite's "
    "WAL auto-checkpoint, which copies the pages back and syncs the file), DuckDB's fetch 8 %, "
    "and the per-row Python work about 35 % (the column tuple 13 %, field dict 7 %, "
    "fingerprint 4 %, H3 cells 4 %, datetimes as text 4 %). Indexes are not the bottleneck: "
    "with 13 of the 15 indexes dropped the same import took 24.3 s against 26.3 s, and "
    "building them afterwards took 3.1 s, so dropping and rebuilding them for large loads was "
    "not adopted (other users would meanwhile query without them, and the rebuild holds the "
    "write lock for seconds). Batch size and page cache count: 37 s with batches of 2,000 "
    "and the default 2 MB cache, 26 s with 5,000 and 64 MB (the setting), 25 s with 10,000 "
    "and 256 MB (a batch then held the write lock 0.46 s; 5,000 hold it about 0.25 s). A "
    "larger `wal_autocheckpoint` (100,000 pages) took 25.4 s against 32.5 s in one trial "
    "under load; not adopted yet (the WAL then grows to 400 MB between checkpoints).",
    "- **What would close the gap to 3x** (not done): writing in a second thread while the "
    "next batch is prepared (SQLite and psycopg release the GIL while they write; today the "
    "two alternate, so the time is their sum); computing fingerprints and H3 cells in the "
    "DuckDB query so that Python only passes tuples along; on PostgreSQL, streaming DuckDB's "
    "result straight into `COPY`.",
    "- **This run (2026-12-05) against the previous one (2026-12-04).** The 1M ratios fell "
    "from 34-36x to 23-26x mostly because DuckDB's reference took 4.5 s instead of 3.1 s; "
    "bluehelmet's own times were about the "
    "same (SQLite 114.8 s against 107.0 s, PostgreSQL 102.3 s against 111.1 s) with one "
    "more index to keep (`incident_mission_day_cover`, for the counts by period). The "
    "longest wait of another writer on SQLite rose to 1.1 s (one of 699 writes; 0.6 s "
    "before): a batch now also writes that index, and a commit that passes SQLite's WAL "
    "auto-checkpoint holds the lock longest. Not met: the issue asks for well under a "
    "second. What would close it: smaller batches for large files, or the checkpoint run by "
    "the importer between batches instead of inside a commit. ACLED and HXL now take the "
    "columnar reader too: at 16,000 rows an ACLED import took 1.3 s (5.0x DuckDB) and HXL "
    "1.6 s (6.3x), about 10 % faster than their row reader at 100,000 rows for HXL and even "
    "for ACLED, with about 100 MB more peak memory (DuckDB in the process); measured by "
    "`.venv/bin/python benchmarks/ingest.py --sizes 16000 --database sqlite --formats "
    "ged,acled,hxl --no-write`, not in the table.",
    "- **DuckDB and pandas** do far less: DuckDB stores the 48 columns as text with no index, "
    "no validation, no fingerprint and no id lookup; pandas infers types and writes one table "
    "without indexes.",
)


# --- main ---------------------------------------------------------------------------------------


def files(args: argparse.Namespace, workdir: Path) -> list[tuple[Path, int, str]]:
    """(file, rows, import kind): the real GED file, then each format at each size."""
    chosen = []
    if REAL_GED.exists() and "ged" in args.formats:
        chosen.append((REAL_GED, ged_synth.count_rows(REAL_GED), KINDS["ged"]))
    for size in args.sizes:
        for kind in args.formats:
            path = workdir / f"{kind}_{size}.csv"
            log(f"writing {size:,} synthetic events ({kind})")
            ged_synth.write_format(path, size, kind)
            chosen.append((path, size, KINDS[kind]))
    return chosen


def measure(args: argparse.Namespace, workdir: Path, ctx: dict[str, Any]) -> None:
    with ExitStack() as stack:
        chosen, ctx["pg_note"] = databases(args.database, workdir, stack)
        results = []
        for csv, rows, kind in files(args, workdir):
            refs = {
                "rows": rows,
                "duckdb": reference(DUCKDB, csv, workdir / "ref.duckdb"),
                "pandas": reference(PANDAS, csv, workdir / "ref.sqlite3"),
            }
            duck, pandas = refs["duckdb"]["seconds"], refs["pandas"]["seconds"]
            log(f"{csv.name}: DuckDB {duck:.2f} s, pandas {pandas:.2f} s")
            results += [bench_file(db, csv, workdir, refs, kind) for db in chosen]
        ctx["results"] = results


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    ctx: dict[str, Any] = {"argv": " ".join(argv), "load_before": harness.load_average()}
    ctx["formats"] = args.formats
    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="bluehelmet-ingest-bench-"))
    workdir.chmod(0o755)  # the throw-away PostgreSQL runs as the postgres user when we are root
    try:
        measure(args, workdir, ctx)
    except (BenchError, ged_synth.SynthError) as exc:
        log(f"error: {exc}")
        return 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    ctx["minutes"] = (time.perf_counter() - started) / 60
    ctx["machine"] = harness.machine()
    markdown = report(ctx)
    print(markdown)
    if not args.no_write:
        harness.write_section("ingest", markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
