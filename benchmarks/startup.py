"""Start-up time of the command line (issue 10): ``bluehelmet check`` and ``bluehelmet import
--help`` against a bare Django project's ``manage.py check`` in the same virtual environment.

Every CLI command and every server worker pays the start-up once; the target is at most 2.5x
the bare project. The reference project is made fresh by ``django-admin startproject`` in a
temporary directory; each command runs ``--runs`` times (median) with a throw-away data
directory, alternating with the reference so that load on the machine hits both alike.

    .venv/bin/python benchmarks/startup.py [--runs 7] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
TARGET_RATIO = 2.5
COMMANDS = {
    "bluehelmet check": [str(BIN / "bluehelmet"), "check"],
    "bluehelmet import --help": [str(BIN / "bluehelmet"), "import", "--help"],
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="repetitions per command (median)")
    parser.add_argument("--no-write", action="store_true", help="print, do not write the doc")
    return parser.parse_args(argv)


def seconds(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, cwd=cwd, check=True, capture_output=True)  # noqa: S603
    return time.perf_counter() - start


def measure(runs: int, workdir: Path) -> dict[str, float]:
    reference = workdir / "ref"
    reference.mkdir()
    subprocess.run(  # noqa: S603
        [str(BIN / "django-admin"), "startproject", "ref", str(reference)], check=True
    )
    env = {**os.environ, "BLUEHELMET_DATA_DIR": str(workdir / "data")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    bare = [sys.executable, "manage.py", "check"]
    seconds(bare, env, reference)  # warm the file cache for both before timing
    timings: dict[str, list[float]] = {"reference": [], **{name: [] for name in COMMANDS}}
    for argv in COMMANDS.values():
        seconds(argv, env, workdir)
    for _ in range(runs):
        timings["reference"].append(seconds(bare, env, reference))
        for name, argv in COMMANDS.items():
            timings[name].append(seconds(argv, env, workdir))
    return {name: statistics.median(values) for name, values in timings.items()}


def report(facts: dict[str, str], medians: dict[str, float], runs: int) -> str:
    ref = medians["reference"]
    lines = [
        "## Command-line start-up",
        "",
        f"Target (issue 10): at most {TARGET_RATIO}x a bare Django project's `manage.py check` "
        "in the same virtual environment. "
        f"Measured {facts['date']}, {facts['cpu']} ({facts['cores']} cores), load "
        f"{facts['load']}, Python {facts['python']}, commit {facts['commit']}; command "
        f"`.venv/bin/python benchmarks/startup.py --runs {runs}` (median of {runs}).",
        "",
        "| command | median | vs bare Django check | target met |",
        "|---|---:|---:|---|",
        f"| bare Django `manage.py check` (reference) | {ref:.2f} s | 1.00x | |",
    ]
    for name in COMMANDS:
        ratio = medians[name] / ref
        met = "yes" if ratio <= TARGET_RATIO else "no"
        lines.append(f"| `{name}` | {medians[name]:.2f} s | {ratio:.2f}x | {met} |")
    lines += [
        "",
        "scipy and scikit-learn load where they are used (hotspot tests, model fits), not when "
        "the URLconf loads; `import`, `export` and `forecast` skip Django's system checks, which "
        "import every view. What `check` still pays beyond the bare project is loading the "
        "URLconf: Django REST framework's compatibility module imports the optional packages "
        "it finds installed (requests, PyYAML, and `django.contrib.postgres` with psycopg, about "
        "90 ms here), and the project's own views, forms and filters of every app.",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    sys.path.insert(0, str(HERE))
    import harness

    with tempfile.TemporaryDirectory(prefix="bh-startup-") as tmp:
        medians = measure(args.runs, Path(tmp))
    markdown = report(harness.machine(), medians, args.runs)
    print(markdown)
    if not args.no_write:
        harness.write_section("startup", markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
