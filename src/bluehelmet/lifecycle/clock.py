"""The deployment clock (Capstone §6.2): days from the mandate against the 30/90-day target.

The target is read as reaching initial operating capability: the doctrine asks that a mission be
*established* within 30 (traditional) or 90 (multi-dimensional) days of its mandate.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bluehelmet.core.models import Mission
from bluehelmet.core.phases import Phase
from bluehelmet.lifecycle.models import PhaseTransition


@dataclass(frozen=True)
class DeploymentClock:
    status: str  # no_mandate | running | overdue | met | missed
    target_days: int
    elapsed_days: int | None
    mandate_on: datetime.date | None
    ioc_on: datetime.date | None
    explanation: str

    @property
    def late(self) -> bool:
        return self.status in {"overdue", "missed"}


def deployment_clock(mission: Mission, today: datetime.date | None = None) -> DeploymentClock:
    target = mission.deployment_target_days
    mandate = mission.mandate_authorised_on
    if mandate is None:
        return DeploymentClock(
            "no_mandate",
            target,
            None,
            None,
            None,
            _("No mandate date is recorded, so the clock has not started."),
        )
    ioc = (
        PhaseTransition.objects.filter(mission=mission, to_phase=Phase.IOC)
        .order_by("effective_on")
        .values_list("effective_on", flat=True)
        .first()
    )
    if ioc is not None:
        days = (ioc - mandate).days
        status = "met" if days <= target else "missed"
        text = ngettext(
            "Initial operating capability reached %(days)d day after the mandate "
            "(target %(target)d days).",
            "Initial operating capability reached %(days)d days after the mandate "
            "(target %(target)d days).",
            days,
        )
    else:
        days = ((today or timezone.now().date()) - mandate).days
        status = "running" if days <= target else "overdue"
        text = ngettext(
            "%(days)d day since the mandate without initial operating capability "
            "(target %(target)d days).",
            "%(days)d days since the mandate without initial operating capability "
            "(target %(target)d days).",
            days,
        )
    return DeploymentClock(
        status, target, days, mandate, ioc, text % {"days": days, "target": target}
    )
