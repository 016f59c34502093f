"""MINUSBEL's benchmarks in the demo (issue 16; Capstone §10.1-10.2, §6.1).

Five benchmarks after the doctrine's examples, read quarterly from the mission and from sources
independent of it. The mission's own reading of killings in the north falls far faster than the
conflict observatory's and the household survey's: persistent over-optimism. Displacement in
Tabassi rises past its threshold in the last quarter: a deterioration the next report must
carry. Prefects in post rest on the host government alone: too few independent sources. The
plan's patrol count, an output, is flagged as not an outcome. Violent incidents in Tabassi are
computed from the JOC's records after the story is moved to the build day, so the query kept
with each reading runs again on the same window; the share of the weapons handed in at the
Haut-Sanvi sites that were destroyed is computed the same way from the programmes' DDR register
(an indicator source of another app, ``core.registry``). Readiness is assessed by area and by
province: Bas-Sanvi, where the hand-over has begun, is the one province judged ready.

Every record is written as the demo HQ user; names and texts are fictional and bluehelmet's own.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from bluehelmet.benchmarks import models as m
from bluehelmet.benchmarks.actions import (
    BenchmarkErrorCode,
    do_adopt_plan_indicator,
    do_compute_observation,
)
from bluehelmet.benchmarks.lessons import do_link_lesson, reference
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.doctrine.models import BenchmarkTemplate
from bluehelmet.lifecycle.models import HandoverItem
from bluehelmet.mandates.models import Mandate, MandatedTask
from bluehelmet.planning.models import ResultIndicator

D = datetime.date
SELF, DATA = m.SourceKind.SELF_ASSESSMENT, m.SourceKind.MISSION_DATA
GOV, UNCT = m.SourceKind.HOST_GOVERNMENT, m.SourceKind.UN_COUNTRY_TEAM
RESEARCH, SURVEY = m.SourceKind.INDEPENDENT_RESEARCH, m.SourceKind.SURVEY
QUARTERS = (D(2025, 12, 31), D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30))
MISSION_VIEW = "MINUSBEL self-assessment"
WEAPONS_DESTROYED = "Weapons handed in at the Haut-Sanvi sites and destroyed (%)"

# code: (title, area, template, target date)
BENCHMARKS: dict[str, tuple[str, str, str, datetime.date]] = {
    "B1": (
        "Civilians are safe in the north",
        "security",
        "national-forces-provide-security",
        D(2027, 12, 31),
    ),
    "B2": (
        "Courts and prisons work in every province",
        "rule_of_law",
        "justice-and-corrections",
        D(2028, 6, 30),
    ),
    "B3": (
        "The State administers every province",
        "state_authority",
        "state-authority-and-services",
        D(2027, 12, 31),
    ),
    "B4": (
        "The displaced go home in safety",
        "socio_economic",
        "displaced-returned",
        D(2028, 6, 30),
    ),
    "B5": (
        "Elected institutions hold power peacefully",
        "political_process",
        "legitimate-institutions",
        D(2027, 6, 30),
    ),
}

# (benchmark, name, unit, baseline, target, threshold, direction, readings by source:
#  [(kind, source, values by quarter)])
INDICATORS: list[tuple[Any, ...]] = [
    (
        "B2",
        "Courts sitting in the provinces",
        "courts",
        2,
        7,
        None,
        "increase",
        [
            (SELF, MISSION_VIEW, (3, 4, 4, 5)),
            (GOV, "Ministry of Justice of Belnara", (3, 3, 4, 5)),
            (UNCT, "UNDP rule-of-law programme", (3, 4, 4, 4)),
        ],
    ),
    (
        "B3",
        "Provinces with a prefect in post",
        "provinces",
        1,
        6,
        None,
        "increase",
        [
            (SELF, MISSION_VIEW, (3, 4, 4, 5)),
            (GOV, "Ministry of Territorial Administration", (3, 4, 5, 5)),
        ],
    ),
    (
        "B4",
        "People displaced in Tabassi",
        "people",
        24000,
        5000,
        25000,
        "decrease",
        [
            (SELF, MISSION_VIEW, (17000, 16000, 17500, 24000)),
            (UNCT, "UNHCR protection monitoring", (18000, 17000, 19000, 31000)),
            (SURVEY, "IOM displacement tracking", (18500, 17500, 19500, 29500)),
        ],
    ),
    (
        "B5",
        "Voters registered (% of the estimated electorate)",
        "%",
        41,
        80,
        50,
        "increase",
        [
            (SELF, MISSION_VIEW, (58, 63, 66, 70)),
            (GOV, "National Electoral Authority", (57, 62, 66, 69)),
            (RESEARCH, "Belnara Institute for Democracy", (55, 60, 64, 68)),
        ],
    ),
]
# The plan's killings indicator, read by the mission, the observatory and the survey.
KILLINGS = [
    (SELF, MISSION_VIEW, (120, 100, 85, 70)),
    (RESEARCH, "Belnara Conflict Observatory", (135, 132, 128, 130)),
    (SURVEY, "Household perception survey", (138, 130, 131, 127)),
]

# area or province: (level, reasons), assessed on 30 September 2026.
READINESS: dict[str, tuple[str, str]] = {
    "security": ("not_ready", "Armed groups still strike in the north; police cover is thin."),
    "rule_of_law": ("partly_ready", "Five of seven courts sit; prisons hold no trial backlog yet."),
    "state_authority": ("partly_ready", "Prefects are back in five provinces, without budgets."),
    "human_rights": ("not_ready", "Killings in the north are not falling on independent counts."),
    "socio_economic": ("not_ready", "Displacement in Tabassi rose sharply this quarter."),
    "political_process": ("partly_ready", "Registration is on track; the electoral law is late."),
}
PROVINCES: dict[str, tuple[str, str]] = {
    "Bas-Sanvi": ("ready", "Quiet for a year; police and courts work; hand-over has begun."),
    "Mbarenga Capital District": (
        "partly_ready",
        "Stable, but the national police still lean on formed police units at night.",
    ),
    "Kourala": ("partly_ready", "Prefect in post; roads open; no court yet."),
    "Ouadjé": ("partly_ready", "Few incidents; the State is present only in the chief town."),
    "Mekondé": ("not_ready", "Armed group checkpoints on the main road."),
    "Haut-Sanvi": ("not_ready", "Repeated attacks on displaced sites."),
    "Tabassi": ("not_ready", "Fighting escalated this year; displacement is rising."),
}


# (task, responsibility, receiver kind, receiver, province, conditions, planned, done, status)
HANDOVER: list[tuple[Any, ...]] = [
    (
        "civilian-protection",
        "Static protection of the Lomassa market and camps",
        "host_government",
        "National police, Bas-Sanvi command",
        "Bas-Sanvi",
        "Two police companies trained and deployed; joint patrols for three months first.",
        D(2026, 6, 1),
        D(2026, 7, 15),
        "handed_over",
    ),
    (
        "state-authority-extension",
        "Support to the prefecture of Lomassa",
        "un_country_team",
        "UNDP local governance programme",
        "Bas-Sanvi",
        "Funding for two years secured by UNDP before the civilian office closes.",
        D(2026, 7, 1),
        D(2026, 9, 1),
        "handed_over",
    ),
    (
        "human-rights-monitoring",
        "Human rights monitoring in Bas-Sanvi",
        "un_country_team",
        "OHCHR country office",
        "Bas-Sanvi",
        "OHCHR office in Lomassa staffed; case files transferred with consent of the victims.",
        D(2026, 10, 1),
        None,
        "under_way",
    ),
    (
        "ddr-assistance",
        "Reintegration of former combatants",
        "host_government",
        "National DDR Commission (CNDDR)",
        "",
        "Reintegration funds in the national budget; the north stable for two quarters.",
        D(2027, 6, 30),
        None,
        "planned",
    ),
    (
        "election-security",
        "Security of the 2027 elections",
        "regional_organisation",
        "African Union electoral support mission",
        "",
        "Council decision on the drawdown; AU mission authorised and funded.",
        D(2027, 9, 30),
        None,
        "planned",
    ),
]


def _handover(mission: Mission) -> int:
    """The hand-over plan: Bas-Sanvi partly handed over, the rest planned (§10.1-10.2)."""
    mandate = Mandate.objects.filter(mission=mission).order_by("-version").first()
    for code, what, kind, receiver, where, conditions, planned, done, status in HANDOVER:
        task = MandatedTask.objects.filter(mandate=mandate, task_type__code=code).first()
        HandoverItem.objects.create(
            mission=mission,
            task=task,
            responsibility=what,
            receiver_kind=kind,
            receiver=receiver,
            admin1=where,
            conditions=conditions,
            planned_on=planned,
            completed_on=done,
            status=status,
        )
    return len(HANDOVER)


def _observe(ind: m.Indicator, kind: str, source: str, values: tuple[int, ...]) -> None:
    for day, value in zip(QUARTERS, values, strict=True):
        m.Observation.objects.create(
            indicator=ind,
            observed_on=day,
            value=Decimal(value),
            source_kind=kind,
            source_name=source,
            independent=kind not in m.MISSION_SOURCES,
        )


def _benchmarks(mission: Mission) -> dict[str, m.Benchmark]:
    made = {}
    for code, (title, area, template, target) in BENCHMARKS.items():
        made[code] = m.Benchmark.objects.create(
            mission=mission,
            code=code,
            title=title,
            area=area,
            target_date=target,
            template=BenchmarkTemplate.objects.filter(code=template).first(),
        )
    return made


def _plan_indicators(mission: Mission, b1: m.Benchmark, acting_user: Any) -> None:
    """The plan in force's killings (an outcome) and patrols (an output) measure B1."""
    planned = ResultIndicator.objects.filter(
        mission=mission, result__objective__revision__status="adopted"
    )
    killings = planned.filter(name__startswith="Civilians killed").first()
    if killings is not None:
        ind = do_adopt_plan_indicator(b1, killings, acting_user=acting_user)
        ind.threshold = Decimal(160)
        ind.save()
        for kind, source, values in KILLINGS:
            _observe(ind, kind, source, values)
    patrols = planned.filter(name="Patrols conducted").first()
    if patrols is not None:
        ind = do_adopt_plan_indicator(b1, patrols, acting_user=acting_user)
        _observe(ind, SELF, MISSION_VIEW, (420, 450, 480, 510))


