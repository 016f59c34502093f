"""Mission parameters: the numbers bluehelmet's rules judge by, set per mission.

The doctrine names what to watch (a sustained restriction of movement, even-handed responses,
a timely answer to threats to civilians, consultations with contributors) but sets no counts,
hours or days. Those numbers are the mission's choice: each app registers the ones its rules use
(``registry.add_parameter``) with a default, a range and the doctrine section it serves; HQ sets
a mission's value with a reason (``core.actions.do_set_mission_parameter``), and every verdict
says which part is the doctrine and which the mission's setting.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from bluehelmet.core.registry import ParameterSpec, registry

SETTING_NOTE = _(
    "This number is the mission's setting, chosen by Headquarters; the doctrine sets no figure."
)

__all__ = ["SETTING_NOTE", "ParameterSpec", "catalogue", "parameter", "spec", "values"]


def catalogue() -> list[ParameterSpec]:
    """Every registered parameter, in display order."""
    return registry.mission_parameters()


def spec(key: str) -> ParameterSpec | None:
    return registry.parameters.get(key)


def note(registered: ParameterSpec) -> str:
    return str(registered.note or SETTING_NOTE)


def _mission_id(mission: Any) -> int | None:
    return getattr(mission, "pk", mission)


def values(mission: Any) -> dict[str, int]:
    """Every registered parameter's value for ``mission`` (one query): its setting or default."""
    from bluehelmet.core.models import MissionParameter

    found = {s.key: s.default for s in catalogue()}
    mission_id = _mission_id(mission)
    if mission_id is not None:
        rows = MissionParameter.objects.filter(mission_id=mission_id, key__in=list(found))
        found.update(rows.values_list("key", "value"))
    return found


def parameter(mission: Any, key: str) -> int:
    """The value of ``key`` for ``mission`` (a Mission, its id or None): set, else default."""
    registered = spec(key)
    if registered is None:
        raise KeyError(f"No mission parameter {key!r}: register it with add_parameter().")
    from bluehelmet.core.models import MissionParameter

    mission_id = _mission_id(mission)
    stored = None
    if mission_id is not None:
        rows = MissionParameter.objects.filter(mission_id=mission_id, key=key)
        stored = rows.values_list("value", flat=True).first()
    return registered.default if stored is None else stored


def may_set(user: Any) -> bool:
    """Only Headquarters roles holding ``change`` set mission parameters (the system may)."""
    from bluehelmet.core.permissions import Action, grants_for

    if user is None:
        return True
    if user.is_authenticated and user.is_active and user.is_superuser:
        return True
    return grants_for(user, Action.CHANGE).all_missions is not None


def listing(mission: Any) -> list[dict[str, Any]]:
    """Every registered parameter with the mission's value, its default and who set it, why."""
    from bluehelmet.core.models import MissionParameter

    stored = MissionParameter.objects.filter(mission=mission).select_related("changed_by")
    rows = {p.key: p for p in stored}
    return [_entry(s, rows.get(s.key)) for s in catalogue()]


def _entry(registered: ParameterSpec, row: Any) -> dict[str, Any]:
    value = registered.default if row is None else row.value
    return {
        "key": registered.key,
        "label": str(registered.label),
        "value": value,
        "default": registered.default,
        "unit": str(registered.unit),
        "min": registered.min_value,
        "max": registered.max_value,
        "serves": registered.serves,
        "note": note(registered),
        "changed": value != registered.default,
        "reason": row.reason if row is not None else "",
        "changed_by": row.changed_by.get_username() if row is not None and row.changed_by else None,
        "changed_at": row.updated_at.isoformat() if row is not None else None,
    }
