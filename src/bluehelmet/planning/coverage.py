"""Coverage rules of the integrated plan (Capstone §5.2, §7.2, §4.3), judged on one revision.

Each rule is a small function that reads a ``PlanContext`` and returns verdicts in plain words:
``flagged`` for each subject it finds wanting, or one ``met`` verdict saying what is in place.
They advise; a planner may accept or dismiss a flag with a recorded reason
(``actions.do_override_plan_verdict``), kept and shown beside it as for the principles app's
verdicts (``principles.overrides.describe``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from bluehelmet.core.verdicts import FLAGGED, MET, RuleVerdict
from bluehelmet.doctrine.models import TaskGroup
from bluehelmet.mandates.models import Mandate, MandatedTask
from bluehelmet.planning.models import (
    ActorRole,
    PlanLine,
    PlanReview,
    PlanRevision,
    PlanVerdictOverride,
    StrategicObjective,
)

# Task categories whose delivery is a security or military line of effort (Capstone §2.3).
SECURITY_CATEGORIES = frozenset(
    {
        "ceasefire-supervision",
        "interposition",
        "security-public-order",
        "borders-sanctions-resources",
        "ddr",
        "security-sector-reform",
        "use-of-force-authority",
    }
)


PlanVerdict = RuleVerdict  # a coverage verdict: the shared shape (core.verdicts)


@dataclass
class PlanContext:
    """What the rules read: the revision's objectives and the mandate in force on ``day``."""

    revision: PlanRevision
    day: datetime.date
    mandate: Mandate | None
    tasks: list[MandatedTask]
    objectives: list[StrategicObjective]
    reviews: list[PlanReview]

    @property
    def types_in_force(self) -> set[int]:
        return {t.task_type_id for t in self.tasks}


def mandate_in_force(mission_id: int, day: datetime.date) -> Mandate | None:
    found = Mandate.objects.filter(mission_id=mission_id, effective_from__lte=day)
    found = found.filter(Q(effective_to__isnull=True) | Q(effective_to__gte=day))
    return found.order_by("-version").first()


def deliverable_tasks(mandate: Mandate | None) -> list[MandatedTask]:
    """The mandate's tasks that call for delivery: authority grants (Chapter VII, "all necessary
    means") empower the mission rather than ask it to deliver something (Capstone §1.4, §3.1)."""
    if mandate is None:
        return []
    tasks = mandate.tasks.select_related("task_type__category")
    return [t for t in tasks if t.task_type.category.group != TaskGroup.AUTHORITY]


def build_context(revision: PlanRevision, day: datetime.date) -> PlanContext:
    mandate = mandate_in_force(revision.mission_id, day)
    objectives = revision.objectives.prefetch_related(
        "tasks__task_type__category", "actors__partner", "actors__component", "actors__org_unit"
    )
    reviews = PlanReview.objects.filter(mission_id=revision.mission_id, closed_on__isnull=True)
    return PlanContext(
        revision, day, mandate, deliverable_tasks(mandate), list(objectives), list(reviews)
    )


def task_coverage(ctx: PlanContext) -> list[PlanVerdict]:
    """Every mandated task in force is served by at least one objective (Capstone §5.2)."""
    name, cite = _("Every mandated task is served by an objective"), "Capstone §5.2"
    served = {t.task_type_id for o in ctx.objectives for t in o.tasks.all()}
    flags = [
        PlanVerdict(
            "task-uncovered",
            name,
            FLAGGED,
            _(
                "“%(task)s”%(priority)s is in the mandate in force but no objective of revision "
                "%(n)d serves it: nobody is planned to deliver it."
            )
            % {
                "task": t.task_type.name,
                "priority": _(" (a priority task)") if t.priority == "priority" else "",
                "n": ctx.revision.number,
            },
            cite,
            f"task:{t.task_type.code}",
        )
        for t in ctx.tasks
        if t.task_type_id not in served
    ]
    if flags or ctx.mandate is None:
        return flags or [PlanVerdict("task-uncovered", name, MET, _("No mandate in force."), cite)]
    words = _("All %(n)d mandated tasks in force are served.") % {"n": len(ctx.tasks)}
    return [PlanVerdict("task-uncovered", name, MET, words, cite)]


def _leads(objective: StrategicObjective) -> list[Any]:
    return [a for a in objective.actors.all() if a.role == ActorRole.LEAD]


def objective_lead(ctx: PlanContext) -> list[PlanVerdict]:
    """Every objective has a lead actor answerable for it (Capstone §5.2, §7.2)."""
    name, cite = _("Every objective has a lead"), "Capstone §5.2"
    flags = [
        PlanVerdict(
            "objective-no-lead",
            name,
            FLAGGED,
            _("%(o)s has no lead: nobody answers for delivering it.") % {"o": o},
            cite,
            f"objective:{o.code}",
        )
        for o in ctx.objectives
        if not _leads(o)
    ]
    return flags or [
        PlanVerdict("objective-no-lead", name, MET, _("Every objective has a lead."), cite)
    ]