def _lessons(mission: Mission, acting_user: Any) -> None:
    """An end-of-assignment report on the Bas-Sanvi hand-over and an after-action review of the
    Tabassi displacement, each linked to the records it is about (§10.2)."""
    report = m.LessonLearned.objects.create(
        mission=mission,
        kind=m.LessonKind.END_OF_ASSIGNMENT,
        title="Head of the Lomassa field office: handing over Bas-Sanvi",
        written_on=D(2026, 9, 25),
        summary="Two police companies took over static protection after three months of joint "
        "patrols; the prefecture support passed to UNDP with two years of funding.",
        worked="Joint patrols before the hand-over; a dated list of conditions agreed with the "
        "national police.",
        change="Start the transfer of human rights case files earlier: consent takes time.",
    )
    for item in HandoverItem.objects.filter(mission=mission, admin1="Bas-Sanvi"):
        do_link_lesson(report, reference(item), acting_user=acting_user)
    review = m.LessonLearned.objects.create(
        mission=mission,
        kind=m.LessonKind.AFTER_ACTION_REVIEW,
        title="Displacement in Tabassi, third quarter 2026",
        written_on=D(2026, 10, 10),
        summary="The mission's reading of displacement lagged UNHCR's by a quarter.",
        change="Read displacement from UNHCR and IOM monthly, not from patrol reports.",
    )
    displaced = m.Indicator.objects.get(mission=mission, name="People displaced in Tabassi")
    do_link_lesson(review, reference(displaced), acting_user=acting_user)


