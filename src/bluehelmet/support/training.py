"""Training compliance per contingent (Capstone §8.2, §3.2), the public reading other apps
show beside their own figures: ``conduct`` puts it beside misconduct per contingent.

``training_compliance(mission, user=...)`` answers, for each contingent the user may see that
has a rotation recorded, the rotation in the field today (or the next one), the course
completions required (personnel times mandatory courses) and done, and whether it is complete.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from bluehelmet.support import models as m
from bluehelmet.support.readings import current_rotations, rotation_readings, scoped


@dataclass
class ContingentCompliance:
    contingent_id: int
    contingent: str
    rotation_id: int
    arrives_on: datetime.date
    strength: int
    required: int
    done: int
    by_course: dict[str, int] = field(default_factory=dict)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.required) if self.required else 100

    @property
    def complete(self) -> bool:
        return self.done >= self.required

    def as_dict(self) -> dict[str, Any]:
        return {
            "contingent": self.contingent_id,
            "name": self.contingent,
            "rotation": self.rotation_id,
            "arrives_on": self.arrives_on.isoformat(),
            "strength": self.strength,
            "required": self.required,
            "done": self.done,
            "percent": self.percent,
            "complete": self.complete,
            "by_course": self.by_course,
        }


def training_compliance(
    mission: Any, *, user: Any, today: datetime.date | None = None
) -> list[ContingentCompliance]:
    """Per contingent, required against done for its current rotation (see the module)."""
    day = today or timezone.now().date()
    readings = rotation_readings(mission, user)
    owners = dict(
        scoped(m.Rotation.objects, user).filter(mission=mission).values_list("pk", "contingent_id")
    )
    current = current_rotations(readings, owners, day)
    return sorted(
        (
            ContingentCompliance(
                contingent_id,
                r.contingent,
                r.rotation_id,
                r.arrives_on,
                r.strength,
                r.required,
                r.done,
                dict(r.trained),
            )
            for contingent_id, r in current.items()
        ),
        key=lambda c: c.contingent,
    )