def is_security_line(objective: StrategicObjective) -> bool:
    if objective.line == PlanLine.SECURITY:
        return True
    return any(t.task_type.category.code in SECURITY_CATEGORIES for t in objective.tasks.all())


def humanitarian_space(ctx: PlanContext) -> list[PlanVerdict]:
    """No humanitarian partner leads a security or military objective: it would tie them to
    the mission's security role and shrink humanitarian space (Capstone §7.2)."""
    name, cite = _("Humanitarian partners lead no security objective"), "Capstone §7.2"
    flags = []
    for o in ctx.objectives:
        humanitarian = [a for a in _leads(o) if a.partner_id and a.partner.is_humanitarian]
        if humanitarian and is_security_line(o):
            words = _(
                "%(o)s is a security or military line of effort led by %(p)s, a humanitarian "
                "actor: that puts humanitarian space at risk. Let a mission or UN actor lead, "
                "with the humanitarian partner contributing if it agrees."
            ) % {"o": o, "p": ", ".join(a.actor_name for a in humanitarian)}
            flags.append(
                PlanVerdict(
                    "humanitarian-lead-security", name, FLAGGED, words, cite, f"objective:{o.code}"
                )
            )
    return flags or [PlanVerdict("humanitarian-lead-security", name, MET, _("None found."), cite)]


def review_overdue(ctx: PlanContext) -> list[PlanVerdict]:
    """A mandate change opens a plan review; the plan is flagged while it is overdue (§5.2)."""
    name, cite = _("The plan is reviewed after a mandate change"), "Capstone §5.2, §4.3"
    flags = [
        PlanVerdict(
            "review-overdue",
            name,
            FLAGGED,
            _(
                "The review opened by %(m)s on %(o)s was due on %(d)s (%(late)d days ago) and no "
                "revision has been adopted since."
            )
            % {"m": r.mandate, "o": r.opened_on, "d": r.due_on, "late": (ctx.day - r.due_on).days},
            cite,
            f"review:{r.pk}",
        )
        for r in ctx.reviews
        if r.due_on < ctx.day
    ]
    return flags or [PlanVerdict("review-overdue", name, MET, _("No review is overdue."), cite)]


def objective_orphaned(ctx: PlanContext) -> list[PlanVerdict]:
    """An objective whose tasks all left the mandate serves nothing the Council asks (§5.2)."""
    name, cite = _("Objectives serve tasks still in the mandate"), "Capstone §5.2, §1.4"
    in_force = ctx.types_in_force
    flags = [
        PlanVerdict(
            "objective-orphaned",
            name,
            FLAGGED,
            _(
                "%(o)s serves only tasks no longer in the mandate in force (%(t)s): close it or "
                "tie it to a current task."
            )
            % {"o": o, "t": ", ".join(t.task_type.name for t in o.tasks.all())},
            cite,
            f"objective:{o.code}",
        )
        for o in ctx.objectives
        if o.tasks.all() and not any(t.task_type_id in in_force for t in o.tasks.all())
    ]
    if ctx.mandate is None:
        return flags
    return flags or [PlanVerdict("objective-orphaned", name, MET, _("None found."), cite)]


RULES: tuple[Callable[[PlanContext], list[PlanVerdict]], ...] = (
    task_coverage,
    objective_lead,
    humanitarian_space,
    review_overdue,
    objective_orphaned,
)
RULE_CODES = (
    "task-uncovered",
    "objective-no-lead",
    "humanitarian-lead-security",
    "review-overdue",
    "objective-orphaned",
)


def overrides_for(mission_id: int, user: Any) -> dict[tuple[str, str], PlanVerdictOverride]:
    rows = PlanVerdictOverride.objects.restrict(user).filter(mission_id=mission_id)
    return {(o.rule, o.subject): o for o in rows.select_related("decided_by")}


def judge_plan(
    revision: PlanRevision, day: datetime.date, overrides: dict[tuple[str, str], Any]
) -> list[PlanVerdict]:
    """Every rule on ``revision``, each flag marked with the decision taken on it, if any."""
    from bluehelmet.principles.overrides import describe

    ctx = build_context(revision, day)
    verdicts = [v for rule in RULES for v in rule(ctx)]
    for v in verdicts:
        found = overrides.get((v.code, v.subject)) if v.flagged else None
        v.override = describe(found) if found is not None else None
    return verdicts


def open_flags(verdicts: list[PlanVerdict]) -> list[PlanVerdict]:
    """Flags no planner has dismissed with a reason."""
    return [v for v in verdicts if v.flagged and not v.dismissed]
