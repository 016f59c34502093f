"""A new draft revision starts as a copy of the latest one (Capstone §5.2): the earlier
revision stays as it was; the copy's tasks follow the mandate in force where the same task is
still mandated, so a planner starts from the plan as it stands against the current mandate."""

from __future__ import annotations

from typing import Any

from bluehelmet.mandates.models import MandatedTask
from bluehelmet.planning.models import PlanRevision, StrategicObjective


def _copy(obj: Any, **changes: Any) -> Any:
    obj.pk = None
    obj.id = None
    obj._state.adding = True
    # The source's prefetched relations would otherwise pass for the copy's own.
    obj._prefetched_objects_cache = {}
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.save()
    return obj


def _remap(tasks: list[MandatedTask], in_force: dict[int, MandatedTask]) -> list[MandatedTask]:
    """Each task as the mandate in force has it, or as it was when it left the mandate."""
    return [in_force.get(t.task_type_id, t) for t in tasks]


def copy_objective(
    source: StrategicObjective, target: PlanRevision, in_force: dict[int, MandatedTask]
) -> StrategicObjective:
    tasks = list(source.tasks.all())
    actors = list(source.actors.all())
    results = [(r, list(r.indicators.all())) for r in source.results.all()]
    links = list(source.framework_links.all())
    objective = _copy(source, revision=target)
    objective.tasks.set(_remap(tasks, in_force))
    for actor in actors:
        _copy(actor, objective=objective)
    for result, indicators in results:
        new_result = _copy(result, objective=objective)
        for indicator in indicators:
            _copy(indicator, result=new_result)
    for link in links:
        _copy(link, objective=objective)
    return objective


def copy_revision(source: PlanRevision, target: PlanRevision, in_force: list[MandatedTask]) -> int:
    by_type = {t.task_type_id: t for t in in_force}
    objectives = source.objectives.prefetch_related(
        "tasks", "actors", "results__indicators", "framework_links"
    )
    count = 0
    for objective in list(objectives):
        copy_objective(objective, target, by_type)
        count += 1
    return count
