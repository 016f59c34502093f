"""Mandate histories and strength series of the demo missions (issue 3; Capstone §1.4, §4.2-4.3).

MINUSBEL's mandate evolves over four resolutions: a robust Chapter VII mandate with protection of
civilians as its priority (§3.1, §2.3), a renewal, a change for the electoral period, and a
renewal that lowers the troop ceiling. Its authorised and deployed strength tell the §4.2 story:
a slow build-up, a troop shortfall after the Council raised the ceiling for the elections, a
recovery once the ceiling came down, and police that never reached their higher ceiling.
UNMOGTO has one traditional mandate (§2.2) and the few months of strength it has existed for.

Every version goes through ``do_change_mandate`` as the demo HQ administrator, so the diffs and
the §4.3 consultations come from the same code a planner's change uses. The deployed series is
derived from the mission's contingents (present at the end of each month) plus the personnel
the plan does not list as contingents, with a seeded variation for rotations and leave.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission, UnitType
from bluehelmet.core.models.countries import POLICE_UNIT_TYPES
from bluehelmet.demo.plan import ContingentPlan, MissionPlan
from bluehelmet.mandates.actions import do_change_mandate
from bluehelmet.mandates.consultations import open_consultation
from bluehelmet.mandates.models import (
    AuthorisedStrength,
    Consultation,
    ConsultationTrigger,
    DataSource,
    DeployedStrength,
    Mandate,
    Resolution,
)

D = datetime.date
SEED = "bluehelmet-demo-v1/mandates"
CATEGORIES = ("troops", "police", "military_observers")

# Fictional resolution numbers. Real Security Council resolutions stop in the 2700s in the TAMM
# file (and below 2900 to date), so numbers above 2900 never collide with an imported one.
MINUSBEL_RESOLUTIONS = (2911, 2934, 2968, 2987)
UNMOGTO_RESOLUTION = 2996
DEMO_RESOLUTIONS = (*MINUSBEL_RESOLUTIONS, UNMOGTO_RESOLUTION)

# MINUSBEL's deployed series runs to a fixed month so the data is the same every day.
MINUSBEL_FIRST_MONTH = D(2023, 4, 1)
MINUSBEL_LAST_MONTH = D(2026, 10, 1)

POC = "civilian-protection"  # the taxonomy's TAMM ``prociv`` task (resolution 1674)


@dataclass(frozen=True)
class Ceiling:
    """Authorised strength for a period (Capstone §4.2)."""

    troops: int | None = None
    police: int | None = None
    military_observers: int | None = None


@dataclass(frozen=True)
class VersionPlan:
    """One resolution and the mandate version it puts in force."""

    number: int
    adopted_on: datetime.date
    effective_from: datetime.date
    tasks: tuple[str, ...]
    priorities: tuple[str, ...]
    summary: str
    ceiling: Ceiling
    chapter_vii: bool = False
    all_necessary_means: bool = False
    held_on: datetime.date | None = None  # when the consultation it opens was held, if it was
    consultation_summary: str = ""


@dataclass(frozen=True)
class ConsultationPlan:
    """A consultation opened by an event other than a mandate change (Capstone §4.3 d-f)."""

    trigger: str
    on: datetime.date
    reason: str
    held_on: datetime.date | None = None
    summary: str = ""


TITLE = {
    "MINUSBEL": "The situation in Belnara",
    "UNMOGTO": "The situation between Tamarsa and Ostemba",
}

MINUSBEL_TASKS = (
    POC,
    "peace-agreement-support",
    "ceasefire-monitoring",
    "good-offices",
    "ddr-assistance",
    "human-rights-monitoring",
    "children-protection",
    "women-protection",
    "state-authority-extension",
    "humanitarian-aid-support",
    "un-personnel-protection",
    "mine-action",
    "chapter-vii",
    "all-necessary-means",
)
ELECTORAL_ADDED = ("election-assistance", "election-security", "security-sector-reform")
ELECTORAL_REMOVED = ("ceasefire-monitoring",)
MINUSBEL_ELECTORAL_TASKS = tuple(
    t for t in (*MINUSBEL_TASKS, *ELECTORAL_ADDED) if t not in ELECTORAL_REMOVED
)

# fmt: off
MINUSBEL_VERSIONS = (
    VersionPlan(
        2911, D(2023, 3, 14), D(2023, 3, 14), MINUSBEL_TASKS, (POC, "peace-agreement-support"),
        "Establishes MINUSBEL for twelve months under Chapter VII and authorises it to use all "
        "necessary means, within its capabilities and areas of deployment, to protect civilians "
        "under threat of physical violence, its first priority. It also supports the Lomassa "
        "Agreement: the cease-fire, the parties' dialogue and the disarmament, demobilization and "
        "reintegration of combatants. It monitors human rights, protects children and women "
        "affected by the conflict (resolutions 1612 and 1325), helps the State return to the six "
        "provinces, secures humanitarian assistance and clears explosive remnants of war.",
        Ceiling(troops=4300, police=700, military_observers=40),
        chapter_vii=True, all_necessary_means=True, held_on=D(2023, 4, 6),
        consultation_summary=(
            "Contributors met the Secretariat on the concept of operations: three sectors, "
            "battalions first to the north, formed police units in Mbarenga, Kourala and "
            "Lomassa. Rwanda and Bangladesh asked for early engineering support on the roads."
        ),
    ),
    VersionPlan(
        2934, D(2024, 3, 12), D(2024, 3, 14), MINUSBEL_TASKS, (POC, "peace-agreement-support"),
        "Renews the mandate for twelve months with the same tasks and ceilings. Asks the mission "
        "to concentrate its protection effort on the northern provinces and to report on the "
        "units still to deploy.",
        Ceiling(troops=4300, police=700, military_observers=40),
        chapter_vii=True, all_necessary_means=True, held_on=D(2024, 3, 5),
        consultation_summary=(
            "Meeting before the renewal. Contributors supported an unchanged mandate; Pakistan "
            "and Nepal asked for more helicopter hours for the northern team sites."
        ),
    ),
    VersionPlan(
        2968, D(2025, 3, 11), D(2025, 3, 14), MINUSBEL_ELECTORAL_TASKS,
        (POC, "peace-agreement-support", "election-assistance"),
        "Renews the mandate for the electoral year of the Lomassa Agreement. Adds support to the "
        "general elections, their security and the reform of the security sector. Ends the "
        "mission's own cease-fire monitoring, now done by the Joint Ceasefire Commission, which "
        "the mission supports through its liaison office. Raises the troop ceiling by 800 and the "
        "police ceiling by 300 to secure the electoral period.",
        Ceiling(troops=5100, police=1000, military_observers=40),
        chapter_vii=True, all_necessary_means=True, held_on=D(2025, 3, 6),
        consultation_summary=(
            "Contributors were briefed on the electoral tasks and the higher ceilings. Zambia "
            "pledged a battalion and Mauritania a formed police unit; both asked for the "
            "memoranda of understanding before committing deployment dates."
        ),
    ),
    VersionPlan(
        2987, D(2026, 3, 10), D(2026, 3, 14), MINUSBEL_ELECTORAL_TASKS,
        (POC, "peace-agreement-support", "election-assistance"),
        "Renews the mandate for twelve months after the general elections of November 2025 with "
        "the same tasks. Lowers the troop ceiling from 5,100 to 4,400 as the electoral security "
        "effort ends, keeps the police ceiling and asks for a plan for the mission's gradual "
        "drawdown.",
        Ceiling(troops=4400, police=1000, military_observers=40),
        chapter_vii=True, all_necessary_means=True, held_on=D(2026, 3, 4),
        consultation_summary=(
            "Meeting before the renewal. Contributors took note of the lower troop ceiling and "
            "asked to be consulted on which units would leave."
        ),
    ),
)

MINUSBEL_CONSULTATIONS = (
    ConsultationPlan(
        ConsultationTrigger.SECURITY_DETERIORATION, D(2025, 7, 19),
        "Armed attack on Team Site Bangassi; thousands displaced towards Kourala.",
        held_on=D(2025, 7, 22),
        summary=(
            "The Force Commander briefed the contributors with units in Sector North. Nepal "
            "agreed to move a quick reaction force company to Kourala for the electoral period."
        ),
    ),
    # Left unheld: the overview flags it overdue (Capstone §4.3 f: drawdown).
    ConsultationPlan(
        ConsultationTrigger.DRAWDOWN, D(2026, 3, 14),
        "Resolution 2987 lowered the troop ceiling by 700: the contributors whose units would "
        "leave are to be consulted.",
    ),
)
# fmt: on

# Zambia and Mauritania pledged their units for the electoral period (consultation of 6 March
# 2025): earlier consultations did not concern them.
LATE_PLEDGES = (frozenset({"ZMB", "MRT"}), D(2025, 3, 6))

# Personnel the MINUSBEL plan does not list as contingents (individual staff officers, national
# support elements, individual police officers, military observers), at full strength.
MINUSBEL_OTHERS = {"troops": 250, "police": 130, "military_observers": 36}
RAMP = (0.15, 0.35, 0.55, 0.75, 0.9)  # share of those present in the first months


def unmogto_versions(adopted_on: datetime.date) -> tuple[VersionPlan, ...]:
    """UNMOGTO's single, traditional mandate (Capstone §2.2): no Chapter VII."""
    return (
        VersionPlan(
            UNMOGTO_RESOLUTION,
            adopted_on,
            adopted_on,
            ("ceasefire-monitoring", "buffer-zone-monitoring", "liaison-with-parties"),
            ("ceasefire-monitoring",),
            "Establishes UNMOGTO for six months to observe the Kafra cease-fire and the Line of "
            "Separation between Tamarsa and Ostemba, investigate alleged violations, keep "
            "liaison with both parties and report to the Council.",
            Ceiling(troops=8, military_observers=40),
        ),
    )


