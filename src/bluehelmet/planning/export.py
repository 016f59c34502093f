"""The plan as a spreadsheet: one row per indicator (or per objective without one), with the
objective's tasks and actors (Capstone §5.2). Formula-like cells are neutralised."""

from __future__ import annotations

import csv
import io
from typing import Any

from bluehelmet.planning.models import ActorRole

COLUMNS = (
    "revision",
    "status",
    "objective",
    "title",
    "line",
    "modality",
    "starts_on",
    "ends_on",
    "tasks",
    "lead",
    "contributing",
    "frameworks",
    "result",
    "result_statement",
    "indicator",
    "level",
    "unit",
    "baseline",
    "target",
    "direction",
    "frequency",
    "source",
)


def _safe(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _objective_cells(revision: Any, o: Any) -> list[Any]:
    actors = list(o.actors.all())
    return [
        revision.number,
        revision.status,
        o.code,
        o.title,
        o.get_line_display(),
        o.get_modality_display(),
        o.starts_on,
        o.ends_on or "",
        "; ".join(t.task_type.name for t in o.tasks.all()),
        "; ".join(a.actor_name for a in actors if a.role == ActorRole.LEAD),
        "; ".join(a.actor_name for a in actors if a.role == ActorRole.CONTRIBUTING),
        "; ".join(f"{link.framework.name}: {link.reference}" for link in o.framework_links.all()),
    ]


def _indicator_cells(i: Any) -> list[Any]:
    return [i.name, i.level, i.unit, i.baseline, i.target, i.direction, i.frequency, i.source]


def plan_csv(revision: Any, objs: list[Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for o in objs:
        head = _objective_cells(revision, o)
        rows = []
        for r in o.results.all():
            indicators = list(r.indicators.all())
            rows += [[r.code, r.statement, *_indicator_cells(i)] for i in indicators]
            rows += [] if indicators else [[r.code, r.statement] + [""] * 8]
        rows = rows or [[""] * 10]
        for tail in rows:
            writer.writerow([_safe(v) for v in head + tail])
    return out.getvalue()
