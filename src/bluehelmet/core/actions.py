"""Kernel domain actions: one transaction and one audit entry each (DESIGN "Domain actions")."""

from __future__ import annotations

import enum

from django.db import transaction
from django.utils.translation import gettext as _

from bluehelmet.core import parameters
from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.models import Mission, MissionParameter
from bluehelmet.core.types import Actor, recorded


class ParameterErrorCode(enum.StrEnum):
    UNKNOWN = "unknown_parameter"
    OUT_OF_RANGE = "out_of_range"
    REASON_REQUIRED = "reason_required"


def do_set_mission_parameter(
    mission: Mission, key: str, value: int, *, acting_user: Actor, reason: str
) -> MissionParameter:
    """Headquarters sets one of the mission's parameters, within its range, with a reason."""
    if not parameters.may_set(acting_user):
        raise ActionError(
            ErrorCode.FORBIDDEN, _("Only Headquarters roles that may change records set these.")
        )
    spec = parameters.spec(key)
    if spec is None:
        raise ActionError(
            ParameterErrorCode.UNKNOWN, _("There is no parameter %(key)s.") % {"key": key}
        )
    _check_range(spec, value)
    if not (reason or "").strip():
        raise ActionError(
            ParameterErrorCode.REASON_REQUIRED, _("Give the reason for the mission's setting.")
        )
    with transaction.atomic(), single_audit_entry():
        row = MissionParameter.objects.select_for_update().filter(mission=mission, key=key).first()
        before = {"value": row.value if row else spec.default, "reason": row.reason if row else ""}
        row = row or MissionParameter(mission=mission, key=key)
        row.value, row.reason, row.changed_by = value, reason.strip(), recorded(acting_user)
        row.save()
        log_action(
            "set_mission_parameter",
            row,
            acting_user=acting_user,
            before=before,
            after={"value": value, "reason": row.reason},
            note=row.reason,
        )
    return row


def _check_range(spec: parameters.ParameterSpec, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ActionError(ParameterErrorCode.OUT_OF_RANGE, _("Give a whole number."))
    if not spec.min_value <= value <= spec.max_value:
        raise ActionError(
            ParameterErrorCode.OUT_OF_RANGE,
            _("%(label)s is between %(min)d and %(max)d %(unit)s.")
            % {
                "label": spec.label,
                "min": spec.min_value,
                "max": spec.max_value,
                "unit": spec.unit,
            },
            min=spec.min_value,
            max=spec.max_value,
        )