# -- strength series -----------------------------------------------------------------------------


def _next_month(day: datetime.date) -> datetime.date:
    return D(day.year + day.month // 12, day.month % 12 + 1, 1)


def months(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """First days of the months from ``first`` to ``last``, both included."""
    out, day = [], first.replace(day=1)
    while day <= last:
        out.append(day)
        day = _next_month(day)
    return out


def _category(unit_type: str) -> str:
    if unit_type in POLICE_UNIT_TYPES:
        return "police"
    if unit_type == UnitType.MILITARY_OBSERVERS:
        return "military_observers"
    return "troops"  # formed military units and staff officers


def contingents_present(
    contingents: Sequence[ContingentPlan], day: datetime.date
) -> dict[str, int]:
    """Nominal strength per category of the contingents in the mission area on ``day``."""
    totals = dict.fromkeys(CATEGORIES, 0)
    for c in contingents:
        if c.arrival and c.arrival <= day and (c.repatriation is None or c.repatriation > day):
            totals[_category(c.unit_type)] += c.strength
    return totals


def minusbel_series(contingents: Sequence[ContingentPlan]) -> list[tuple[datetime.date, dict]]:
    """Month-end deployed strength, April 2023 to October 2026 (seeded, so always the same)."""
    rng = random.Random(f"{SEED}/MINUSBEL/strength")
    series = []
    for n, month in enumerate(months(MINUSBEL_FIRST_MONTH, MINUSBEL_LAST_MONTH)):
        present = contingents_present(contingents, _next_month(month) - datetime.timedelta(1))
        share = RAMP[n] if n < len(RAMP) else 1.0
        figures = {}
        for category in CATEGORIES:
            nominal = present[category] + MINUSBEL_OTHERS[category] * share
            # Units are rarely at full strength: rotations, leave, medical evacuations.
            figures[category] = round(nominal * rng.uniform(0.97, 0.995))
        series.append((month, figures))
    return series


def unmogto_series(
    contingents: Sequence[ContingentPlan], first: datetime.date, today: datetime.date
) -> list[tuple[datetime.date, dict]]:
    """Each month since the mandate, counted at month end (or today for the current month)."""
    series = []
    for month in months(first, today):
        day = min(_next_month(month) - datetime.timedelta(1), today)
        present = contingents_present(contingents, day)
        series.append((month, {**present, "police": None}))
    return series


# -- records -------------------------------------------------------------------------------------


def _resolution(plan: VersionPlan, title: str) -> Resolution:
    existing = Resolution.objects.filter(number=plan.number).first()
    if existing is not None and existing.source != DataSource.DEMO:
        raise ValidationError(
            _("Resolution %(n)d already exists and is not demo data; the demo cannot use it.")
            % {"n": plan.number}
        )
    resolution = existing or Resolution(number=plan.number, source=DataSource.DEMO)
    resolution.adopted_on, resolution.chapter_vii = plan.adopted_on, plan.chapter_vii
    resolution.title, resolution.text_reference = title, ""
    resolution.full_clean()
    resolution.save()
    return resolution


def _mandate(mission: Mission, plan: VersionPlan, acting_user: Any) -> Mandate:
    try:
        mandate = do_change_mandate(
            mission,
            _resolution(plan, TITLE.get(mission.code, "")),
            acting_user=acting_user,
            effective_from=plan.effective_from,
            task_codes=plan.tasks,
            chapter_vii=plan.chapter_vii,
            all_necessary_means=plan.all_necessary_means,
            summary=plan.summary,
            source=DataSource.DEMO,
            priorities=plan.priorities,
        )
    except ActionError as exc:
        raise ValidationError(exc.message) from exc
    # The action opened the §4.3 consultation this version calls for.
    _hold(mandate.consultations.get(), plan.held_on, plan.consultation_summary)
    return mandate


def _hold(consultation: Any, held_on: datetime.date | None, summary: str) -> None:
    if held_on is None:
        return
    consultation.held_on, consultation.summary = held_on, summary
    consultation.full_clean()
    consultation.save()


def _authorised(mission: Mission, versions: Sequence[VersionPlan], mandates: list[Mandate]) -> None:
    for plan, mandate, following in zip(versions, mandates, [*mandates[1:], None], strict=True):
        period = AuthorisedStrength(
            mission=mission,
            resolution=mandate.resolution,
            effective_from=plan.effective_from,
            effective_to=following.effective_from - datetime.timedelta(1) if following else None,
            source=DataSource.DEMO,
            **vars(plan.ceiling),
        )
        period.full_clean()
        period.save()


def _deployed(mission: Mission, series: list[tuple[datetime.date, dict]]) -> None:
    for month, figures in series:
        row = DeployedStrength(mission=mission, month=month, source=DataSource.DEMO, **figures)
        row.full_clean()
        row.save()


def _build(
    mission: Mission,
    versions: Sequence[VersionPlan],
    consultations: Sequence[ConsultationPlan],
    series: list[tuple[datetime.date, dict]],
    acting_user: Any,
) -> int:
    mandates = [_mandate(mission, v, acting_user) for v in versions]
    _authorised(mission, versions, mandates)
    for c in consultations:
        _hold(open_consultation(mission, c.trigger, c.on, c.reason), c.held_on, c.summary)
    _deployed(mission, series)
    return len(mandates)


def _without_late_pledges(mission: Mission) -> None:
    """Consultations held before a country pledged its unit did not concern that country."""
    countries, pledged_on = LATE_PLEDGES
    for consultation in Consultation.objects.filter(mission=mission, due_on__lt=pledged_on):
        consultation.countries.remove(*consultation.countries.filter(iso3__in=countries))


def build_mandates(
    mission: Mission,
    plan: MissionPlan,
    today: datetime.date,
    acting_user: Any,
    progress: Callable[[str], None],
) -> None:
    """Write the mission's mandate history, authorised and deployed strength, consultations."""
    if plan.code == "MINUSBEL":
        series = minusbel_series(plan.contingents)
        n = _build(mission, MINUSBEL_VERSIONS, MINUSBEL_CONSULTATIONS, series, acting_user)
        _without_late_pledges(mission)
    elif plan.code == "UNMOGTO":
        adopted = mission.mandate_authorised_on or today
        series = unmogto_series(plan.contingents, adopted, today)
        n = _build(mission, unmogto_versions(adopted), (), series, acting_user)
    else:  # pragma: no cover - every demo plan is listed above
        return
    progress(
        _("Mission %(code)s: %(n)d mandate version(s), %(months)d month(s) of strength.")
        % {"code": plan.code, "n": n, "months": len(series)}
    )


def delete_demo_resolutions() -> None:
    """Remove the demo's fictional resolutions once no mandate rests on them."""
    Resolution.objects.filter(
        number__in=DEMO_RESOLUTIONS,
        source=DataSource.DEMO,
        mandates__isnull=True,
        joint_mandates__isnull=True,
    ).delete()
