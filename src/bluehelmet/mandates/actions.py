"""Mandate domain actions (Capstone §1.4, §4.3): one transaction, one audit entry each."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.types import Actor
from bluehelmet.doctrine.models import TaskType
from bluehelmet.mandates.consultations import open_consultation, trigger_for_mandate
from bluehelmet.mandates.models import DataSource, Mandate, MandatedTask, Resolution


class MandateErrorCode(enum.StrEnum):
    FORBIDDEN = "forbidden"
    BAD_DATE = "bad_date"
    UNKNOWN_TASK = "unknown_task"
    NO_BASIS = "no_basis"


def mandate_diff(
    previous: Mandate | None, task_codes: set[str], chapter_vii: bool, all_necessary_means: bool
) -> dict[str, Any]:
    """What changed against the previous version: tasks added/removed, force authority."""
    before = set(previous.tasks.values_list("task_type__code", flat=True)) if previous else set()
    diff: dict[str, Any] = {
        "tasks_added": sorted(task_codes - before),
        "tasks_removed": sorted(before - task_codes),
    }
    if previous is not None:
        if previous.chapter_vii != chapter_vii:
            diff["chapter_vii"] = {"before": previous.chapter_vii, "after": chapter_vii}
        if previous.all_necessary_means != all_necessary_means:
            diff["all_necessary_means"] = {
                "before": previous.all_necessary_means,
                "after": all_necessary_means,
            }
    return diff


def _task_types(codes: Iterable[str]) -> dict[str, TaskType]:
    codes = set(codes)
    found = {t.code: t for t in TaskType.objects.filter(code__in=codes)}
    missing = sorted(codes - set(found))
    if missing:
        raise ActionError(
            MandateErrorCode.UNKNOWN_TASK,
            _("Unknown task types: %(codes)s.") % {"codes": ", ".join(missing)},
        )
    return found


def do_change_mandate(
    mission: Mission,
    resolution: Resolution | None,
    *,
    acting_user: Actor,
    effective_from: datetime.date,
    task_codes: Iterable[str],
    chapter_vii: bool | None = None,
    all_necessary_means: bool = False,
    summary: str = "",
    source: str = DataSource.MANUAL,
    open_consultations: bool = True,
    priorities: Iterable[str] = (),
    basis_reference: str = "",
) -> Mandate:
    """Record a new mandate version; close the previous one; store the diff; open the §4.3
    consultations it calls for (historical imports pass ``open_consultations=False``)."""
    if acting_user is not None and not user_can(acting_user, Action.MANDATE, mission.pk):
        raise ActionError(MandateErrorCode.FORBIDDEN, _("Your role does not change mandates."))
    types = _task_types(task_codes)
    if resolution is None and not basis_reference.strip():
        raise ActionError(
            MandateErrorCode.NO_BASIS,
            _("A mandate rests on a resolution or another named document."),
        )
    if chapter_vii is None:
        chapter_vii = bool(resolution and resolution.chapter_vii)
    with transaction.atomic(), single_audit_entry():
        previous = (
            Mandate.objects.select_for_update().filter(mission=mission).order_by("-version").first()
        )
        if previous and effective_from <= previous.effective_from:
            raise ActionError(
                MandateErrorCode.BAD_DATE,
                _("The new version must start after %(date)s, when version %(v)d began.")
                % {"date": previous.effective_from, "v": previous.version},
            )
        diff = mandate_diff(previous, set(types), chapter_vii, all_necessary_means)
        mandate = _create_version(
            mission,
            resolution,
            previous,
            effective_from,
            chapter_vii,
            all_necessary_means,
            summary,
            source,
            diff,
        )
        if basis_reference:
            mandate.basis_reference = basis_reference.strip()[:100]
            mandate.save(update_fields=["basis_reference"])
        priority = set(priorities)
        MandatedTask.objects.bulk_create(
            [
                MandatedTask(
                    mission=mission,
                    mandate=mandate,
                    task_type=t,
                    priority="priority" if code in priority else "standard",
                )
                for code, t in sorted(types.items())
            ]
        )
        if open_consultations:
            trigger, reason = trigger_for_mandate(previous, diff)
            open_consultation(mission, trigger, effective_from, reason, mandate)
        log_action(
            "change_mandate",
            mandate,
            acting_user=acting_user,
            before=previous.snapshot() if previous else None,
            after={**mandate.snapshot(), "diff": diff},
        )
    return mandate


def _start_mandate_clock(
    mission: Mission, resolution: Resolution | None, effective_from: datetime.date
) -> None:
    """The first mandate version dates the mission's mandate (Capstone §6.2: the deployment
    clock runs from the Council's decision), so the clock follows the mandate records rather
    than a date typed on the mission."""
    adopted = resolution.adopted_on if resolution is not None else None
    authorised_on = adopted or effective_from
    if mission.mandate_authorised_on != authorised_on:
        mission.mandate_authorised_on = authorised_on
        mission.save(update_fields=["mandate_authorised_on", "updated_at"])


def _create_version(
    mission: Mission,
    resolution: Resolution | None,
    previous: Mandate | None,
    effective_from: datetime.date,
    chapter_vii: bool,
    all_necessary_means: bool,
    summary: str,
    source: str,
    diff: dict[str, Any],
) -> Mandate:
    if previous is not None and (
        previous.effective_to is None or previous.effective_to >= effective_from
    ):
        previous.effective_to = effective_from - datetime.timedelta(days=1)
        previous.save(update_fields=["effective_to", "updated_at"])
    if previous is None:
        _start_mandate_clock(mission, resolution, effective_from)
    return Mandate.objects.create(
        mission=mission,
        resolution=resolution,
        version=(previous.version + 1 if previous else 1),
        effective_from=effective_from,
        chapter_vii=chapter_vii,
        all_necessary_means=all_necessary_means,
        summary=summary,
        source=source,
        diff=diff,
    )
