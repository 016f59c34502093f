"""The shape of a demo mission plan: plain data that ``scenario`` turns into records.

Keeping the tables (``minusbel``, ``unmogto``) apart from the builder keeps both short and lets
the tests read the plan to know what the database should hold.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class UnitPlan:
    """An org unit at a town (Capstone §6.2: mission HQ, sector HQs, field offices, team sites)."""

    key: str
    kind: str
    name: str
    town: str
    parent: str | None
    component: str | None
    established: datetime.date | None
    closed: datetime.date | None = None


@dataclass(frozen=True)
class HolderPlan:
    """Someone holding a post for a period; ``pool`` is an ISO code or a pool alias."""

    pool: str
    category: str
    start: datetime.date
    end: datetime.date | None = None
    acting: bool = False
    female: bool | None = None
    login: str | None = None  # demo role code whose user is linked to this person


@dataclass(frozen=True)
class PostPlan:
    """A post with its doctrinal role and reporting line (Capstone §7.1, §6.3)."""

    key: str
    title: str
    role: str
    component: str | None
    unit: str | None
    reports_to: str | None
    grade: str
    holders: tuple[HolderPlan, ...] = ()
    mlt: bool = False
    designated_official: bool = False
    sensitivity: int = 0


@dataclass(frozen=True)
class ContingentPlan:
    """A national unit under UN operational control (Capstone §7.1)."""

    name: str
    country: str
    unit_type: str
    strength: int
    status: str
    unit: str | None
    arrival: datetime.date | None = None
    repatriation: datetime.date | None = None
    sensitivity: int = 0


@dataclass(frozen=True)
class PartnerPlan:
    """A partner the mission coordinates with (Capstone §5.1, §7.2)."""

    name: str
    acronym: str
    kind: str
    sensitivity: int = 0
    humanitarian: bool = False
    un_system: bool = False
    focal_pool: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class TransitionPlan:
    """A lifecycle transition decided on a date; ``override`` is the recorded reason, if any."""

    to_phase: str
    effective_on: datetime.date
    override: str = ""


@dataclass
class MissionPlan:
    """Everything one demo mission holds."""

    mission: dict[str, Any]
    geography: str
    components: Sequence[tuple[str, str, str]]  # key, kind, name
    units: Sequence[UnitPlan]
    posts: Sequence[PostPlan]
    contingents: Sequence[ContingentPlan]
    partners: Sequence[PartnerPlan]
    milestones: Sequence[tuple[str, datetime.date, str]]  # kind, achieved on, evidence
    transitions: Sequence[TransitionPlan]
    extra_people: Sequence[tuple[str, str]] = field(default_factory=list)  # pool, category

    @property
    def code(self) -> str:
        return str(self.mission["code"])
