"""Records that only some roles see, in their own mission: clearance is not enough.

A strictly confidential clearance lets a role read strictly confidential records in general.
Some records are narrower still: a misconduct case (Capstone §3.2) is for the conduct and
discipline team and the Head of Mission; a human rights case, which may name victims and
witnesses (§2.4; res. 1325/1820), for the human rights officers and the Head of Mission. Every
other role (an HQ planner, an auditor with Headquarters reach, a superuser who administers the
platform) reads the app's suppressed aggregates and nothing else.

``CaseAccess(roles, ...)`` holds one such rule: which missions a user holds a case role in
(cached on the user for the request), ``CaseQuerySet`` whose ``restrict`` adds that to the
usual grants, and the check an action starts with. ``redact`` keeps case text out of the audit log,
which is scoped by mission and sensitivity, not by role: an entry keeps the keys and a keyed
fingerprint of every other value (a change still shows as a new fingerprint).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from typing import Any, ClassVar

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.permissions import Action, RestrictedQuerySet, user_can

REDACTED = "redacted:"


class CaseAccess:
    """Role codes (not a Role column: a site's own role is one more code) that see a kind of
    case in their own mission; ``key`` names the per-request cache on the user."""

    def __init__(self, key: str, roles: Iterable[str]) -> None:
        self.roles = frozenset(roles)
        self.cache_attr = f"_bluehelmet_case_missions_{key}"

    def mission_ids(self, user: Any) -> frozenset[int]:
        """The missions where ``user`` holds one of the roles."""
        if user is None or not user.is_authenticated or not user.is_active:
            return frozenset()
        cached = getattr(user, self.cache_attr, None)
        if cached is None:
            from bluehelmet.core.models import Membership

            cached = frozenset(
                Membership.objects.filter(
                    user=user, active=True, role__code__in=self.roles, mission__isnull=False
                ).values_list("mission_id", flat=True)
            )
            setattr(user, self.cache_attr, cached)
        return cached

    def sees(self, user: Any, mission_id: int | None = None) -> bool:
        """Does ``user`` see cases in ``mission_id`` (or in any mission when it is None)?"""
        missions = self.mission_ids(user)
        return bool(missions) if mission_id is None else mission_id in missions

    def may_handle(self, user: Any, action: str, mission_id: int, sensitivity: int = 0) -> bool:
        """Role and grant together: a case role in the mission that also holds ``action``."""
        return self.sees(user, mission_id) and user_can(user, action, mission_id, sensitivity)

    def require(self, user: Any, action: str, mission_id: int, sensitivity: int = 0) -> None:
        """Refuse an action on a case; ``None`` is the system (demo, CLI) and may act. A user
        without a case role gets ``not_found``: a case out of reach is 404 like a missing one."""
        if user is None:
            return
        if not self.sees(user, mission_id):
            raise ActionError(ErrorCode.NOT_FOUND, _("No such case."))
        if not user_can(user, action, mission_id, sensitivity):
            raise ActionError(ErrorCode.FORBIDDEN, _("Your role does not change this case."))


class CaseQuerySet(RestrictedQuerySet):
    """``restrict`` = the usual grants AND a case role (``access``) in the record's mission.
    An app subclasses it with its ``CaseAccess``."""

    access: ClassVar[CaseAccess]

    def restrict(self, user: Any, action: str = Action.VIEW) -> RestrictedQuerySet:
        missions = self.access.mission_ids(user)
        if not missions:
            return self.none()
        field = getattr(self.model, "mission_field", "mission_id")
        scoped = super().restrict(user, action)
        return scoped.filter(Q(**{f"{field}__in": sorted(missions)}))


def fingerprint(value: Any) -> str:
    """A keyed digest: equal values give equal prints, and no dictionary of names reverses it
    without the site's secret key."""
    raw = json.dumps(value, sort_keys=True, default=str).encode()
    key = str(settings.SECRET_KEY).encode()
    return REDACTED + hmac.new(key, raw, hashlib.sha256).hexdigest()[:16]


def redact(values: dict[str, Any], keep: frozenset[str]) -> dict[str, Any]:
    return {k: (v if k in keep else fingerprint(v)) for k, v in values.items()}
