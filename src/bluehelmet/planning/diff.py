"""What changed between two revisions of the plan (Capstone §5.2: plans are revised, never
overwritten, so any two revisions can be compared).

Objectives are matched by their code (SO1, SO2 ...): an objective is added, removed,
retargeted (it serves other mandated tasks), re-staffed (its lead or contributing actors
changed) or otherwise changed (title, line, modality, timeframe, results and indicators).
"""

from __future__ import annotations

from typing import Any

from bluehelmet.planning.models import ActorRole, PlanRevision

COMPARED = ("title", "line", "modality", "starts_on", "ends_on", "resources")


def _objective_view(o: Any) -> dict[str, Any]:
    actors = list(o.actors.all())
    return {
        "code": o.code,
        "title": o.title,
        **{f: getattr(o, f) for f in COMPARED[1:]},
        "tasks": {t.task_type.code: t.task_type.name for t in o.tasks.all()},
        "lead": {a.actor_key: a.actor_name for a in actors if a.role == ActorRole.LEAD},
        "contributing": {
            a.actor_key: a.actor_name for a in actors if a.role == ActorRole.CONTRIBUTING
        },
        "results": {
            r.code: (r.statement, tuple((i.name, str(i.target)) for i in r.indicators.all()))
            for r in o.results.all()
        },
    }


def revision_view(revision: PlanRevision) -> dict[str, dict[str, Any]]:
    objectives = revision.objectives.prefetch_related(
        "tasks__task_type",
        "actors__component",
        "actors__org_unit",
        "actors__partner",
        "results__indicators",
    )
    return {o.code: _objective_view(o) for o in objectives}


def _keyed_change(before: dict[str, str], after: dict[str, str]) -> dict[str, list[str]]:
    return {
        "added": sorted(after[k] for k in after.keys() - before.keys()),
        "removed": sorted(before[k] for k in before.keys() - after.keys()),
    }


def _compare_one(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    tasks = _keyed_change(a["tasks"], b["tasks"])
    lead = _keyed_change(a["lead"], b["lead"])
    contributing = _keyed_change(a["contributing"], b["contributing"])
    fields = [f for f in COMPARED if a[f] != b[f]]
    if a["results"] != b["results"]:
        fields.append("results")
    return {
        "code": b["code"],
        "title": b["title"],
        "retargeted": tasks if tasks["added"] or tasks["removed"] else None,
        "lead": lead if lead["added"] or lead["removed"] else None,
        "contributing": contributing if contributing["added"] or contributing["removed"] else None,
        "fields": fields,
    }


def compare(old: PlanRevision, new: PlanRevision) -> dict[str, Any]:
    """The changes from ``old`` to ``new``: JSON-ready, for the page and the API."""
    a, b = revision_view(old), revision_view(new)
    changes = [_compare_one(a[c], b[c]) for c in sorted(a.keys() & b.keys())]
    changed = [
        c for c in changes if c["retargeted"] or c["lead"] or c["contributing"] or c["fields"]
    ]
    return {
        "from": old.number,
        "to": new.number,
        "added": [{"code": c, "title": b[c]["title"]} for c in sorted(b.keys() - a.keys())],
        "removed": [{"code": c, "title": a[c]["title"]} for c in sorted(a.keys() - b.keys())],
        "retargeted": [c for c in changed if c["retargeted"]],
        "actors_changed": [c for c in changed if c["lead"] or c["contributing"]],
        "changed": changed,
        "unchanged": len(changes) - len(changed),
    }
