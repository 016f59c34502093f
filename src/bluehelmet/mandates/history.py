"""A mission's mandate history as rows, for the page, the CSV export, the API and the CLI."""

from __future__ import annotations

import csv
import io
from typing import Any

from bluehelmet.core.models import Mission
from bluehelmet.core.tables import spreadsheet_safe
from bluehelmet.mandates.models import AuthorisedStrength, Mandate

COLUMNS = [
    "mission",
    "version",
    "resolutions",
    "other_basis",
    "effective_from",
    "effective_to",
    "chapter_vii",
    "all_necessary_means",
    "tasks",
    "tasks_added",
    "tasks_removed",
    "authorised_troops",
    "authorised_police",
    "authorised_military_observers",
]


def history(mission: Mission, user: Any = None) -> list[dict[str, Any]]:
    mandates = Mandate.objects.filter(mission=mission)
    strength = AuthorisedStrength.objects.filter(mission=mission)
    if user is not None:  # the CLI without --as reads everything; a user only what they may see
        mandates = mandates.restrict(user)
        strength = strength.restrict(user)
    mandates = (
        mandates.select_related("resolution")
        .prefetch_related("tasks__task_type", "joint_resolutions")
        .order_by("version")
    )
    periods = list(strength.order_by("effective_from"))
    return [_row(mission, m, periods) for m in mandates]


def _row(mission: Mission, m: Mandate, periods: list[AuthorisedStrength]) -> dict[str, Any]:
    auth = next((p for p in reversed(periods) if p.effective_from <= m.effective_from), None)
    return {
        "mission": mission.code,
        "version": m.version,
        "resolutions": " ".join(str(n) for n in m.resolution_numbers()),
        "other_basis": m.basis_reference,
        "effective_from": m.effective_from.isoformat(),
        "effective_to": m.effective_to.isoformat() if m.effective_to else "",
        "chapter_vii": m.chapter_vii,
        "all_necessary_means": m.all_necessary_means,
        "tasks": " ".join(sorted(t.task_type.code for t in m.tasks.all())),
        "tasks_added": " ".join(m.diff.get("tasks_added", [])),
        "tasks_removed": " ".join(m.diff.get("tasks_removed", [])),
        "authorised_troops": auth.troops if auth else None,
        "authorised_police": auth.police if auth else None,
        "authorised_military_observers": auth.military_observers if auth else None,
    }


def history_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    return "" if value is None else spreadsheet_safe(value)  # no spreadsheet formulas
