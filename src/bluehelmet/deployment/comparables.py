"""The table of comparable missions the force estimate learns from (Capstone §4.2).

Built from public research data by ``bluehelmet deployment_comparables`` (never read at run
time): one row per UN mission found in both TAMM v2.1 (its tasks in its first twelve months)
and the authorised-vs-deployed personnel data (its peak authorised troops, police and military
observers), with the intensity of armed conflict in the host country from the UCDP/PRIO Armed
Conflict Dataset in the three years before it began. The data hold no civilian figures.
Sources and licences: ``deployment/data/SOURCES.md``.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bluehelmet.doctrine.catalogue import TAMM_TASK_COLUMNS
from bluehelmet.doctrine.catalogue.tasks import TRADITIONAL_TASKS
from bluehelmet.doctrine.catalogue.tasks_peacebuilding import AUTHORITY_TASKS, PARTNER_TASKS

TABLE = Path(__file__).parent / "data" / "comparable_missions.csv"
TAMM = "peacekeeping/tamm_v2_1_mission_month.csv"
PERSONNEL = "peacekeeping/personnel_shortfall_mission_month.csv"
ACD = "ucdp/ucdp_prio_acd_v25_1_trimmed.csv"
FIELDS = (
    "mission",
    "country",
    "start",
    "kind",
    "ch7",
    "intensity",
    "tasks",
    "troops",
    "police",
    "observers",
)
FIRST_MONTHS = 12

TRADITIONAL_FLAGS = frozenset(t["tamm_flag"] for t in TRADITIONAL_TASKS if t["tamm_flag"])
# Cooperation and authority say how a mission works, not what kind of mission it is.
NEUTRAL_FLAGS = frozenset(t["tamm_flag"] for t in PARTNER_TASKS + AUTHORITY_TASKS)


@dataclass(frozen=True)
class Comparable:
    mission: str
    country: str
    start: str  # YYYY-MM
    kind: str  # traditional | multidimensional (Capstone §2.2-2.3)
    ch7: bool
    intensity: int  # 0 none, 1 minor armed conflict, 2 war (UCDP/PRIO)
    tasks: frozenset[str]
    troops: int
    police: int
    observers: int

    def figure(self, category: str) -> int:
        return int(getattr(self, category))


def kind_of(flags: Iterable[str]) -> str:
    """Multi-dimensional when any task goes beyond observing and separating (§2.2-2.3)."""
    rest = set(flags) - TRADITIONAL_FLAGS - NEUTRAL_FLAGS - {"ch7"}
    return "multidimensional" if rest else "traditional"


def _number(text: str) -> int:
    try:
        return round(float(text))
    except ValueError:
        return 0


def _first_tasks(rows: list[dict[str, str]]) -> tuple[str, set[str], int]:
    rows = sorted(rows, key=lambda r: (int(r["year"]), int(r["month"])))
    first = rows[0]
    start = f"{int(first['year']):04d}-{int(first['month']):02d}"
    flags = {col for r in rows[:FIRST_MONTHS] for col in TAMM_TASK_COLUMNS if r.get(col) == "1"}
    return start, flags, _number(first.get("ccode") or "0")


def _peaks(rows: list[dict[str, str]]) -> dict[str, int]:
    columns = {"troops": "authtroop", "police": "authpolice", "observers": "authmilobs"}
    return {k: max(_number(r[c] or "0") for r in rows) for k, c in columns.items()}


def _intensity(acd: list[dict[str, str]], ccode: int, year: int) -> int:
    """Highest UCDP/PRIO intensity with the host state as a side in the three years before."""
    found = 0
    for r in acd:
        sides = {s.strip() for s in f"{r['gwno_a']},{r['gwno_b']}".split(",") if s.strip()}
        if str(ccode) in sides and year - 3 <= int(r["year"]) < year:
            found = max(found, _number(r["intensity_level"]))
    return found


def build(data_dir: Path) -> list[Comparable]:
    """Read the three files under ``data_dir`` (``../shared/data``) into comparable rows."""
    tamm, personnel = defaultdict(list), defaultdict(list)
    with (data_dir / TAMM).open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            tamm[row["mission"]].append(row)
    with (data_dir / PERSONNEL).open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            personnel[row["mission"]].append(row)
    with (data_dir / ACD).open(encoding="utf-8") as f:
        acd = list(csv.DictReader(f))
    out = []
    for mission in sorted(set(tamm) & set(personnel)):
        start, flags, ccode = _first_tasks(tamm[mission])
        peaks = _peaks(personnel[mission])
        if not any(peaks.values()):
            continue  # no authorised uniformed strength to learn from
        out.append(
            Comparable(
                mission=mission,
                country=personnel[mission][0]["missioncountry"],
                start=start,
                kind=kind_of(flags),
                ch7="ch7" in flags,
                intensity=_intensity(acd, ccode, int(start[:4])),
                tasks=frozenset(flags - {"ch7"}),
                **peaks,
            )
        )
    return out


def write(rows: list[Comparable], target: Path = TABLE) -> None:
    with target.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(FIELDS)
        for r in rows:
            writer.writerow(
                [
                    r.mission,
                    r.country,
                    r.start,
                    r.kind,
                    int(r.ch7),
                    r.intensity,
                    " ".join(sorted(r.tasks)),
                    r.troops,
                    r.police,
                    r.observers,
                ]
            )


def load(source: Path = TABLE) -> list[Comparable]:
    with source.open(encoding="utf-8") as f:
        return [
            Comparable(
                mission=r["mission"],
                country=r["country"],
                start=r["start"],
                kind=r["kind"],
                ch7=r["ch7"] == "1",
                intensity=int(r["intensity"]),
                tasks=frozenset(r["tasks"].split()),
                troops=int(r["troops"]),
                police=int(r["police"]),
                observers=int(r["observers"]),
            )
            for r in csv.DictReader(f)
        ]
