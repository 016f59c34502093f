"""Who may grant access (Capstone §7.1: authority flows from the Head of Mission and HQ).

A user manages memberships only where their own role allows deletion (administrators and heads
of mission), and never grants more than they hold: no wider scope, no higher clearance, no
action they lack. Otherwise a mission user could make themselves an HQ administrator.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from bluehelmet.core.models import Role, RoleScope
from bluehelmet.core.permissions import Action, grants_for


def check_can_grant(user: Any, attrs: dict[str, Any], instance: Any) -> None:
    if user.is_superuser:
        return
    role: Role = attrs.get("role") or instance.role
    mission = attrs.get("mission", getattr(instance, "mission", None))
    manage = grants_for(user, Action.DELETE)
    if role.scope == RoleScope.HQ:
        if mission is not None:
            raise serializers.ValidationError({"mission": ["An HQ role covers every mission."]})
        held = manage.all_missions
    else:
        if mission is None:
            raise serializers.ValidationError({"mission": ["Give the mission for this role."]})
        held = manage.clearance_for(mission.pk)
    if held is None:
        raise serializers.ValidationError(
            {"role": ["You do not manage access for this mission or scope."]}
        )
    if role.clearance > held:
        raise serializers.ValidationError({"role": ["This role's clearance exceeds yours."]})
    missing = [
        a
        for a in role.actions
        if grants_for(user, a).clearance_for(None if mission is None else mission.pk) is None
    ]
    if missing:
        raise serializers.ValidationError(
            {"role": [f"This role allows actions you do not hold: {', '.join(missing)}."]}
        )
