"""Shared plumbing for the scripts in ``benchmarks/``: machine facts, databases, a real server.

Benchmarks are measurements, not tests (DESIGN.md "Performance targets"): each script builds its
own database, runs against a real multi-process server on loopback, and writes its figures into
its own section of ``docs/benchmarks.md`` together with the machine, the date and the command.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DOC = ROOT / "docs" / "benchmarks.md"
DOC_HEADER = """# Benchmarks

Figures measured by `make bench` (scripts in `benchmarks/`). Targets come from DESIGN.md
("Performance targets"). Each section is rewritten by the script that measured it and names the
machine, the date and the command, so that figures from different machines are never mixed up.
Ratios against a reference measured in the same run on the same machine travel better between
machines than absolute figures do. Load comes from Debian's `wrk` when it is installed
(`apt-get install wrk`), else from a Python client; servers run under gunicorn on 127.0.0.1.
`DATABASE_URL=postgres://... make bench` measures PostgreSQL too, in a fresh `<name>_bench`
database beside the one named (`scripts/pg_throwaway.sh` starts a throw-away server).
"""


class BenchError(RuntimeError):
    """A failure of the harness itself (server did not start, no data ...): reported, exit 1."""


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --- machine -------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """CPU model and core count (from /proc/cpuinfo), memory, OS, Python, git commit."""
    cpuinfo = _read("/proc/cpuinfo")
    models = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    meminfo = re.search(r"^MemTotal:\s*(\d+) kB", _read("/proc/meminfo"), re.MULTILINE)
    os_name = re.search(r'^PRETTY_NAME="?([^"\n]+)"?', _read("/etc/os-release"), re.MULTILINE)
    return {
        "cpu": models[0].strip() if models else platform.processor() or "unknown",
        "cores": str(len(models) or os.cpu_count() or 0),
        "memory": f"{int(meminfo.group(1)) / 1024 / 1024:.0f} GiB" if meminfo else "unknown",
        "os": os_name.group(1) if os_name else platform.platform(),
        "python": platform.python_version(),
        "commit": _git_commit(),
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load": load_average(),
    }


def load_average() -> str:
    """1-minute load average: other work on the machine skews every figure measured here."""
    fields = _read("/proc/loadavg").split()
    return fields[0] if fields else "unknown"


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _git_commit() -> str:
    try:
        head = _capture(["git", "rev-parse", "--short", "HEAD"]).strip()
        dirty = _capture(["git", "status", "--porcelain", "--untracked-files=no"]).strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}{' (with uncommitted changes)' if dirty else ''}"


def _capture(argv: list[str], env: dict[str, str] | None = None) -> str:
    return subprocess.run(  # noqa: S603  (argv built here, no shell)
        argv, cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout


# --- databases -----------------------------------------------------------------------------


@dataclass
class Database:
    """One database to benchmark: its label and the environment that selects it."""

    label: str
    env: dict[str, str] = field(default_factory=dict)


def sqlite_database(workdir: Path) -> Database:
    """A fresh SQLite file (WAL, as configured in settings) in ``workdir``."""
    shutil.rmtree(workdir, ignore_errors=True)
    (workdir / "static").mkdir(parents=True)  # STATIC_ROOT; WhiteNoise warns when it is missing
    return Database("SQLite", {"BLUEHELMET_DATA_DIR": str(workdir), "DATABASE_URL": ""})


def postgres_database(url: str, workdir: Path) -> Database:
    """A fresh ``<name>_bench`` database next to the one ``url`` names (needs CREATEDB)."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "postgres"
    bench_name = f"{name}_bench"
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(bench_name)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(bench_name)))
            version = conn.execute("SHOW server_version").fetchone()
    except psycopg.Error as exc:
        raise BenchError(f"cannot create database {bench_name!r} from DATABASE_URL: {exc}") from exc
    shutil.rmtree(workdir, ignore_errors=True)
    (workdir / "static").mkdir(parents=True)
    bench_url = urlunsplit(parts._replace(path=f"/{bench_name}"))
    label = f"PostgreSQL {version[0].split()[0] if version else ''}".strip()
    return Database(label, {"BLUEHELMET_DATA_DIR": str(workdir), "DATABASE_URL": bench_url})


def environment(db: Database, **extra: str) -> dict[str, str]:
    """The process environment for ``bluehelmet`` and the server on ``db`` (DEBUG off)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update({"ALLOWED_HOSTS": "127.0.0.1,localhost", "LOG_LEVEL": "ERROR", **extra})
    for name, value in db.env.items():
        if value:
            env[name] = value
        else:
            env.pop(name, None)
    return env


def bluehelmet(args: list[str], env: dict[str, str]) -> str:
    """Run a ``bluehelmet`` command; its stdout, or BenchError with its stderr."""
    argv = [str(BIN / "bluehelmet"), *args]
    try:
        return _capture(argv, env=env)
    except subprocess.CalledProcessError as exc:
        raise BenchError(f"`bluehelmet {' '.join(args)}` failed:\n{exc.stderr.strip()}") from exc


# --- server --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class ServerConfig:
    workers: int
    threads: int

    def describe(self) -> str:
        version = _gunicorn_version()
        kind = (
            f"gthread, {self.threads} threads each, keep-alive"
            if self.threads > 1
            else "sync: one request at a time, connection closed after each"
        )
        return f"gunicorn {version}, {self.workers} worker processes ({kind})"


def _gunicorn_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gunicorn")
    except PackageNotFoundError:
        return "?"


@contextmanager
def server(env: dict[str, str], config: ServerConfig, logfile: Path) -> Iterator[str]:
    """gunicorn serving bluehelmet on a free loopback port; yields its base URL."""
    gunicorn = BIN / "gunicorn"
    if not gunicorn.exists():
        raise BenchError(
            "gunicorn is not installed in this environment: `.venv/bin/pip install gunicorn` "
            "(the benchmark needs a real multi-process server)"
        )
    port = free_port()
    argv = [
        str(gunicorn), "bluehelmet.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", str(config.workers), "--threads", str(config.threads),
        "--worker-class", "gthread" if config.threads > 1 else "sync",
        "--keep-alive", "5", "--log-level", "warning", "--error-logfile", str(logfile),
    ]  # fmt: skip
    process = subprocess.Popen(argv, cwd=ROOT, env=env)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(base: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"the server exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.2)
    raise BenchError(f"the server did not answer /healthz within {timeout:.0f} s")


def http_json(
    url: str, *, data: dict[str, str] | None = None, headers: dict[str, str] | None = None
) -> tuple[int, object]:
    """GET (or POST form ``data``) and decode the JSON answer; (status, body)."""
    from urllib.parse import urlencode

    body = urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace")[:500]


# --- report --------------------------------------------------------------------------------


def write_section(name: str, markdown: str, doc: Path = DOC) -> None:
    """Replace (or append) the section between this script's markers in docs/benchmarks.md."""
    begin, end = f"<!-- bench:{name}:begin -->", f"<!-- bench:{name}:end -->"
    block = f"{begin}\n{markdown.strip()}\n{end}\n"
    text = doc.read_text() if doc.exists() else DOC_HEADER
    if begin in text and end in text:
        before, rest = text.split(begin, 1)
        after = rest.split(end, 1)[1].lstrip("\n")
        text = f"{before}{block}\n{after}" if after else f"{before}{block}"
    else:
        text = f"{text.rstrip()}\n\n{block}"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(text)
