"""The plan as a tree and as a matrix, read once for the pages and the export (Capstone §5.2):
objectives with their tasks, actors, results and indicators; mandated tasks against actors."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bluehelmet.planning.coverage import deliverable_tasks, mandate_in_force
from bluehelmet.planning.models import ActorRole, IndicatorLevel, PlanRevision


def objectives(revision: PlanRevision, user: Any) -> list[Any]:
    """The revision's objectives the user may see, with everything the tree shows."""
    return list(
        revision.objectives.restrict(user).prefetch_related(
            "tasks__task_type",
            "tasks__mandate",
            "actors__component",
            "actors__org_unit",
            "actors__partner",
            "results__indicators",
            "framework_links__framework",
        )
    )


def level_counts(objs: list[Any]) -> list[tuple[str, str, int]]:
    """How many indicators are outcomes, outputs and inputs (Capstone §10.2)."""
    counts = Counter(i.level for o in objs for r in o.results.all() for i in r.indicators.all())
    return [(value, str(label), counts.get(value, 0)) for value, label in IndicatorLevel.choices]


@dataclass
class MatrixRow:
    task: Any
    cells: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)

    @property
    def gap(self) -> bool:
        return not self.objectives


def matrix(revision: PlanRevision, objs: list[Any], day: Any) -> dict[str, Any]:
    """Mandated tasks in force (rows) against the actors of the revision (columns): who leads
    (L), who contributes (C); a task no objective serves is a gap."""
    tasks = deliverable_tasks(mandate_in_force(revision.mission_id, day))
    actors: dict[str, str] = {}
    roles: dict[tuple[int, str], str] = {}
    for o in objs:
        for a in o.actors.all():
            actors.setdefault(a.actor_key, a.actor_name)
            for t in o.tasks.all():
                key = (t.task_type_id, a.actor_key)
                if roles.get(key) != ActorRole.LEAD:
                    roles[key] = a.role
    columns = sorted(actors.items(), key=lambda kv: (kv[0].split(":")[0], kv[1]))
    rows = []
    for t in tasks:
        row = MatrixRow(t)
        row.objectives = [
            o.code for o in objs if any(x.task_type_id == t.task_type_id for x in o.tasks.all())
        ]
        row.cells = [roles.get((t.task_type_id, key), "") for key, _name in columns]
        rows.append(row)
    return {"columns": columns, "rows": rows, "gaps": sum(1 for r in rows if r.gap)}


def timeline(objs: list[Any], width: int = 600) -> dict[str, Any]:
    """Bars for the objectives' timeframes on one scale (SVG coordinates, no inline style)."""
    dated = [o for o in objs if o.starts_on]
    if not dated:
        return {"bars": [], "width": width}
    start = min(o.starts_on for o in dated)
    end = max((o.ends_on or o.starts_on) for o in dated)
    end = max(end, start.replace(year=start.year + 1))
    span = max((end - start).days, 1)
    bars = []
    for n, o in enumerate(dated):
        finish = o.ends_on or end
        x = round((o.starts_on - start).days / span * width)
        bars.append(
            {
                "objective": o,
                "x": x + 160,
                "y": n * 28 + 24,
                "w": max(round((finish - o.starts_on).days / span * width), 4),
                "open": o.ends_on is None,
            }
        )
    years = list(range(start.year + 1, end.year + 1))
    ticks = [
        {
            "year": y,
            "x": round((start.replace(year=y, month=1, day=1) - start).days / span * width) + 160,
        }
        for y in years
    ]
    return {
        "bars": bars,
        "width": width + 180,
        "height": len(bars) * 28 + 40,
        "ticks": ticks,
        "start": start,
        "end": end,
    }
