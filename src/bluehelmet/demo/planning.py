"""MINUSBEL's integrated plan in the demo (issue 15; Capstone §5.1-5.2, §4.3, §7.2).

Three revisions: the first plan of June 2023; the revision of May 2024 after the renewal; the
revision of May 2025 after the electoral mandate, which ends the mission's own cease-fire
monitoring and raises the ceilings. The renewal of March 2026 lowered the troop ceiling and
opened a review that no revision has answered: it is overdue when the story ends. Mine action,
mandated from the start, is served by no objective, so the coverage rule flags it. Two versions
of the military concept of operations, the second opening the §4.3 consultation.

Every state change goes through the planning actions as the demo HQ user; the texts are
fictional and bluehelmet's own.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from bluehelmet.core.models import Component, Mission, Partner
from bluehelmet.mandates.models import Mandate, MandatedTask
from bluehelmet.planning import models as m
from bluehelmet.planning.actions import do_adopt_revision, do_draft_revision, do_issue_concept
from bluehelmet.planning.reviews import open_plan_review

D = datetime.date

# code: (title, line, modality, starts_on, ends_on, tasks, lead, contributors)
FIRST_PLAN: dict[str, tuple[Any, ...]] = {
    "SO1": (
        "Civilians in the northern provinces are safer",
        "security",
        "mission_led",
        D(2023, 6, 1),
        None,
        ("civilian-protection", "un-personnel-protection"),
        "Force",
        ("United Nations Police", "UNHCR"),
    ),
    "SO2": (
        "The Lomassa Agreement is implemented",
        "political",
        "mission_led",
        D(2023, 6, 1),
        D(2026, 3, 31),
        ("peace-agreement-support", "good-offices", "ceasefire-monitoring"),
        "Substantive civilian offices",
        ("AU",),
    ),
    "SO3": (
        "Combatants are disarmed and return to civilian life",
        "security",
        "joint",
        D(2023, 9, 1),
        D(2026, 12, 31),
        ("ddr-assistance",),
        "Substantive civilian offices",
        ("UNDP", "CNDDR"),
    ),
    "SO4": (
        "Human rights are monitored and children and women protected",
        "protection",
        "joint",
        D(2023, 6, 1),
        None,
        ("human-rights-monitoring", "children-protection", "women-protection"),
        "Substantive civilian offices",
        ("UNICEF", "BWMN"),
    ),
    "SO5": (
        "The State returns to the six provinces",
        "rule_of_law",
        "agency_led",
        D(2024, 1, 1),
        None,
        ("state-authority-extension",),
        "UNDP",
        ("WB",),
    ),
    "SO6": (
        "Humanitarian aid reaches the displaced",
        "recovery",
        "partner_led",
        D(2023, 6, 1),
        None,
        ("humanitarian-aid-support",),
        "OCHA",
        ("Force",),
    ),
}
ELECTIONS = (
    "Peaceful general elections are held",
    "political",
    "joint",
    D(2025, 4, 1),
    D(2025, 12, 31),
    ("election-assistance", "election-security", "security-sector-reform"),
    "Substantive civilian offices",
    ("United Nations Police", "UNDP"),
)

# objective code: (result code, statement, [(indicator, level, unit, baseline, target,
# direction, frequency, source)])
RESULTS: dict[str, tuple[str, str, list[tuple[Any, ...]]]] = {
    "SO1": (
        "1.1",
        "Fewer civilians are killed or displaced by armed groups in the north.",
        [
            (
                "Civilians killed in the northern provinces",
                "outcome",
                "people per quarter",
                140,
                60,
                "decrease",
                "quarterly",
                "JMAC incident database",
            ),
            (
                "Patrols conducted",
                "output",
                "patrols per month",
                300,
                600,
                "increase",
                "monthly",
                "JOC",
            ),
        ],
    ),
    "SO3": (
        "3.1",
        "Former combatants are demobilised and reintegrated.",
        [
            (
                "Former combatants reintegrated one year on",
                "outcome",
                "people",
                0,
                4000,
                "increase",
                "half_yearly",
                "CNDDR follow-up survey",
            ),
            (
                "Weapons collected",
                "output",
                "weapons",
                0,
                6000,
                "increase",
                "monthly",
                "DDR section",
            ),
        ],
    ),
    "SO4": (
        "4.1",
        "Violations are documented and answered.",
        [
            (
                "Share of verified violations followed by a judicial step",
                "outcome",
                "percent",
                10,
                40,
                "increase",
                "yearly",
                "Human rights section",
            ),
        ],
    ),
    "SO5": (
        "5.1",
        "Prefects and courts sit in every province.",
        [
            (
                "Provinces with a prefect and a court sitting",
                "outcome",
                "provinces",
                2,
                6,
                "increase",
                "half_yearly",
                "UNDP state authority tracker",
            ),
            (
                "Budget disbursed for local administration",
                "input",
                "USD million",
                0,
                12,
                "increase",
                "yearly",
                "Ministry of Finance",
            ),
        ],
    ),
}


def _actors(mission: Mission) -> dict[str, Any]:
    found: dict[str, Any] = {c.name: c for c in Component.objects.filter(mission=mission)}
    for p in Partner.objects.filter(mission=mission):
        found[p.acronym or p.name] = p
    return found


def _objective(
    revision: Any, code: str, spec: tuple[Any, ...], mandate: Mandate, who: dict[str, Any]
) -> Any:
    title, line, modality, starts, ends, tasks, lead, contributors = spec
    o = m.StrategicObjective.objects.create(
        revision=revision,
        code=code,
        title=title,
        line=line,
        modality=modality,
        starts_on=starts,
        ends_on=ends,
    )
    o.tasks.set(MandatedTask.objects.filter(mandate=mandate, task_type__code__in=tasks))
    for role, names in (("lead", (lead,)), ("contributing", contributors)):
        for name in names:
            actor = who[name]
            field = "partner" if isinstance(actor, Partner) else "component"
            m.PlanActor.objects.create(objective=o, role=role, **{field: actor})
    return o


def _results(revision: Any) -> None:
    for code, (number, statement, indicators) in RESULTS.items():
        objective = revision.objectives.get(code=code)
        result = m.ExpectedResult.objects.create(
            objective=objective, code=number, statement=statement
        )
        for name, level, unit, base, target, direction, frequency, source in indicators:
            m.ResultIndicator.objects.create(
                result=result,
                name=name,
                level=level,
                unit=unit,
                baseline=base,
                target=target,
                direction=direction,
                frequency=frequency,
                source=source,
            )


def _frameworks(mission: Mission, revision: Any) -> None:
    undaf = m.ParallelFramework.objects.create(
        mission=mission,
        kind="undaf",
        name="UNDAF Belnara 2023-2027",
        owner="UN country team",
        reference="UNDAF/BN/2023",
        starts_on=D(2023, 1, 1),
        ends_on=D(2027, 12, 31),
    )
    national = m.ParallelFramework.objects.create(
        mission=mission,
        kind="national",
        name="National Recovery Plan",
        owner="Government",
        reference="NRP 2023",
        starts_on=D(2023, 7, 1),
    )
    m.ParallelFramework.objects.create(
        mission=mission,
        kind="cap",
        name="Humanitarian appeal for Belnara",
        owner="OCHA",
        reference="CAP 2023",
    )
    links = (
        ("SO3", undaf, "Outcome 2.1"),
        ("SO5", undaf, "Outcome 1.2"),
        ("SO5", national, "Pillar 1"),
    )
    for code, framework, reference in links:
        m.FrameworkLink.objects.create(
            objective=revision.objectives.get(code=code), framework=framework, reference=reference
        )


def _mandate(mission: Mission, version: int) -> Mandate:
    return Mandate.objects.get(mission=mission, version=version)


def _revise(mission: Mission, title: str, reason: str, on: datetime.date, user: Any) -> Any:
    return do_draft_revision(mission, title=title, reason=reason, drafted_on=on, acting_user=user)


def build_plan(mission: Mission, acting_user: Any) -> dict[str, int]:
    """The three revisions, the reviews the mandate changes opened, the concepts."""
    who = _actors(mission)
    first = _revise(
        mission, "Integrated strategic framework 2023-2024", "", D(2023, 5, 2), acting_user
    )
    for code, spec in FIRST_PLAN.items():
        _objective(first, code, spec, _mandate(mission, 1), who)
    _results(first)
    _frameworks(mission, first)
    do_adopt_revision(first, adopted_on=D(2023, 6, 15), acting_user=acting_user)

    open_plan_review(_mandate(mission, 2))
    second = _revise(
        mission,
        "Revision after the 2024 renewal",
        "Resolution 2934 asks for the protection effort to focus on the north.",
        D(2024, 4, 2),
        acting_user,
    )
    so1 = second.objectives.get(code="SO1")
    so1.title = "Civilians are safer, the northern provinces first"
    so1.save()
    so3 = second.objectives.get(code="SO3")
    so3.actors.filter(role="lead").update(partner=who["CNDDR"], component=None)
    so3.actors.filter(partner=who["CNDDR"], role="contributing").delete()
    do_adopt_revision(second, adopted_on=D(2024, 5, 20), acting_user=acting_user)

    open_plan_review(_mandate(mission, 3))
    third = _revise(
        mission,
        "Revision for the electoral year",
        "Resolution 2968 adds the elections and ends the mission's cease-fire monitoring.",
        D(2025, 3, 20),
        acting_user,
    )
    so2 = third.objectives.get(code="SO2")
    so2.tasks.remove(*so2.tasks.filter(task_type__code="ceasefire-monitoring"))
    _objective(third, "SO7", ELECTIONS, _mandate(mission, 3), who)
    do_adopt_revision(third, adopted_on=D(2025, 5, 12), acting_user=acting_user)

    open_plan_review(_mandate(mission, 4))  # the lower troop ceiling: no revision yet
    _concepts(mission, acting_user)
    return {"revisions": 3, "objectives": third.objectives.count()}


def _held(concept: Any, on: datetime.date, summary: str) -> None:
    consultation = concept.consultation
    if consultation is not None and consultation.held_on is None:
        consultation.held_on = on
        consultation.summary = summary
        consultation.save()


def _concepts(mission: Mission, acting_user: Any) -> None:
    """The military concept and its electoral version; each opened a consultation, held."""
    first = do_issue_concept(
        mission,
        kind="military",
        title="Military concept of operations",
        summary="Three sectors; battalions deploy to the north first; a quick reaction force "
        "in Kourala.",
        issued_on=D(2023, 3, 14),
        acting_user=acting_user,
    )
    _held(
        first,
        D(2023, 4, 6),
        "Contributors were briefed on the three sectors and the order "
        "in which their battalions deploy.",
    )
    second = do_issue_concept(
        mission,
        kind="military",
        title="Military concept of operations for the elections",
        summary="A fourth battalion secures the polling centres in the north and the south-west.",
        changes="Adds a battalion and the electoral security tasks.",
        issued_on=D(2025, 3, 20),
        acting_user=acting_user,
    )
    _held(
        second,
        D(2025, 4, 9),
        "Contributors were briefed on the electoral security plan; "
        "Zambia asked for its battalion's area of operations before deploying.",
    )


def build_planning(
    missions: dict[str, Mission], acting_user: Any, progress: Callable[[str], None]
) -> None:
    mission = missions.get("MINUSBEL")
    if mission is None or not Mandate.objects.filter(mission=mission, version=4).exists():
        return
    counts = build_plan(mission, acting_user)
    progress(
        f"Mission MINUSBEL integrated plan: {counts['revisions']} revisions, "
        f"{counts['objectives']} objectives in force."
    )


def delete_planning(mission: Mission) -> None:
    """The plan's records before the mission's own: plan actors restrict the units, components
    and partners they name, and the mission's cascade is kept as it was without them."""
    m.PlanActor.objects.filter(mission=mission).delete()
    m.FrameworkLink.objects.filter(mission=mission).delete()
    m.PlanVerdictOverride.objects.filter(mission=mission).delete()
    m.PlanReview.objects.filter(mission=mission).delete()
    m.ConceptOfOperations.objects.filter(mission=mission).delete()
    m.PlanRevision.objects.filter(mission=mission).delete()
    m.ParallelFramework.objects.filter(mission=mission).delete()
