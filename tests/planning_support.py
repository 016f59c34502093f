"""Helpers shared by the tests/test_planning*.py files: a mission with a mandate in force,
its components, a UN country team agency, a humanitarian partner and a plan (Capstone §5.2)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from bluehelmet.core.models import Component, ComponentKind, Mission, Partner, PartnerKind
from bluehelmet.mandates.actions import do_change_mandate
from bluehelmet.mandates.models import Mandate, MandatedTask
from bluehelmet.planning import models as m
from bluehelmet.planning.actions import do_adopt_revision, do_draft_revision

D = datetime.date
TASKS = ("civilian-protection", "ddr-assistance", "human-rights-monitoring", "chapter-vii")


@dataclass
class Plan:
    mission: Mission
    mandate: Mandate
    revision: m.PlanRevision
    force: Component
    civil: Component
    unicef: Partner
    ngo: Partner

    def task(self, code: str) -> MandatedTask:
        return MandatedTask.objects.get(mandate=self.mandate, task_type__code=code)


def objective(revision: Any, code: str, *tasks: Any, line: str = "protection", **extra: Any) -> Any:
    made = m.StrategicObjective.objects.create(
        revision=revision,
        code=code,
        title=extra.pop("title", f"Objective {code}"),
        line=line,
        starts_on=extra.pop("starts_on", D(2025, 2, 1)),
        **extra,
    )
    made.tasks.set(tasks)
    return made


def actor(objective: Any, role: str = "lead", **who: Any) -> Any:
    return m.PlanActor.objects.create(objective=objective, role=role, **who)


def mandate_and_actors(mission: Mission, tasks: tuple[str, ...] = TASKS) -> Mandate:
    """A mandate in force since 2025-01-10 with ``tasks``, a civilian component, a UN country
    team agency and a humanitarian NGO."""
    mandate = do_change_mandate(
        mission,
        None,
        acting_user=None,
        effective_from=D(2025, 1, 10),
        task_codes=tasks,
        basis_reference="Test decision",
    )
    Component.objects.create(mission=mission, kind=ComponentKind.CIVILIAN, name="Civil")
    Partner.objects.create(mission=mission, name="UNICEF", kind=PartnerKind.UNCT_AGENCY)
    Partner.objects.create(mission=mission, name="Relief NGO", kind=PartnerKind.HUMANITARIAN)
    return mandate


def make_plan(mission: Mission, *, tasks: tuple[str, ...] = TASKS) -> Plan:
    """``mandate_and_actors`` and a draft revision 1 (no objective)."""
    mandate = mandate_and_actors(mission, tasks)
    force = Component.objects.get(mission=mission, kind=ComponentKind.MILITARY)
    civil = Component.objects.get(mission=mission, name="Civil")
    unicef = Partner.objects.get(mission=mission, name="UNICEF")
    ngo = Partner.objects.get(mission=mission, name="Relief NGO")
    revision = do_draft_revision(mission, title="Integrated plan", acting_user=None)
    return Plan(mission, mandate, revision, force, civil, unicef, ngo)


def full_plan(mission: Mission) -> Plan:
    """Revision 1 adopted: SO1 (protection, force leads), SO2 (DDR, civil leads, UNICEF
    contributes), SO3 (human rights, civil leads); every task covered."""
    plan = make_plan(mission)
    so1 = objective(plan.revision, "SO1", plan.task("civilian-protection"), line="security")
    actor(so1, component=plan.force)
    so2 = objective(plan.revision, "SO2", plan.task("ddr-assistance"), line="security")
    actor(so2, component=plan.civil)
    actor(so2, "contributing", partner=plan.unicef)
    so3 = objective(plan.revision, "SO3", plan.task("human-rights-monitoring"))
    actor(so3, component=plan.civil)
    result = m.ExpectedResult.objects.create(objective=so1, code="1.1", statement="Fewer attacks.")
    m.ResultIndicator.objects.create(
        result=result,
        name="Civilians killed",
        unit="people",
        baseline=120,
        target=60,
        direction="decrease",
        frequency="quarterly",
        source="JMAC",
    )
    do_adopt_revision(plan.revision, adopted_on=D(2025, 3, 1), acting_user=None)
    plan.revision.refresh_from_db()
    return plan
