"""Import TAMM v2.1 (Lloyd 2021, "Tasks Assigned to Missions in their Mandates").

Each row is one mission-month with the mandating resolution and ~50 task flags. Consecutive
months with the same resolution, Chapter VII flag and task set form one mandate version
(Capstone §1.4); a new resolution or a different task set starts the next version.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from bluehelmet.core.types import Actor
from bluehelmet.doctrine.catalogue import TAMM_TASK_COLUMNS
from bluehelmet.doctrine.models import TaskType
from bluehelmet.interop.countries import country_label, iso3_for_cow
from bluehelmet.interop.importers.base import (
    ImportFailed,
    ImportReport,
    count_lines,
    mission_code,
    month_end,
    month_start,
    parse_int,
    progress,
    read_csv,
)
from bluehelmet.interop.importers.missions import ensure_mission
from bluehelmet.mandates.actions import do_change_mandate
from bluehelmet.mandates.models import DataSource, Mandate, Resolution

REQUIRED = ("mission", "year", "month", "unsc_resolution", "ccode", "ch7")


@dataclass(frozen=True)
class Basis:
    """What a month's mandate rests on: Council resolutions, or another named document."""

    resolutions: tuple[int, ...]
    reference: str = ""


def parse_basis(text: str) -> Basis:
    """'1719' | '425/426' (two resolutions) | 'GA 1752' | 'S/2008/354' (a Council document)."""
    value = (text or "").strip()
    parts = value.split("/")
    if value and all(p.strip().isdigit() for p in parts):
        return Basis(tuple(int(p) for p in parts))
    if value.upper().startswith("GA ") and value[3:].strip().isdigit():
        return Basis((), f"A/RES/{value[3:].strip()} (General Assembly)")
    if value.upper().startswith("S/") and len(value) <= 40:
        return Basis((), value)
    raise ValueError(f"unsc_resolution is neither a resolution number nor a document: {value!r}")


@dataclass(frozen=True)
class MonthRow:
    line: int
    month: datetime.date
    resolution: Basis
    chapter_vii: bool
    tasks: frozenset[str]
    ccode: str


@dataclass
class Version:
    resolution: Basis
    chapter_vii: bool
    tasks: frozenset[str]
    start: datetime.date
    end: datetime.date

    def key(self) -> tuple[Any, ...]:
        return (self.resolution, self.chapter_vii, self.tasks, self.start, self.end)


def _flag(value: str, column: str) -> bool:
    text = (value or "").strip()
    if text in {"", "0", "0.0"}:
        return False
    if text in {"1", "1.0"}:
        return True
    raise ValueError(f"{column} must be 0 or 1, not {text!r}")


def _parse(line: int, row: dict[str, str], flags: dict[str, str]) -> MonthRow:
    if not (row.get("mission") or "").strip():
        raise ValueError("mission is empty")
    year, month = parse_int(row["year"], "year"), parse_int(row["month"], "month")
    if year is None or month is None:
        raise ValueError("year and month are required")
    resolution = parse_basis(row["unsc_resolution"])
    tasks = frozenset(code for column, code in flags.items() if _flag(row.get(column, ""), column))
    return MonthRow(
        line,
        month_start(year, month),
        resolution,
        _flag(row["ch7"], "ch7"),
        tasks,
        row.get("ccode", ""),
    )


def versions_from(rows: list[MonthRow]) -> list[Version]:
    versions: list[Version] = []
    for r in sorted(rows, key=lambda r: r.month):
        last = versions[-1] if versions else None
        if last and (last.resolution, last.chapter_vii, last.tasks) == (
            r.resolution,
            r.chapter_vii,
            r.tasks,
        ):
            last.end = month_end(r.month)
        else:
            versions.append(
                Version(r.resolution, r.chapter_vii, r.tasks, r.month, month_end(r.month))
            )
    return versions


