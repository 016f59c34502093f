"""Import authorised and deployed strength per mission-month (Capstone §4.2).

Source: the authorised-vs-deployed research dataset (``personnel_shortfall_mission_month.csv``).
Deployed figures become one ``DeployedStrength`` row a month; consecutive months with the same
authorised ceilings become one ``AuthorisedStrength`` period.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.types import Actor
from bluehelmet.interop.countries import country_label, iso3_for_name
from bluehelmet.interop.importers.base import (
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
from bluehelmet.mandates.models import AuthorisedStrength, DataSource, DeployedStrength

AUTH = {"troops": "authtroop", "police": "authpolice", "military_observers": "authmilobs"}
DEPLOYED = {"troops": "troop", "police": "police", "military_observers": "milobs"}
REQUIRED = ("mission", "missioncountry", "year", "month", *AUTH.values(), *DEPLOYED.values())


@dataclass(frozen=True)
class StrengthRow:
    line: int
    month: datetime.date
    authorised: tuple[int | None, ...]
    deployed: tuple[int | None, ...]
    country: str


def _parse(line: int, row: dict[str, str]) -> StrengthRow:
    if not (row.get("mission") or "").strip():
        raise ValueError("mission is empty")
    year, month = parse_int(row["year"], "year"), parse_int(row["month"], "month")
    if year is None or month is None:
        raise ValueError("year and month are required")
    # The dataset interpolates authorised ceilings during drawdowns (e.g. 7789.2 troops):
    # persons are whole, so figures are rounded to the nearest person.
    authorised = tuple(parse_int(row[c], c, rounding=True) for c in AUTH.values())
    deployed = tuple(parse_int(row[c], c, rounding=True) for c in DEPLOYED.values())
    return StrengthRow(line, month_start(year, month), authorised, deployed, row["missioncountry"])


def import_strength(
    path: Path,
    *,
    acting_user: Actor = None,
    show_progress: bool = False,
    create_missions: bool = True,
) -> ImportReport:
    report = ImportReport(source=path.name)
    by_mission: dict[str, dict[datetime.date, StrengthRow]] = defaultdict(dict)
    for line, row in progress(
        read_csv(path, REQUIRED), count_lines(path), "strength rows", show_progress
    ):
        report.rows += 1
        try:
            parsed = _parse(line, row)
        except ValueError as exc:
            report.reject(line, str(exc))
            continue
        code = mission_code(row["mission"])
        if parsed.month in by_mission[code]:
            other = by_mission[code][parsed.month].line
            report.reject(line, f"{code} {parsed.month:%Y-%m} repeats line {other}")
            continue
        by_mission[code][parsed.month] = parsed
    with transaction.atomic(), single_audit_entry():
        for code, months in sorted(by_mission.items()):
            _import_mission(
                code, [months[k] for k in sorted(months)], report, acting_user, create_missions
            )
    return report


def _import_mission(
    code: str, rows: list[StrengthRow], report: ImportReport, acting_user: Actor, create: bool
) -> None:
    iso3 = iso3_for_name(rows[0].country) or "XXX"
    # A police component is a mark of multi-dimensional operations (Capstone §2.3); the file
    # says nothing else about the mission's type. TAMM, when imported first, already set it.
    kind = "multidimensional" if any(r.authorised[1] for r in rows) else "traditional"
    mission = ensure_mission(
        code,
        iso3,
        country_label(iso3),
        kind,
        rows[0].month,
        create=create,
        report=report,
        line=rows[0].line,
    )
    if mission is None:
        return
    deployed = _sync_deployed(mission, rows, report)
    periods = _sync_authorised(mission, rows, report)
    if deployed or periods:
        log_action(
            "import_strength",
            mission,
            acting_user=acting_user,
            before=None,
            after={"deployed_months_written": deployed, "authorised_periods": periods},
            note=f"Imported from {report.source}",
        )


def _sync_deployed(mission: Any, rows: list[StrengthRow], report: ImportReport) -> int:
    existing = {d.month: d for d in DeployedStrength.objects.filter(mission=mission)}
    new, changed = [], []
    for r in rows:
        values = dict(zip(DEPLOYED, r.deployed, strict=True))
        current = existing.get(r.month)
        if current is None:
            new.append(
                DeployedStrength(
                    mission=mission, month=r.month, source=DataSource.SHORTFALL, **values
                )
            )
        elif any(getattr(current, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(current, k, v)
            changed.append(current)
    DeployedStrength.objects.bulk_create(new)
    DeployedStrength.objects.bulk_update(changed, list(DEPLOYED))
    report.counts["deployed months created"] += len(new)
    report.counts["deployed months updated"] += len(changed)
    report.counts["deployed months unchanged"] += len(rows) - len(new) - len(changed)
    return len(new) + len(changed)


def authorised_periods(rows: list[StrengthRow]) -> list[tuple[datetime.date, datetime.date, tuple]]:
    periods: list[list[Any]] = []
    for r in rows:
        if (
            periods
            and periods[-1][2] == r.authorised
            and periods[-1][1] >= r.month - datetime.timedelta(days=1)
        ):
            periods[-1][1] = month_end(r.month)
        else:
            periods.append([r.month, month_end(r.month), r.authorised])
    return [(a, b, c) for a, b, c in periods]


def _sync_authorised(mission: Any, rows: list[StrengthRow], report: ImportReport) -> int:
    wanted = authorised_periods(rows)
    current = [
        (a.effective_from, a.effective_to, tuple(getattr(a, k) for k in AUTH))
        for a in AuthorisedStrength.objects.filter(
            mission=mission, source=DataSource.SHORTFALL
        ).order_by("effective_from")
    ]
    if current == wanted:
        report.counts["authorised periods unchanged"] += len(wanted)
        return 0
    AuthorisedStrength.objects.filter(mission=mission, source=DataSource.SHORTFALL).delete()
    AuthorisedStrength.objects.bulk_create(
        [
            AuthorisedStrength(
                mission=mission,
                effective_from=a,
                effective_to=b,
                source=DataSource.SHORTFALL,
                **dict(zip(AUTH, c, strict=True)),
            )
            for a, b, c in wanted
        ]
    )
    report.counts["authorised periods written"] += len(wanted)
    return len(wanted)
