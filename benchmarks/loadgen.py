"""Load generation on loopback: Debian's ``wrk`` when installed, else a Python client.

Both send keep-alive GET requests from ``connections`` concurrent clients for ``duration``
seconds to one URL on this machine, and return requests/s, latency percentiles and errors
(socket errors, timeouts, and any answer outside 2xx/3xx). Request loops are bounded by time.
"""

from __future__ import annotations

import http.client
import json
import shutil
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

WRK_SCRIPT = Path(__file__).with_name("wrk_report.lua")


@dataclass(frozen=True)
class LoadResult:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def generator_name() -> str:
    if wrk := shutil.which("wrk"):
        version = subprocess.run(  # noqa: S603
            [wrk, "--version"], capture_output=True, text=True, check=False
        ).stdout.split()
        return f"wrk {version[1] if len(version) > 1 else ''}".strip()
    return "Python keep-alive client (install Debian's wrk for less client overhead)"


def run_load(
    url: str, headers: dict[str, str], duration: float, connections: int, threads: int = 2
) -> LoadResult:
    if shutil.which("wrk"):
        return _wrk(url, headers, duration, connections, threads)
    return _python(url, headers, duration, connections)


def _wrk(
    url: str, headers: dict[str, str], duration: float, connections: int, threads: int
) -> LoadResult:
    argv = [
        "wrk", f"-t{min(threads, connections)}", f"-c{connections}", f"-d{duration:.0f}s",
        "--timeout", "10s", "-s", str(WRK_SCRIPT),
    ]  # fmt: skip
    for name, value in headers.items():
        argv += ["-H", f"{name}: {value}"]
    out = subprocess.run(  # noqa: S603
        [*argv, url], capture_output=True, text=True, check=True, timeout=duration + 60
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("WRK_JSON "))
    data = json.loads(line.removeprefix("WRK_JSON "))
    errors = sum(data[k] for k in ("connect", "read", "write", "status", "timeout"))
    return LoadResult(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p95_ms=data["p95_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        errors=errors,
    )


def _python(url: str, headers: dict[str, str], duration: float, connections: int) -> LoadResult:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.perf_counter() + duration
    latencies: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections

    def client(index: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=10)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status >= 400:
                    errors[index] += 1
            except (OSError, http.client.HTTPException):
                errors[index] += 1
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=10)
            latencies[index].append(time.perf_counter() - started)
        conn.close()

    started = time.perf_counter()
    workers = [threading.Thread(target=client, args=(i,)) for i in range(connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    samples = sorted(x for per_client in latencies for x in per_client)
    cuts = statistics.quantiles(samples, n=100) if len(samples) > 1 else [0.0] * 99
    return LoadResult(
        requests=len(samples),
        seconds=elapsed,
        p50_ms=cuts[49] * 1000,
        p95_ms=cuts[94] * 1000,
        p99_ms=cuts[98] * 1000,
        errors=sum(errors),
    )