def _read(
    path: Path, report: ImportReport, flags: dict[str, str], show: bool
) -> dict[str, list[MonthRow]]:
    by_mission: dict[str, list[MonthRow]] = defaultdict(list)
    seen: dict[tuple[str, datetime.date], int] = {}
    rows = read_csv(path, (*REQUIRED, *TAMM_TASK_COLUMNS))
    for line, row in progress(rows, count_lines(path), "TAMM rows", show):
        report.rows += 1
        try:
            parsed = _parse(line, row, flags)
        except ValueError as exc:
            report.reject(line, str(exc))
            continue
        code = mission_code(row["mission"])
        if (code, parsed.month) in seen:
            report.reject(
                line, f"{code} {parsed.month:%Y-%m} repeats line {seen[code, parsed.month]}"
            )
            continue
        seen[code, parsed.month] = line
        by_mission[code].append(parsed)
    return by_mission


def import_tamm(
    path: Path,
    *,
    acting_user: Actor = None,
    show_progress: bool = False,
    create_missions: bool = True,
) -> ImportReport:
    """Build each mission's mandate history from the TAMM file; idempotent."""
    flags = dict(TaskType.objects.exclude(tamm_flag="").values_list("tamm_flag", "code"))
    if not flags:
        raise ImportFailed("The doctrine task taxonomy is not loaded; run `bluehelmet migrate`.")
    report = ImportReport(source=path.name)
    by_mission = _read(path, report, flags, show_progress)
    multidimensional = set(
        TaskType.objects.filter(category__group__in=["core_function", "peacebuilding"]).values_list(
            "code", flat=True
        )
    )
    with transaction.atomic():
        for code, rows in sorted(by_mission.items()):
            _import_mission(code, rows, report, acting_user, create_missions, multidimensional)
    return report


def _import_mission(
    code: str,
    rows: list[MonthRow],
    report: ImportReport,
    acting_user: Actor,
    create: bool,
    multidimensional: set[str],
) -> None:
    versions = versions_from(rows)
    iso3 = iso3_for_cow(rows[0].ccode) or "XXX"
    kind = (
        "multidimensional" if any(v.tasks & multidimensional for v in versions) else "traditional"
    )
    mission = ensure_mission(
        code,
        iso3,
        country_label(iso3),
        kind,
        versions[0].start,
        create=create,
        report=report,
        line=rows[0].line,
    )
    if mission is None:
        return
    existing = list(
        Mandate.objects.filter(mission=mission)
        .prefetch_related("tasks__task_type", "joint_resolutions")
        .select_related("resolution")
        .order_by("version")
    )
    if any(m.source != DataSource.TAMM for m in existing):
        report.reject(rows[0].line, f"{code} has mandates entered by hand; left unchanged")
        return
    if [_key(m) for m in existing] == [v.key() for v in versions]:
        report.counts["mandate versions unchanged"] += len(versions)
        return
    for mandate in existing:
        mandate.delete()
    for version in versions:
        _create_version(mission, version, rows, acting_user)
    report.counts["mandate versions written"] += len(versions)
    report.counts["missions with new mandate history"] += 1


def _key(m: Mandate) -> tuple[Any, ...]:
    tasks = frozenset(t.task_type.code for t in m.tasks.all())
    basis = Basis(tuple(m.resolution_numbers()), m.basis_reference)
    return (basis, m.chapter_vii, tasks, m.effective_from, m.effective_to)


def _resolution(number: int, chapter_vii: bool) -> Resolution:
    resolution, _ = Resolution.objects.get_or_create(
        number=number, defaults={"source": DataSource.TAMM}
    )
    if chapter_vii and not resolution.chapter_vii:
        resolution.chapter_vii = True
        resolution.save(update_fields=["chapter_vii", "updated_at"])
    return resolution


def _create_version(
    mission: Any, version: Version, rows: list[MonthRow], acting_user: Actor
) -> None:
    numbers = version.resolution.resolutions
    resolutions = [_resolution(n, version.chapter_vii) for n in numbers]
    mandate = do_change_mandate(
        mission,
        resolutions[0] if resolutions else None,
        acting_user=acting_user,
        effective_from=version.start,
        task_codes=version.tasks,
        chapter_vii=version.chapter_vii,
        source=DataSource.TAMM,
        open_consultations=False,
        basis_reference=version.resolution.reference,
    )
    mandate.joint_resolutions.set(resolutions[1:])
    if mandate.effective_to != version.end:
        Mandate.objects.filter(pk=mandate.pk).update(effective_to=version.end)
