"""Consultations the doctrine requires with contributing countries (Capstone §4.3).

The platform creates the obligation when its trigger happens; staff record when it was held.
The doctrine says when contributors are consulted, not within how many days: the due dates are
the mission's setting (one mission parameter per trigger, defaults ``DUE_AFTER_DAYS``).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.models import Contingent, ContingentStatus, ContributingCountry, Mission
from bluehelmet.core.parameters import parameter
from bluehelmet.core.registry import ParameterSpec
from bluehelmet.mandates.models import Consultation, ConsultationTrigger, Mandate

# Days allowed after the trigger for the consultation to be held: the defaults of the mission
# parameters below, bluehelmet's choice (Capstone §4.3 sets no deadline).
DUE_AFTER_DAYS = {
    ConsultationTrigger.CONCEPT_OF_OPERATIONS: 30,
    ConsultationTrigger.MANDATE_CHANGE: 0,
    ConsultationTrigger.RENEWAL: 0,
    ConsultationTrigger.SERIOUS_DEVELOPMENT: 7,
    ConsultationTrigger.SECURITY_DETERIORATION: 3,
    ConsultationTrigger.DRAWDOWN: 14,
    ConsultationTrigger.COUNCIL_MISSION_BEFORE: 0,
    ConsultationTrigger.COUNCIL_MISSION_AFTER: 14,
}


def due_key(trigger: str) -> str:
    return f"consultation-due-{trigger}"


PARAMETERS = tuple(
    ParameterSpec(
        due_key(trigger),
        format_lazy(_l("Days to consult contributors after: {}"), trigger.label),
        days,
        _l("days"),
        0,
        365,
        "Capstone §4.3",
        _l(
            "Days this mission allows after the trigger to hold the consultation. The doctrine "
            "says when contributors are consulted, not within how many days."
        ),
        weight=40 + n,
    )
    for n, (trigger, days) in enumerate(DUE_AFTER_DAYS.items())
)


def due_after_days(mission: Mission, trigger: str) -> int:
    """The days the mission allows after ``trigger`` (its setting, else the default)."""
    return parameter(mission, due_key(ConsultationTrigger(trigger)))


def due_explanation(consultation: Consultation) -> str:
    """Which part of the due date is the doctrine and which the mission's setting."""
    trigger = ConsultationTrigger(consultation.trigger)
    return _(
        "The doctrine: contributors are consulted on “%(trigger)s” (Capstone §4.3); it sets "
        "no deadline. Mission setting: this mission holds it within %(days)d days of the "
        "trigger (mission parameter; default %(default)d)."
    ) % {
        "trigger": trigger.label,
        "days": due_after_days(consultation.mission, trigger),
        "default": DUE_AFTER_DAYS[trigger],
    }


def contributing_countries(mission: Mission) -> list[ContributingCountry]:
    """Countries with personnel in the mission or pledged to it."""
    ids = (
        Contingent.objects.filter(mission=mission)
        .exclude(status=ContingentStatus.REPATRIATED)
        .values_list("country_id", flat=True)
    )
    return list(ContributingCountry.objects.filter(pk__in=set(ids)))


def open_consultation(
    mission: Mission,
    trigger: str,
    on: datetime.date,
    reason: str,
    mandate: Mandate | None = None,
) -> Consultation:
    """Create the consultation ``trigger`` calls for, unless the same one is already open."""
    due = on + datetime.timedelta(days=due_after_days(mission, trigger))
    existing = Consultation.objects.filter(
        mission=mission, trigger=trigger, due_on=due, held_on__isnull=True
    ).first()
    if existing:
        return existing
    consultation = Consultation.objects.create(
        mission=mission, trigger=trigger, due_on=due, reason=reason[:300], mandate=mandate
    )
    consultation.countries.set(contributing_countries(mission))
    return consultation


def trigger_for_mandate(previous: Mandate | None, diff: dict[str, Any]) -> tuple[str, str]:
    """§4.3: a change of scope or force authority is a mandate change; otherwise a renewal."""
    if previous is None:
        return ConsultationTrigger.CONCEPT_OF_OPERATIONS, _("First mandate of the mission.")
    changed = [k for k in ("tasks_added", "tasks_removed") if diff.get(k)]
    if diff.get("chapter_vii") or diff.get("all_necessary_means") or changed:
        return ConsultationTrigger.MANDATE_CHANGE, _(
            "The mandate's tasks or force authority changed."
        )
    return ConsultationTrigger.RENEWAL, _("The mandate was renewed without change of scope.")


def overdue(mission: Mission, today: datetime.date | None = None) -> list[Consultation]:
    qs = Consultation.objects.filter(mission=mission, held_on__isnull=True)
    day = today or datetime.date.today()
    return list(qs.filter(due_on__lt=day).prefetch_related("countries"))