def build_benchmarks(mission: Mission, acting_user: Any) -> dict[str, int]:
    """Benchmarks, indicators, authored readings and readiness (before the story is moved)."""
    benchmarks = _benchmarks(mission)
    _plan_indicators(mission, benchmarks["B1"], acting_user)
    for code, name, unit, base, target, threshold, direction, readings in INDICATORS:
        ind = m.Indicator.objects.create(
            benchmark=benchmarks[code],
            name=name,
            unit=unit,
            baseline=Decimal(base),
            target=Decimal(target),
            direction=direction,
            threshold=None if threshold is None else Decimal(threshold),
        )
        for kind, source, values in readings:
            _observe(ind, kind, source, values)
    m.Indicator.objects.create(
        benchmark=benchmarks["B1"],
        name="Violent incidents in Tabassi",
        unit="incidents",
        target=Decimal(10),
        direction="decrease",
        computation=m.Computation.INCIDENTS,
        admin1="Tabassi",
    )
    # Read from the programmes' DDR register (an indicator source of ``programmes``, §2.4):
    # confidential, as the weapons collections are.
    m.Indicator.objects.create(
        benchmark=benchmarks["B1"],
        name=WEAPONS_DESTROYED,
        unit="%",
        target=Decimal(100),
        direction="increase",
        computation="weapons_destroyed_share",
        admin1="Haut-Sanvi",
        sensitivity=Sensitivity.CONFIDENTIAL,
    )
    for where, (level, reasons) in {**READINESS, **PROVINCES}.items():
        area = where if where in m.BenchmarkArea.values else ""
        m.ReadinessAssessment.objects.create(
            mission=mission,
            area=area,
            admin1="" if area else where,
            level=level,
            assessed_on=D(2026, 9, 30),
            rationale=reasons,
        )
    handover = _handover(mission)
    _lessons(mission, acting_user)
    return {
        "handover": handover,
        "benchmarks": len(benchmarks),
        "indicators": m.Indicator.objects.filter(mission=mission).count(),
        "observations": m.Observation.objects.filter(mission=mission).count(),
    }


def compute_benchmark_readings(mission: Mission, day: datetime.date, acting_user: Any) -> int:
    """The computed indicators read for the four quarters ending on ``day`` (after the move:
    the stored queries name the dates the records now carry)."""
    made = 0
    for ind in m.Indicator.objects.filter(mission=mission).exclude(computation=""):
        for back in (270, 180, 90, 0):
            end = day - datetime.timedelta(days=back)
            try:
                do_compute_observation(ind, observed_on=end, acting_user=acting_user)
            except ActionError as exc:  # nothing recorded yet by that day: no reading
                if exc.code != BenchmarkErrorCode.NO_DATA:
                    raise
                continue
            made += 1
    return made


def build_demo_benchmarks(
    missions: dict[str, Mission], acting_user: Any, progress: Callable[[str], None]
) -> None:
    mission = missions.get("MINUSBEL")
    if mission is None:
        return
    counts = build_benchmarks(mission, acting_user)
    progress(
        f"Mission MINUSBEL benchmarks: {counts['benchmarks']} benchmarks, "
        f"{counts['indicators']} indicators, {counts['observations']} readings, "
        f"{counts['handover']} hand-over items."
    )
